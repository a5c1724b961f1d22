"""The facilitator pages, for the bad-input test (fuzz_api.py): accounts made with the real CLI, a
client signed in through the form with its CSRF cookie, and a table of hostile query strings and
form posts for every page and export: huge, negative and non-numeric page numbers and ids, bad
dates, NUL and invalid UTF-8 in filters and search, oversized notes, missing and forged CSRF
tokens, hostile sign-ins, and the sign-in of an account removed meanwhile.

Python 3 standard library only.
"""

import re
import sqlite3
import subprocess
import urllib.parse

from raw_http import Request, send

FORM = "application/x-www-form-urlencoded"
ACCOUNT = ("fuzz-facilitator", "a fuzzing facilitator's password")
REMOVED = ("fuzz-removed", "a password of an account that goes")


class Pages:
    """Stands in for a channel endpoint in fuzz_api's Case: the facilitator pages."""
    name = "facilitator"
    settled = True


def add_account(binary, database, name, password):
    """`flowlinks facilitators add NAME`, the password piped in, as an operator's script would."""
    done = subprocess.run([binary, "facilitators", "add", name, "--db", database], input=password + "\n",
                          capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"facilitators add {name} failed: {done.stderr.strip()}")


def remove_account(binary, database, name):
    done = subprocess.run([binary, "facilitators", "remove", name, "--db", database], capture_output=True,
                          text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"facilitators remove {name} failed: {done.stderr.strip()}")


def cookies_of(response):
    """The cookies a response sets, by name (an emptied one as "")."""
    cookies = {}
    for line in response.all("set-cookie"):
        name, _, rest = line.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]
    return cookies


def form_token(body):
    found = re.search(rb'name="csrf" value="([^"]*)"', body)
    return found.group(1).decode() if found else None


class SignedIn:
    """A browser signed in as one facilitator: its session cookie and the token its forms carry."""

    def __init__(self, port, name, password):
        self.port = port
        page, why = send(port, Request("GET", "/facilitator/login"))
        if page is None or page.status != 200:
            raise RuntimeError(f"the sign-in page did not load: {why or page.status}")
        login_cookie, token = cookies_of(page).get("flowlinks_login"), form_token(page.body)
        body = urllib.parse.urlencode({"csrf": token, "username": name, "password": password}).encode()
        answer, why = send(port, Request("POST", "/facilitator/login",
                                         [("Content-Type", FORM), ("Cookie", f"flowlinks_login={login_cookie}")], body))
        if answer is None or answer.status != 303 or not cookies_of(answer).get("flowlinks_session"):
            raise RuntimeError(f"signing in as {name} failed: {why or (answer.status, answer.body[:200])}")
        self.cookie = "flowlinks_session=" + cookies_of(answer)["flowlinks_session"]
        listing, _ = send(port, self.get("/facilitator/sessions"))
        self.csrf = form_token(listing.body) if listing is not None else None
        if not self.csrf:
            raise RuntimeError("the sessions page carried no form token")

    def get(self, path):
        return Request("GET", path, [("Cookie", self.cookie)])

    def post(self, path, fields=None, body=None, csrf=True, framing=None):
        """A form post; `fields` are encoded (the page's token first unless csrf=False), `body` is sent as is."""
        if body is None:
            pairs = ([("csrf", self.csrf)] if csrf is True else [("csrf", csrf)] if csrf else []) + list(fields or [])
            body = urllib.parse.urlencode(pairs).encode()
        return Request("POST", path, [("Cookie", self.cookie), ("Content-Type", FORM)], body, framing=framing)


def first_value(database, sql):
    """The first column of the first row `sql` returns, read through a read-only connection; or None."""
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10)
    try:
        row = db.execute(sql).fetchone()
        return row[0] if row else None
    finally:
        db.close()


NUMBERS = ["9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999999", "-1",
           "0", "1.5", "1e9", "abc", "%00", "1%00", "%20", "0x10", "%FF", "1" * 400]
