#!/usr/bin/env python3
"""Bad-input test: bad input of every kind (malformed JSON, wrong types, huge bodies, bad UTF-8, bad
or replayed signatures) gets a 4xx with a clear message, never a 5xx, a crash or a changed row.

Starts the real `flowlinks serve` on 127.0.0.1 with every channel on and a temporary database, then:

(a) runs schemathesis against docs/openapi.yaml (bounded examples per operation, one worker; hooks in
    schemathesis_hooks.py sign the requests and add the "no row changed by a refused request" check);
(b) sends a table of malformed requests to every channel endpoint (channels_under_test.py): malformed
    JSON and form bodies, wrong content types, oversized and truncated bodies, invalid UTF-8, forged
    and missing signatures, stale timestamps, replays, huge numbers, deep nesting, nulls in every
    field, unicode edge cases. Endpoints the server does not have (404) are skipped;
(c) creates facilitator accounts with the CLI, signs in through the form, and sends a table of
    hostile query strings and form posts to every facilitator page and export
    (facilitator_pages_under_test.py): page numbers, ids and dates out of range, NUL and invalid
    UTF-8 in filters and search, oversized notes, missing and forged CSRF tokens, hostile sign-ins,
    and the sign-in of an account removed meanwhile.

After every request: the process is alive and /healthz answers; a response came back (no dropped
connection); no 5xx; and for a 4xx, every table's rows are as before (row counts and a hash of the
rows, read through a read-only sqlite3 connection). A response never contains a configured secret.

    Tests/Reliability/fuzz_api.py --binary .build/debug/flowlinks [--max-examples 50] [--seed N] [--skip-schemathesis]
"""

import argparse
import copy
import http.server
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time

import channels_under_test as channels
import facilitator_pages_under_test as facilitator_pages
from database_snapshot import differences, snapshot, transcript_lines
from live_server import LiveServer
from raw_http import Request, send

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(os.path.dirname(HERE))
MAX_BODY_BYTES = 65536
PLACEHOLDER = "\ue000"  # a private-use character, swapped for raw bytes or raw JSON tokens after encoding

# What a case expects: "reject" a 4xx; "accept" a 2xx; "any" either; "incomplete" any answer or
# none (the request itself was cut short). Whatever it expects: no 5xx, the server stays up, and a
# 4xx changes no row.


class Case:
    def __init__(self, endpoint, group, name, request, expect, strict=True, after=None, json_error=True):
        self.endpoint, self.group, self.name, self.request = endpoint, group, name, request
        # A 4xx from a webhook carries {"error": ...}; the HTTP layer's own refusals need not.
        self.json_error = json_error
        # why: an unsettled endpoint's finer behaviour is its author's call; the rules every
        # channel shares (no 5xx, refusal of forged and malformed input) are still enforced.
        self.expect = expect if (strict or endpoint.settled) else "any"
        self.after = after

    @property
    def label(self):
        return f"{self.endpoint.name} / {self.group} / {self.name}"


class Numbering:
    """A fresh message number for each request, so each lands in a new conversation and event."""

    def __init__(self, start):
        self.value = start

    def __call__(self):
        self.value += 1
        return self.value


def with_raw(endpoint, payload, path, raw):
    """The payload encoded with the value at `path` replaced by raw bytes (a JSON token or bad bytes)."""
    if endpoint.media_type == channels.JSON:
        target = payload
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = PLACEHOLDER
        encoded = channels.json_bytes(payload)
        return encoded.replace(json.dumps(PLACEHOLDER, ensure_ascii=False).encode(), raw, 1)
    pairs = [(name, PLACEHOLDER if name == path[0] else value) for name, value in payload]
    return channels.form_bytes(pairs).replace(b"%EE%80%80", raw, 1)


def leaf_paths(value, prefix=()):
    """Every path to a scalar in a JSON payload, and to every object or array below the top."""
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return [prefix]
    paths = [prefix] if prefix else []
    for key, child in items:
        paths += leaf_paths(child, prefix + (key,))
    return paths


def set_path(payload, path, value):
    target = payload
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return payload