DATES = ["99999-01-01", "0000-00-00", "0000-01-01", "2026-02-30", "2026-13-01", "-2026-01-01", "2026-1-1",
         "9999-12-31", "0001-01-01", "%00", "2026-01-01%00", "2026/01/01", "20260101", "2026-01-01T00:00",
         "%FF%FE", "9" * 300]
TEXTS = ["%00", "a%00b", "%00%00%00", "%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%", "%zz", "%25",
         "_", "%5C", "'%20OR%201%3D1%20--", "%3Cscript%3E", "x" * 8000, "%E2%80%AE", "%EF%BB%BF"]
QUERIES = ["%", "%zz", "&&&", "==", "page=1&page=2", "=x", "page", "status=%00", "status=bogus", "status=ACTIVE",
           "level=0", "level=6", "level=-1", "level=9223372036854775807", "level=%00", "level=abc", "level=1.0"]


def cases(signed_in, removed, database, make):
    """Every row of the table; `make(group, name, request, expect, after=None)` builds one."""
    rows = []
    session = first_value(database, "SELECT id FROM sessions ORDER BY id LIMIT 1")
    # why: the channel table leaves sessions behind; run alone (--only), there may be none to show.
    found = "accept" if session is not None else "reject"
    session = session or 1

    def add(group, name, request, expect, after=None):
        rows.append(make(group, name, request, expect, after))

    # why: an export that matches every session builds them all (seconds in a debug build, after
    # the channel table); it parses its query as the list does, so it gets a sample of each kind.
    for path, share in [("/facilitator/sessions", slice(None)), ("/facilitator/export.csv", slice(0, None, 3))]:
        add("query", f"{path} plainly", signed_in.get(path), "accept")
        for value in NUMBERS[share]:
            add("page numbers", f"{path}?page={value[:24]}", signed_in.get(f"{path}?page={value}"), "any")
        for name in ["from", "to"]:
            for value in DATES[share]:
                add("dates", f"{path}?{name}={value[:24]}", signed_in.get(f"{path}?{name}={value}"), "any")
        for name in ["search", "organization", "initiative", "channel"]:
            for value in TEXTS:
                add("filters", f"{path}?{name}={value[:24]}", signed_in.get(f"{path}?{name}={value}"), "any")
        for query in QUERIES[share]:
            add("query", f"{path}?{query[:24]}", signed_in.get(f"{path}?{query}"), "any")
    for query in ["page=-1", "%", "x=%00"]:
        add("query", f"/facilitator/overview?{query}", signed_in.get(f"/facilitator/overview?{query}"), "accept")

    for suffix in ["", "/summary", "/export.md", "/export.json"]:
        add("ids", f"session {session}{suffix}", signed_in.get(f"/facilitator/sessions/{session}{suffix}"), found)
        for value in NUMBERS + ["", "%2F", ".."]:
            path = f"/facilitator/sessions/{value}{suffix}"
            add("ids", path[:60], signed_in.get(path), "reject" if value and value != ".." else "any")

    notes = f"/facilitator/sessions/{session}/notes"
    if found == "accept":
        add("notes", "a note with a NUL is stored whole", signed_in.post(notes, [("text", "before\u0000after")]),
            "any", after=note_check(database, "before\ufffdafter"))
    add("notes", "no form token", signed_in.post(notes, [("text", "x")], csrf=None), "reject")
    for token in ["forged", "", "\u0000", signed_in.csrf + "x", signed_in.csrf[:-1]]:
        add("notes", f"form token {token[:12]!r}", signed_in.post(notes, [("text", "x")], csrf=token), "reject")
    add("notes", "no text", signed_in.post(notes, []), "reject")
    add("notes", "only spaces", signed_in.post(notes, [("text", " \r\n\t ")]), "reject")
    add("notes", "5,001 characters", signed_in.post(notes, [("text", "n" * 5001)]), "reject")
    add("notes", "70 kB body", signed_in.post(notes, [("text", "n" * 70_000)]), "reject")
    add("notes", "1 MB body sent chunked", signed_in.post(notes, [("text", "n" * 1_000_000)], framing="chunked"),
        "reject")
    add("notes", "invalid UTF-8", signed_in.post(notes, body=b"csrf=" + signed_in.csrf.encode() + b"&text=%FF%FE"),
        "reject")
    add("notes", "malformed form", signed_in.post(notes, body=b"csrf=" + signed_in.csrf.encode() + b"&text=%"),
        "reject")
    for value in NUMBERS:
        add("notes", f"session {value[:24]}", signed_in.post(f"/facilitator/sessions/{value}/notes", [("text", "x")]),
            "reject")
        add("notes", f"note {value[:24]}", signed_in.post(f"{notes}/{value}", [("text", "x")]), "reject")

    add("sign-out", "forged form token", signed_in.post("/facilitator/logout", [], csrf="forged"), "reject")
    add("sign-out", "no form token", signed_in.post("/facilitator/logout", [], csrf=None), "reject")
    add("access", "a removed account's sign-in downloads nothing", removed.get("/facilitator/export.csv"), "any",
        after=redirect_check("/facilitator/login"))
    add("access", "a forged session cookie", Request("GET", "/facilitator/export.csv",
                                                     [("Cookie", "flowlinks_session=" + "A" * 43)]), "any",
        after=redirect_check("/facilitator/login"))
    add("access", "still signed in after all of it", signed_in.get("/facilitator/sessions"), "accept")

    rows += sign_in_cases(make)
    return rows