def cases_for(endpoint, next_n):
    """Every row of the table for one endpoint."""
    is_json = endpoint.media_type == channels.JSON
    rows = []

    def add(group, name, request, expect, strict=True, after=None, json_error=True):
        rows.append(Case(endpoint, group, name, request, expect, strict, after, json_error))

    # Valid requests and replays.
    add("valid", "a valid message", endpoint.valid(next_n()), "accept", strict=False)
    n = next_n()
    first = endpoint.valid(n, "hello")
    add("replay", "first delivery", first, "accept", strict=False)
    add("replay", "the same event again (a platform's retry)", first, "accept", strict=False,
        after=replay_check(endpoint, n, first))
    add("replay", "the same event id with other text", endpoint.valid(n, "something else"), "accept", strict=False,
        after=transcript_check(endpoint, n, "hello"))
    for name, request, expect in endpoint.extra_cases(next_n()):
        add("platform", name, request, expect, strict=expect != "accept")

    # Forged and missing signatures, stale timestamps.
    for name, request in endpoint.forgeries(next_n()):
        add("authentication", name, request, "reject", strict=not name.startswith("timestamp an hour"))

    # Malformed bodies.
    valid_body = endpoint.encode(endpoint.payload(next_n(), "hello"))
    if is_json:
        bodies = [b"", b"{", b"}", b"[", b"not json", b"[1, 2]", b"null", b"true", b"42", b'"text"', b"{}",
                  b'{"a": 1,}', b"{'text': 'single quotes'}", b'{"text": "x" /* comment */}', b"\x00" * 16,
                  valid_body[: len(valid_body) // 3], valid_body[:-1], valid_body + b"}", valid_body + b" trailing"]
    else:
        bodies = [b"%", b"a=%zz", b"Body=%E0%A4%A", b"=&=", b"&&&", b"%00=%00", valid_body[: len(valid_body) // 3]]
    for body in bodies:
        add("malformed body", repr(body[:40]), endpoint.request(body), "reject",
            strict=len(body) < len(valid_body) // 2 or not body.startswith(valid_body[:10]))
    add("malformed body", "valid body with a UTF-8 byte order mark", endpoint.request(b"\xef\xbb\xbf" + valid_body),
        "any")
    add("malformed body", "Content-Length longer than the body, then our side closes",
        Request("POST", endpoint.path, endpoint.request(valid_body).headers, valid_body, framing=len(valid_body) + 50,
                half_close=True), "incomplete")
    add("malformed body", "Content-Length shorter than the body", Request(
        "POST", endpoint.path, endpoint.request(valid_body[:20]).headers, valid_body, framing=20), "reject")
    chunked = endpoint.valid(next_n())
    add("framing", "a valid body sent chunked", Request("POST", endpoint.path, chunked.headers, chunked.body,
                                                        framing="chunked"), "accept", strict=False)
    garbage_chunks = Request("POST", endpoint.path, endpoint.request(b"").headers + [("Transfer-Encoding", "chunked")],
                             b"zz\r\nnot a chunk\r\n", framing="none")
    add("framing", "malformed chunk sizes", garbage_chunks, "incomplete")

    # Wrong content types.
    other = channels.FORM if is_json else channels.JSON
    wrong_types = [None, "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/jsonx",
                   "json", "*/*"]
    if not (endpoint.name.startswith("mattermost") and other == channels.JSON):
        wrong_types.append(other)
    for media_type in wrong_types:
        body = endpoint.encode(endpoint.payload(next_n(), "hello"))
        add("content type", f"Content-Type {media_type}", endpoint.request(body, media_type), "reject", strict=False)
    for media_type in [endpoint.media_type + "; charset=utf-8", endpoint.media_type.upper()]:
        body = endpoint.encode(endpoint.payload(next_n(), "hello"))
        add("content type", f"Content-Type {media_type}", endpoint.request(body, media_type), "accept", strict=False)

    # Oversized bodies.
    for size in [MAX_BODY_BYTES + 1, 70_000, 1_000_000, 8_000_000]:
        payload = endpoint.payload(next_n(), "x")
        quotes = b'""' if is_json else b""
        around = len(with_raw(endpoint, copy.deepcopy(payload), endpoint.text_path, quotes))
        padding = b"a" * (size - around)
        padded = with_raw(endpoint, payload, endpoint.text_path, quotes[:1] + padding + quotes[1:])
        add("oversized", f"{len(padded)} bytes", endpoint.request(padded), "reject")
    big = endpoint.encode(endpoint.payload(next_n(), "x" * 70_000))
    add("oversized", "70 kB sent chunked", Request("POST", endpoint.path, endpoint.request(big).headers, big,
                                                   framing="chunked"), "reject")
    add("oversized", "Content-Length of 10 GB, small body", Request(
        "POST", endpoint.path, endpoint.request(valid_body).headers, valid_body, framing=10**10, half_close=True),
        "incomplete")

    # Invalid UTF-8 inside the text.
    for name, raw in [("0xFF byte", b"\xff"), ("overlong slash", b"\xc0\xaf"), ("UTF-8 encoded surrogate", b"\xed\xa0\x80"),
                      ("beyond U+10FFFF", b"\xf4\x90\x80\x80"), ("cut multi-byte sequence", b"\xe2\x82"),
                      ("lone continuation byte", b"\x80")]:
        raw_text = (b'"' + raw + b'"') if is_json else raw
        body = with_raw(endpoint, endpoint.payload(next_n(), "x"), endpoint.text_path, raw_text)
        add("invalid UTF-8", name, endpoint.request(body), "reject")
    if not is_json:
        body = with_raw(endpoint, endpoint.payload(next_n(), "x"), endpoint.text_path, b"%FF%FE")
        add("invalid UTF-8", "percent-encoded 0xFF 0xFE", endpoint.request(body), "reject")

    if is_json:
        rows += json_structure_cases(endpoint, next_n)
    else:
        rows += form_structure_cases(endpoint, next_n)
    rows += unicode_cases(endpoint, next_n)

    # Methods and paths.
    # why: the web chat's address is also its page, which a browser GETs.
    add("method", "GET", Request("GET", endpoint.path), "accept" if endpoint.page_on_get else "reject", strict=False)
    for method in ["PUT", "DELETE", "PATCH"]:
        add("method", method, Request(method, endpoint.path, endpoint.request(valid_body).headers, valid_body), "reject",
            strict=False)
    add("method", "trailing slash", Request("POST", endpoint.path + "/", endpoint.request(valid_body).headers,
                                            valid_body), "any")

    # Headers.
    huge = endpoint.valid(next_n())
    add("headers", "an 8 kB header", Request("POST", endpoint.path, huge.headers + [("X-Padding", "p" * 8000)],
                                             huge.body), "any")
    add("headers", "a 200 kB header", Request("POST", endpoint.path, huge.headers + [("X-Padding", "p" * 200_000)],
                                              huge.body), "incomplete", json_error=False)

    # A burst past the per-conversation rate limit: the refused ones change nothing.
    burst = next_n()
    for index in range(12):
        payload = endpoint.payload(burst, f"burst {index}")
        rows.append(Case(endpoint, "rate limit", f"message {index + 1} of a burst of 12",
                         endpoint.request(endpoint.encode(retarget(endpoint, payload, burst, index))), "any"))
    return rows


def retarget(endpoint, payload, conversation_n, index):
    """The same conversation, a new event id (for a burst of messages from one person)."""
    event = 5_000_000 + conversation_n * 100 + index
    if isinstance(endpoint, channels.Generic):
        payload["message_id"] = f"fuzz-burst-{event}"
    elif isinstance(endpoint, channels.Telegram):
        payload["update_id"] = event
    elif isinstance(endpoint, channels.Twilio):
        payload = [(k, f"SMburst{event}" if k == "MessageSid" else v) for k, v in payload]
    elif isinstance(endpoint, channels.MattermostJSON):
        payload["post_id"] = f"mmburst{event}"
    elif isinstance(endpoint, channels.MattermostForm):
        payload = [(k, f"mmburst{event}" if k == "post_id" else v) for k, v in payload]
    elif isinstance(endpoint, channels.Slack):
        payload["event_id"] = f"EvBURST{event}"
    elif isinstance(endpoint, channels.WhatsApp):
        payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"] = f"wamid.BURST{event}"
    elif isinstance(endpoint, channels.Discord):
        payload["id"] = str(event)
    return payload


def json_structure_cases(endpoint, next_n):
    rows = []
    sample = endpoint.payload(0, "hello")
    # Huge and odd numbers in every field.
    for path in leaf_paths(sample):
        for token in [b"1e400", b"123456789012345678901234567890", b"-9223372036854775809", b"1.5", b"-0"]:
            body = with_raw(endpoint, endpoint.payload(next_n(), "hello"), path, token)
            rows.append(Case(endpoint, "huge numbers", f"{'.'.join(map(str, path))} = {token.decode()}",
                             endpoint.request(body), "any"))
    # Nulls in every field, and everywhere at once.
    for path in leaf_paths(sample):
        body = channels.json_bytes(set_path(endpoint.payload(next_n(), "hello"), path, None))
        rows.append(Case(endpoint, "nulls", f"{'.'.join(map(str, path))} = null", endpoint.request(body), "any"))
    all_null = {key: None for key in sample}
    rows.append(Case(endpoint, "nulls", "every top-level field null",
                     endpoint.request(channels.json_bytes(all_null)), "reject", strict=False))
    # Deep nesting, in the text field and as the whole body.
    for depth in [64, 1_000, 10_000, 30_000]:
        nested = b"[" * depth + b"]" * depth
        body = with_raw(endpoint, endpoint.payload(next_n(), "x"), endpoint.text_path, nested)
        rows.append(Case(endpoint, "deep nesting", f"text = {depth} nested arrays", endpoint.request(body), "any"))
    for depth in [1_000, 12_000]:
        nested = b'{"a":' * depth + b"1" + b"}" * depth
        body = with_raw(endpoint, endpoint.payload(next_n(), "x"), endpoint.text_path, nested)
        rows.append(Case(endpoint, "deep nesting", f"text = {depth} nested objects", endpoint.request(body), "any"))
    rows.append(Case(endpoint, "deep nesting", "the body: 32,000 nested arrays",
                     endpoint.request(b"[" * 32_000 + b"]" * 32_000), "reject"))
    rows.append(Case(endpoint, "deep nesting", "the body: 60,000 unclosed arrays", endpoint.request(b"[" * 60_000),
                     "reject"))
    rows.append(Case(endpoint, "deep nesting", "the body: 10,000 nested objects",
                     endpoint.request(b'{"a":' * 10_000 + b"null" + b"}" * 10_000), "reject"))
    # Wrong types in every field.
    for path in leaf_paths(sample):
        for name, value in [("an array", [1, "two"]), ("an object", {"nested": True}), ("a boolean", False)]:
            body = channels.json_bytes(set_path(endpoint.payload(next_n(), "hello"), path, value))
            rows.append(Case(endpoint, "wrong types", f"{'.'.join(map(str, path))} = {name}", endpoint.request(body),
                             "any"))
    return rows


def form_structure_cases(endpoint, next_n):
    rows = []
    names = [name for name, _ in endpoint.payload(0, "hello")]
    for name in names:
        n = next_n()
        missing = [(k, v) for k, v in endpoint.payload(n, "hello") if k != name]
        rows.append(Case(endpoint, "missing fields", f"no {name}", endpoint.request(channels.form_bytes(missing)), "any"))
        empty = [(k, "" if k == name else v) for k, v in endpoint.payload(next_n(), "hello")]
        rows.append(Case(endpoint, "empty fields", f"{name} empty", endpoint.request(channels.form_bytes(empty)), "any"))
        twice = endpoint.payload(next_n(), "hello")
        twice += [(name, "second value")]
        rows.append(Case(endpoint, "repeated fields", f"{name} twice", endpoint.request(channels.form_bytes(twice)),
                         "any"))
        huge = [(k, "123456789012345678901234567890" if k == name else v) for k, v in endpoint.payload(next_n(), "h")]
        rows.append(Case(endpoint, "huge numbers", f"{name} = 30 digits", endpoint.request(channels.form_bytes(huge)),
                         "any"))
    return rows


UNICODE_TEXTS = [
    ("Arabic (right to left)", "مرحبا، نعم"),
    ("right-to-left override", "\u202eevil\u202c yes"),
    ("Hebrew with numbers", "כן 2"),
    ("emoji ZWJ family and flags", "👩‍👩‍👧‍👦 🏳️‍🌈 🇺🇦 yes"),
    ("astral letters", "𝕱𝖑𝖔𝖜 𝕷𝖎𝖓𝖐𝖘"),
    ("NUL alone", "\u0000"),
    ("NUL inside", "ye\u0000s"),
    ("zero-width space only", "\u200b"),
    ("spaces and line breaks only", " \r\n\t "),
    ("5,000 combining marks", "e" + "\u0301" * 5000),
    ("zalgo", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇"),
    ("noncharacter U+FFFF", "\uffff"),
    ("byte order mark inside", "\ufeffyes"),
    ("30,000 two-byte letters", "ü" * 30_000),
    ("lone high surrogate (escaped)", "\ud800"),
    ("lone low surrogate (escaped)", "x\udfffx"),
    ("reversed surrogate pair (escaped)", "\udc00\ud800"),
]


def unicode_cases(endpoint, next_n):
    rows = []
    for name, text in UNICODE_TEXTS:
        n = next_n()
        payload = endpoint.payload(n, text)
        surrogate = any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        if endpoint.media_type == channels.JSON:
            # why: lone surrogates can only travel as \u escapes; ASCII-escaped JSON carries them.
            body = json.dumps(payload, ensure_ascii=True).encode()
        elif surrogate:
            continue  # a form body is UTF-8: a lone surrogate cannot be in it (invalid UTF-8 is tested above)
        else:
            body = endpoint.encode(payload)
        # why: a NUL cannot be stored in SQLite text as FlowLinks binds it; the server shows it as U+FFFD.
        stored = endpoint.stored_text(text)
        after = None if surrogate else transcript_check(endpoint, n, stored, only_if_accepted=True)
        rows.append(Case(endpoint, "unicode", name, endpoint.request(body), "any", after=after))
    if isinstance(endpoint, channels.Generic):
        for name, value, expect in [
                ("conversation", "مرحبا 👩‍👩‍👧‍👦", "accept"), ("message_id", "🆔\u202e", "accept"),
                ("participant", "\ud83d", "any"), ("conversation", "\u3000", "any"), ("message_id", "é" * 200, "accept"),
                ("conversation", "c" * 201, "reject"), ("participant", "p" * 201, "reject"),
                # why: ids that differ only after a NUL would be stored as one (SQLite binds C strings).
                ("conversation", "team\u0000other", "reject"), ("message_id", "fuzz-msg\u0000other", "reject"),
                ("participant", "ma\u0000ria", "accept")]:
            payload = endpoint.payload(next_n(), "hello")
            payload[name] = value
            rows.append(Case(endpoint, "unicode", f"{name} = {value[:12]!r}{'…' if len(value) > 12 else ''}",
                             endpoint.request(json.dumps(payload).encode()), expect))
    return rows


def replay_check(endpoint, n, request):
    """The retry got the first reply again, and the transcript holds the message once."""
    def check(runner, response, history):
        first = history.get(id(request))
        problems = []
        if first is not None and 200 <= first.status < 300 and response is not None:
            if isinstance(endpoint, channels.Generic):
                one, two = json.loads(first.body), json.loads(response.body)
                if not two.get("replay") or {**one, "replay": True} != two:
                    problems.append(f"the retry's reply differs: {first.body[:120]!r} / {response.body[:120]!r}")
            elif first.body != response.body and endpoint.settled:
                problems.append(f"the retry's reply differs: {first.body[:120]!r} / {response.body[:120]!r}")
            lines = transcript_lines(runner.database, endpoint.event_id(n))
            if len(lines) != 1:
                problems.append(f"the transcript holds event {endpoint.event_id(n)} {len(lines)} times")
        return problems
    return check


def transcript_check(endpoint, n, text, only_if_accepted=False):
    """The transcript holds the event once, with `text` exactly."""
    def check(runner, response, history):
        if response is None or not 200 <= response.status < 300:
            return [] if only_if_accepted or not endpoint.settled else [f"not accepted: {response and response.status}"]
        lines = transcript_lines(runner.database, endpoint.event_id(n))
        if not endpoint.settled and not lines:
            return []
        if len(lines) != 1:
            return [f"the transcript holds event {endpoint.event_id(n)} {len(lines)} times"]
        if lines[0][1] != text:
            return [f"stored text differs: sent {text[:40]!r}, stored {lines[0][1][:40]!r}"]
        return []
    return check


class FakePlatformAPI:
    """Answers every platform API call (the outbox's sendMessage and the like) with a 200, on 127.0.0.1."""

    def __init__(self):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = b'{"ok": true, "result": {}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_PUT = do_POST

            def log_message(self, *arguments):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


class Runner:
    def __init__(self, server, database):
        self.server = server
        self.database = database
        self.sent = self.rejected = self.accepted = self.server_errors = self.dropped = 0
        self.failures = []
        self.notes = []
        self.history = {}
        self.durations = []

    def run(self, case):
        before = snapshot(self.database)
        self.sent += 1
        started = time.monotonic()
        try:
            response, why = send(self.server.port, case.request, timeout=15.0)
        except OSError as error:
            response, why = None, f"could not connect: {error!r}"
        self.durations.append((time.monotonic() - started, case.label))
        self.history[id(case.request)] = response
        problems = []
        if response is None:
            self.dropped += 1
            if case.expect != "incomplete":
                problems.append(why)
        else:
            status = response.status
            if 400 <= status < 500:
                self.rejected += 1
            elif 200 <= status < 300:
                self.accepted += 1
            if status >= 500:
                self.server_errors += 1
                problems.append(f"{status} {response.body[:200]!r}")
            elif case.expect == "reject" and not 400 <= status < 500:
                problems.append(f"expected a 4xx, got {status} {response.body[:120]!r}")
            elif case.expect == "accept" and not 200 <= status < 300:
                problems.append(f"expected a 2xx, got {status} {response.body[:120]!r}")
            if status in (400, 401, 413, 415) and case.json_error and not error_body(response):
                problems.append(f"a {status} without a JSON error body: {response.body[:120]!r}")
            for secret in channels.SECRETS:
                if secret.encode() in response.body:
                    problems.append("the response contains a configured secret")
        if response is None or 400 <= response.status < 500 or response.status >= 500:
            changed = differences(before, snapshot(self.database))
            if changed:
                problems.append("a refused request changed rows: " + "; ".join(changed))
        if not self.server.healthy():
            problems.append("the server is down or /healthz failed after this request")
        if case.after is not None:
            problems += case.after(self, response, self.history)
        if not case.endpoint.settled and problems:
            # why: only the shared rules fail an unsettled endpoint; the rest is reported.
            hard = [p for p in problems if not p.startswith(("expected a", "the retry", "stored text", "not accepted"))]
            soft = [p for p in problems if p not in hard]
            self.notes += [f"{case.label}: {p}" for p in soft]
            problems = hard
        self.failures += [f"{case.label}: {problem}" for problem in problems]
        if not self.server.is_alive():
            raise RuntimeError(f"the server died after {case.label}; see {self.server.log_path}")
        return response


def error_body(response):
    try:
        body = json.loads(response.body)
    except ValueError:
        return False
    return isinstance(body, dict) and isinstance(body.get("error"), str) and body["error"]


def server_settings(binary):
    """FLOWLINKS_* variables that turn on every channel this binary knows (from `serve --help`)."""
    help_text = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True).stdout
    known = set(re.findall(r"^\s+([a-z_]+), FLOWLINKS_[A-Z_]+$", help_text, re.MULTILINE))
    environment = {}
    for endpoint in channels.ENDPOINTS:
        for key, value in endpoint.settings.items():
            if key in known:
                environment["FLOWLINKS_" + key.upper()] = value
    return environment, known


def start_server(binary, database, log_path, fake_api):
    """The server with every channel on. A setting the server says is also required (a pair of a
    channel built elsewhere) gets a placeholder value, or the fake API's address for a base URL."""
    environment, known = server_settings(binary)
    for key in known:
        if key.endswith("_base_url"):
            environment["FLOWLINKS_" + key.upper()] = fake_api.url
    for _ in range(6):
        server = LiveServer(binary, database, log_path, environment=environment, settings={"log_level": "warning"})
        try:
            server.start()
            return server
        except RuntimeError:
            with open(log_path, errors="replace") as log:
                text = log.read()
            required = re.findall(r"Configuration problem: (FLOWLINKS_[A-Z_]+): is required", text)
            missing = [name for name in required if name not in environment]
            if not missing:
                raise
            for name in missing:
                environment[name] = fake_api.url if name.endswith("_URL") else f"fuzz-{name.lower()}"
    raise RuntimeError(f"the server would not start; see {log_path}")


def facilitator_cases(binary, server, database):
    """Accounts made with the CLI, a client signed in through the form, one whose account is then
    removed, and the facilitator pages' table (facilitator_pages_under_test.py)."""
    for name, password in [facilitator_pages.ACCOUNT, facilitator_pages.REMOVED]:
        facilitator_pages.add_account(binary, database, name, password)
    signed_in = facilitator_pages.SignedIn(server.port, *facilitator_pages.ACCOUNT)
    removed = facilitator_pages.SignedIn(server.port, *facilitator_pages.REMOVED)
    facilitator_pages.remove_account(binary, database, facilitator_pages.REMOVED[0])

    def make(group, name, request, expect, after):
        # why: the pages answer refusals with a short HTML page, not the webhooks' JSON error.
        return Case(facilitator_pages.Pages, group, name, request, expect, after=after, json_error=False)
    return facilitator_pages.cases(signed_in, removed, database, make)


# Every check that fits a webhook server whose spec documents each answer; left out:
# positive_data_acceptance (a schema-valid request may still be refused: a GET is documented as 405,
# an id holding NUL is refused), unsupported_method (the router answers a method no route has, such
# as TRACE, with 404 rather than 405) and the checks for resources and authorization it does not have.
CHECKS = ",".join([
    "not_a_server_error", "status_code_conformance", "content_type_conformance", "response_schema_conformance",
    "response_headers_conformance", "negative_data_rejection", "no_row_changed_by_a_refused_request",
])


def run_schemathesis(server, database, max_examples, seed, work):
    """schemathesis against docs/openapi.yaml; returns (exit code, counts from the hooks)."""
    counts_path = os.path.join(work, "schemathesis-counts.json")
    environment = dict(os.environ, SCHEMATHESIS_HOOKS="schemathesis_hooks", PYTHONPATH=HERE,
                       FLOWLINKS_FUZZ_DATABASE=database, FLOWLINKS_FUZZ_COUNTS=counts_path,
                       FLOWLINKS_FUZZ_PORT=str(server.port))
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", os.path.join(REPOSITORY, "docs", "openapi.yaml"),
        "--url", server.base_url, "--max-examples", str(max_examples), "--seed", str(seed), "--workers", "1",
        "--phases", "examples,coverage,fuzzing", "--mode", "all",
        "--checks", CHECKS,
        "--suppress-health-check", "all", "--request-timeout", "15", "--no-color", "--generation-database", "none",
    ]
    code = subprocess.run(command, env=environment, cwd=work).returncode
    try:
        with open(counts_path) as file:
            counts = json.load(file)
    except (OSError, ValueError):
        counts = {}
    return code, counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/debug/flowlinks")
    parser.add_argument("--max-examples", type=int, default=100, help="schemathesis examples per operation")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--skip-schemathesis", action="store_true")
    parser.add_argument("--only", help="run the table only for endpoints whose name contains this")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    seed = arguments.seed if arguments.seed is not None else random.SystemRandom().randrange(1, 2**31)
    print(f"bad-input test: seed {seed} (repeat with --seed {seed})", flush=True)
    started = time.monotonic()

    work = tempfile.mkdtemp(prefix="flowlinks-fuzz-")
    database = os.path.join(work, "fuzz.sqlite")
    fake_api = FakePlatformAPI()
    server = start_server(binary, database, os.path.join(work, "server.log"), fake_api)
    failures, notes = [], []
    runner = Runner(server, database)
    try:
        schemathesis_code, counts = 0, {}
        if not arguments.skip_schemathesis:
            print("== (a) schemathesis against docs/openapi.yaml", flush=True)
            schemathesis_code, counts = run_schemathesis(server, database, arguments.max_examples, seed, work)
            if schemathesis_code != 0:
                failures.append(f"schemathesis exited with {schemathesis_code} (its report is above)")
            if not server.healthy():
                failures.append("the server is down after schemathesis")
                raise RuntimeError("the server died during schemathesis")

        print("== (b) malformed requests per channel endpoint", flush=True)
        numbering = Numbering(random.Random(seed).randrange(1, 10**6) * 1000)
        skipped = []
        for endpoint in channels.ENDPOINTS:
            if arguments.only and arguments.only not in endpoint.name:
                continue
            probe, _ = send(server.port, Request("POST", endpoint.path, [("Content-Type", endpoint.media_type)], b"{}"))
            if probe is not None and probe.status == 404:
                skipped.append(endpoint.name)
                continue
            rows = cases_for(endpoint, numbering)
            before = (runner.sent, runner.rejected, len(runner.failures))
            for case in rows:
                runner.run(case)
            print(f"  {endpoint.name:<18} {runner.sent - before[0]:>4} requests, {runner.rejected - before[1]:>4} 4xx, "
                  f"{len(runner.failures) - before[2]} problems", flush=True)
        if not arguments.only or arguments.only in facilitator_pages.Pages.name:
            print("== (c) hostile requests to the signed-in facilitator pages", flush=True)
            before = (runner.sent, runner.rejected, len(runner.failures), time.monotonic())
            for case in facilitator_cases(binary, server, database):
                runner.run(case)
            print(f"  {'facilitator':<18} {runner.sent - before[0]:>4} requests, {runner.rejected - before[1]:>4} 4xx, "
                  f"{len(runner.failures) - before[2]} problems, {time.monotonic() - before[3]:.0f} s", flush=True)
        failures += runner.failures
        notes += runner.notes
    finally:
        alive = server.healthy()
        server.stop()
        fake_api.close()

    print("bad-input test summary")
    print(f"  seed:                              {seed}")
    if not arguments.skip_schemathesis:
        print(f"  schemathesis examples tried:       {counts.get('calls', '?')} "
              f"({counts.get('operations', '?')} operations, max {arguments.max_examples} each)")
        print(f"  schemathesis 4xx / 5xx:            {counts.get('4xx', '?')} / {counts.get('5xx', '?')}")
        print(f"  schemathesis refused, rows checked: {counts.get('rows_checked', '?')}")
    print(f"  table requests sent:               {runner.sent}")
    print(f"  table 2xx / 4xx / 5xx:             {runner.accepted} / {runner.rejected} / {runner.server_errors}")
    print(f"  connections closed without answer: {runner.dropped} (only where the request itself was cut short)")
    print(f"  endpoints skipped (404, not built): {', '.join(skipped) or 'none'}")
    print(f"  server alive and healthy at end:   {'yes' if alive else 'NO'}")
    print(f"  time:                              {time.monotonic() - started:.1f} s")
    slow = sorted((entry for entry in runner.durations if entry[0] >= 1.0), reverse=True)[:5]
    if slow:
        print("  slowest requests:                  " + "; ".join(f"{label} {seconds:.1f} s" for seconds, label in slow))
    for note in notes:
        print(f"  note (not enforced): {note}")
    if not alive:
        failures.append("the server was not healthy at the end")
    if failures:
        print(f"FAILED (seed {seed}; database and log kept in {work}):")
        for failure in failures[:60]:
            print(f"  - {failure}")
        if len(failures) > 60:
            print(f"  … and {len(failures) - 60} more")
        return 1
    print("bad-input: 1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