def sign_in_cases(make):
    """Hostile sign-ins, last: their failures spend this address's budget (then 429, still a 4xx)."""
    rows = []

    def login(fields, cookie="flowlinks_login=tok", body=None):
        headers = [("Content-Type", FORM)] + ([("Cookie", cookie)] if cookie else [])
        return Request("POST", "/facilitator/login", headers, body or urllib.parse.urlencode(fields).encode())

    name, password = ACCOUNT
    for label, request in [
            ("no cookie, csrf NUL", login([("csrf", "\u0000"), ("username", name), ("password", password)], None)),
            ("no cookie, csrf empty", login([("csrf", ""), ("username", name), ("password", password)], None)),
            ("no cookie, no csrf", login([("username", name), ("password", password)], None)),
            ("empty cookie, empty csrf", login([("csrf", ""), ("username", name), ("password", password)],
                                                "flowlinks_login=")),
            ("cookie and csrf differ", login([("csrf", "other"), ("username", name), ("password", password)])),
            ("a NUL after the name", login([("csrf", "tok"), ("username", name + "\u0000zz"), ("password", password)])),
            ("a 10,000-character name", login([("csrf", "tok"), ("username", "u" * 10_000), ("password", "x")])),
            ("an empty name", login([("csrf", "tok"), ("username", ""), ("password", "x")])),
            ("a 60 kB password", login([("csrf", "tok"), ("username", name), ("password", "p" * 60_000)])),
            ("invalid UTF-8 in the name", login([], body=b"csrf=tok&username=%FF&password=x")),
            ("malformed form", login([], body=b"csrf=tok&username=%")),
    ]:
        rows.append(make("sign-in", label, request, "reject", None))
    for attempt in range(12):
        rows.append(make("sign-in", f"wrong password {attempt + 1} of 12",
                         login([("csrf", "tok"), ("username", name), ("password", f"guess {attempt}")]), "reject", None))
    return rows


def note_check(database, expected):
    def check(runner, response, history):
        if response is None or response.status != 303:
            return [f"the note was not added: {response and response.status}"]
        stored = first_value(database, "SELECT text FROM facilitator_notes ORDER BY id DESC LIMIT 1")
        return [] if stored == expected else [f"the note was stored as {stored!r}, not {expected!r}"]
    return check


def redirect_check(location):
    def check(runner, response, history):
        if response is None or response.status != 303 or response.headers.get("location") != location:
            return [f"expected a 303 to {location}, got {response and response.status} {response and response.body[:80]!r}"]
        return []
    return check
