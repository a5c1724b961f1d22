"""The channel endpoints the bad-input test attacks, one class each: how to build a valid request
(signed as the platform signs it), how to sign any body, and how to forge one. Adding a platform is
adding a class here and a line to ENDPOINTS; every case of fuzz_api.py then runs against it.

An endpoint marked `settled = False` is new or built elsewhere: its rows run only where the server
answers its path (not 404), and only the rules that hold for any channel are enforced there
(never a 5xx, no connection drop, no row changed by a refused request, forged or malformed input
refused); the finer expectations are reported but not enforced.
"""

import base64
import hashlib
import hmac
import json
import time
import urllib.parse

import ed25519
from raw_http import Request

GENERIC_TOKEN = "fuzz-generic-token"
TELEGRAM_SECRET = "fuzz-telegram-secret"
TWILIO_TOKEN = "fuzz-twilio-auth-token"
TWILIO_URL = "https://flowlinks.example.test/webhooks/twilio"
MATTERMOST_TOKEN = "fuzz-mattermost-token"
SLACK_SECRET = "fuzz-slack-signing-secret"
WHATSAPP_SECRET = "fuzz-whatsapp-app-secret"
WHATSAPP_VERIFY = "fuzz-whatsapp-verify-token"
DISCORD_SECRET = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
DISCORD_PUBLIC = ed25519.public_key(DISCORD_SECRET).hex()
OTHER_DISCORD_SECRET = bytes(range(32))
# why: platform APIs point at a closed port on this machine, so no test reaches the internet.
NO_NETWORK = "http://127.0.0.1:9"

SECRETS = [GENERIC_TOKEN, TELEGRAM_SECRET, TWILIO_TOKEN, MATTERMOST_TOKEN, SLACK_SECRET, WHATSAPP_SECRET,
           WHATSAPP_VERIFY]

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


def json_bytes(payload):
    return json.dumps(payload, ensure_ascii=False).encode()


class Endpoint:
    name = ""
    path = ""
    media_type = JSON
    settled = True
    # Settings that turn the channel on: config key → value (set through FLOWLINKS_* variables).
    settings = {}
    # Where the text a person typed sits in the payload, and what the server stores for it.
    text_path = ("text",)
    # A GET of the address is a page for people (the web chat), not a refusal.
    page_on_get = False

    def payload(self, n, text):
        """A valid payload for message number n (a fresh event and conversation for each n)."""
        raise NotImplementedError

    def event_id(self, n):
        """The dedupe id the server stores as the transcript's platform message id."""
        raise NotImplementedError

    def encode(self, payload):
        return json_bytes(payload) if self.media_type == JSON else form_bytes(payload)

    def stored_text(self, text):
        """What the transcript holds for a typed text (a NUL is shown as U+FFFD everywhere)."""
        return text.replace("\u0000", "\ufffd")

    def auth_headers(self, body):
        """The headers that authenticate `body`, whatever it holds."""
        return []

    def request(self, body, media_type="default", headers=None):
        """A POST of `body`, signed, with the given Content-Type (None: no Content-Type header)."""
        media_type = self.media_type if media_type == "default" else media_type
        listed = [("Content-Type", media_type)] if media_type is not None else []
        return Request("POST", self.path, listed + self.auth_headers(body) + (headers or []), body)

    def valid(self, n, text="hello"):
        return self.request(self.encode(self.payload(n, text)))

    def forgeries(self, n):
        """(name, request) pairs that must be refused as unauthenticated."""
        return []

    def extra_cases(self, n):
        """Platform-specific (name, request, expectation) rows."""
        return []


def form_bytes(pairs):
    return urllib.parse.urlencode(pairs, quote_via=urllib.parse.quote_plus).encode()


def get_text(payload, path):
    for key in path:
        payload = payload[key]
    return payload


class Generic(Endpoint):
    name, path = "generic", "/webhooks/generic"
    settings = {"generic_token": GENERIC_TOKEN}

    def payload(self, n, text):
        return {"conversation": f"fuzz-{n}", "participant": "fuzzer", "message_id": f"fuzz-msg-{n}", "text": text}

    def event_id(self, n):
        return f"fuzz-msg-{n}"

    def auth_headers(self, body):
        return [("Authorization", f"Bearer {GENERIC_TOKEN}")]

    def forgeries(self, n):
        body = self.encode(self.payload(n, "hello"))
        plain = [("Content-Type", JSON)]
        return [
            (f"no {name}", Request("POST", self.path, plain + extra, body)) for name, extra in [("Authorization", [])]
        ] + [
            (name, Request("POST", self.path, plain + [("Authorization", value)], body))
            for name, value in [
                ("wrong bearer token", "Bearer not-the-token"),
                ("token with one more character", f"Bearer {GENERIC_TOKEN}x"),
                ("token missing its last character", f"Bearer {GENERIC_TOKEN[:-1]}"),
                ("Basic scheme", "Basic " + base64.b64encode(f"x:{GENERIC_TOKEN}".encode()).decode()),
                ("token without a scheme", GENERIC_TOKEN),
                ("empty bearer", "Bearer "),
                ("two spaces before the token", f"Bearer  {GENERIC_TOKEN}"),
            ]
        ]


class Telegram(Endpoint):
    name, path = "telegram", "/webhooks/telegram"
    settings = {"telegram_secret_token": TELEGRAM_SECRET, "telegram_bot_token": "123456:fuzz-bot-token",
                "telegram_api_base_url": NO_NETWORK}
    text_path = ("message", "text")

    def payload(self, n, text):
        return {"update_id": 700_000 + n, "message": {
            "message_id": n, "date": 1_700_000_000, "text": text,
            "from": {"id": 900_000 + n, "is_bot": False, "first_name": "Fuzz"},
            "chat": {"id": 900_000 + n, "type": "private"}}}

    def event_id(self, n):
        return str(700_000 + n)

    def auth_headers(self, body):
        return [("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET)]

    def forgeries(self, n):
        body = self.encode(self.payload(n, "hello"))
        return [("no secret-token header", Request("POST", self.path, [("Content-Type", JSON)], body))] + [
            (name, Request("POST", self.path, [("Content-Type", JSON), ("X-Telegram-Bot-Api-Secret-Token", v)], body))
            for name, v in [("wrong secret token", "not-the-secret"), ("empty secret token", ""),
                            ("secret token in other case", TELEGRAM_SECRET.upper()),
                            ("secret token with a suffix", TELEGRAM_SECRET + "0")]
        ]

    def extra_cases(self, n):
        press = {"update_id": 800_000 + n, "callback_query": {
            "id": f"cb-{n}", "from": {"id": 950_000 + n}, "data": "1",
            "message": {"message_id": 1, "chat": {"id": 950_000 + n}}}}
        edit = {"update_id": 850_000 + n, "edited_message": {"message_id": 1, "chat": {"id": 1}, "text": "x"}}
        stale = [  # a button of another session, or no button FlowLinks made: a notice, nothing changes
            (f"a button press naming {what}", {**press, "update_id": 860_000 + n * 10 + index,
                                               "callback_query": {**press["callback_query"], "data": data}})
            for index, (what, data) in enumerate([
                ("another session", "fl:999999:1:benefit"), ("a session id past Int64", "fl:99999999999999999999:1:x"),
                ("an unknown question", "fl:1:1:!explode"), ("option 0", "fl:1:0:benefit")])]
        return [(name, self.request(self.encode(body)), "accept") for name, body in stale] + [
            ("a button press (callback_query)", self.request(self.encode(press)), "accept"),
            ("an update with nothing to answer (edited_message)", self.request(self.encode(edit)), "accept"),
            ("update_id as a string", self.request(b'{"update_id": "12", "message": {"message_id": 1, '
                                                   b'"chat": {"id": 1}, "text": "x"}}'), "reject"),
        ]


class Twilio(Endpoint):
    name, path, media_type = "twilio", "/webhooks/twilio", FORM
    settings = {"twilio_auth_token": TWILIO_TOKEN, "twilio_public_url": TWILIO_URL}
    text_path = ("Body",)

    def payload(self, n, text):
        return [("MessageSid", f"SMfuzz{n:08d}"), ("AccountSid", "ACfuzz"), ("From", f"+1555{n:07d}"),
                ("To", "+15550000000"), ("Body", text), ("NumMedia", "0")]

    def event_id(self, n):
        return f"SMfuzz{n:08d}"

    @staticmethod
    def signature(body, url=TWILIO_URL, token=TWILIO_TOKEN):
        try:
            pairs = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            pairs = []
        signed = url + "".join(name + value for name, value in sorted(pairs))
        digest = hmac.new(token.encode(), signed.encode("utf-8", "surrogatepass"), hashlib.sha1).digest()
        return base64.b64encode(digest).decode()

    def auth_headers(self, body):
        return [("X-Twilio-Signature", self.signature(body))]

    def forgeries(self, n):
        body = self.encode(self.payload(n, "hello"))
        tampered = self.encode(self.payload(n, "tampered"))
        signature = self.signature(body)
        plain = [("Content-Type", FORM)]
        return [
            ("no X-Twilio-Signature", Request("POST", self.path, plain, body)),
            ("wrong signature", Request("POST", self.path, plain + [("X-Twilio-Signature", "AAAA" + signature[4:])],
                                        body)),
            ("signature of another body", Request("POST", self.path, plain + [("X-Twilio-Signature", signature)],
                                                  tampered)),
            ("signature for another URL", Request("POST", self.path, plain + [
                ("X-Twilio-Signature", self.signature(body, url="https://elsewhere.test/webhooks/twilio"))], body)),
            ("signature with another token", Request("POST", self.path, plain + [
                ("X-Twilio-Signature", self.signature(body, token="not-the-token"))], body)),
            ("signature without the query string", Request("POST", self.path + "?x=1", plain + [
                ("X-Twilio-Signature", signature)], body)),
        ]

    def extra_cases(self, n):
        body = self.encode(self.payload(n, "hello"))
        signed_with_query = Request("POST", self.path + "?source=fuzz", [
            ("Content-Type", FORM), ("X-Twilio-Signature", self.signature(body, url=TWILIO_URL + "?source=fuzz"))], body)
        button = self.encode(self.payload(n + 1, "hello") + [("ButtonPayload", "1")])
        token = self.encode(self.payload(n + 2, "No") + [("ButtonPayload", "fl:999999:3:benefit"), ("ButtonText", "No")])
        return [
            ("a WhatsApp quick-reply carrying another session's press token", self.request(token), "accept"),
            ("the query string signed with the URL", signed_with_query, "accept"),
            ("a WhatsApp quick-reply button", self.request(button), "accept"),
            ("no MessageSid", self.request(form_bytes([("From", "+15550000001"), ("Body", "x")])), "reject"),
            ("no From", self.request(form_bytes([("MessageSid", "SMnofrom"), ("Body", "x")])), "reject"),
        ]


class MattermostForm(Endpoint):
    name, path, media_type = "mattermost (form)", "/webhooks/mattermost", FORM
    settings = {"mattermost_token": MATTERMOST_TOKEN}

    def fields(self, n, text, token=MATTERMOST_TOKEN):
        return [("token", token), ("team_id", "team"), ("team_domain", "fuzz"), ("channel_id", f"mmchan{n}"),
                ("channel_name", "town-square"), ("timestamp", "1700000000000"), ("user_id", f"mmuser{n}"),
                ("user_name", "fuzzer"), ("post_id", f"mmpost{n}"), ("text", text), ("trigger_word", "")]

    def payload(self, n, text):
        return self.fields(n, text)

    def event_id(self, n):
        return f"mmpost{n}"

    def with_token(self, n, token):
        fields = [pair for pair in self.fields(n, "hello") if pair[0] != "token" or token is not None]
        return [(name, token if name == "token" else value) for name, value in fields]

    def forgeries(self, n):
        return [
            (name, self.request(self.encode(self.with_token(n, token))))
            for name, token in [("no token field", None), ("wrong token", "not-the-token"), ("empty token", ""),
                                ("token in other case", MATTERMOST_TOKEN.upper())]
        ]

    def extra_cases(self, n):
        triggered = [(k, "@flowlinks hello" if k == "text" else ("@flowlinks" if k == "trigger_word" else v))
                     for k, v in self.fields(n, "hello")]
        return [("a trigger word", self.request(self.encode(triggered)), "accept")]


class MattermostJSON(MattermostForm):
    name, media_type = "mattermost (json)", JSON

    def payload(self, n, text):
        return dict(self.fields(n, text))

    def with_token(self, n, token):
        return dict(super().with_token(n, token))

    def extra_cases(self, n):
        numbers = dict(self.fields(n, "hello"), post_id=12345678901234567890, channel_id=7)
        return [("ids as JSON numbers", self.request(self.encode(numbers)), "any")]


class Slack(Endpoint):
    """Slack Events API: v0 HMAC-SHA256 over `v0:{timestamp}:{body}`, 300 s window."""
    name, path, settled = "slack", "/webhooks/slack", True
    settings = {"slack_signing_secret": SLACK_SECRET, "slack_bot_token": "xoxb-fuzz", "slack_api_base_url": NO_NETWORK}
    text_path = ("event", "text")

    def payload(self, n, text):
        now = int(time.time())
        return {"token": "legacy", "team_id": "TFUZZ", "api_app_id": "AFUZZ", "type": "event_callback",
                "event_id": f"EvFUZZ{n:06d}", "event_time": now, "event": {
                    "type": "message", "channel_type": "im", "user": f"UFUZZ{n}", "text": text,
                    "channel": f"DFUZZ{n}", "ts": f"{now}.{n:06d}", "event_ts": f"{now}.{n:06d}"}}

    def event_id(self, n):
        return f"EvFUZZ{n:06d}"

    def stored_text(self, text):
        # why: what comes before a message's first word (an @mention, spaces) is not part of the answer.
        return super().stored_text(text).lstrip()

    @staticmethod
    def sign(body, timestamp, secret=SLACK_SECRET):
        basestring = f"v0:{timestamp}:".encode() + body
        return "v0=" + hmac.new(secret.encode(), basestring, hashlib.sha256).hexdigest()

    def auth_headers(self, body, timestamp=None):
        timestamp = str(int(time.time())) if timestamp is None else timestamp
        return [("X-Slack-Request-Timestamp", timestamp), ("X-Slack-Signature", self.sign(body, timestamp))]

    def forgeries(self, n):
        body = self.encode(self.payload(n, "hello"))
        now = int(time.time())
        plain = [("Content-Type", JSON)]

        def signed(timestamp, signature):
            return Request("POST", self.path, plain + [("X-Slack-Request-Timestamp", str(timestamp)),
                                                       ("X-Slack-Signature", signature)], body)
        return [
            ("no signature headers", Request("POST", self.path, plain, body)),
            ("no timestamp", Request("POST", self.path, plain + [("X-Slack-Signature", self.sign(body, now))], body)),
            ("wrong signature", signed(now, "v0=" + "0" * 64)),
            ("signed with another secret", signed(now, self.sign(body, now, secret="not-the-secret"))),
            ("stale timestamp (10 minutes old), correctly signed", signed(now - 600, self.sign(body, now - 600))),
            ("timestamp 10 minutes ahead, correctly signed", signed(now + 600, self.sign(body, now + 600))),
            ("timestamp not a number", signed("soon", self.sign(body, "soon"))),
            ("v1 scheme", signed(now, self.sign(body, now).replace("v0=", "v1="))),
            ("signature of another timestamp", signed(now, self.sign(body, now - 1))),
        ]

    def extra_cases(self, n):
        challenge = json_bytes({"token": "legacy", "challenge": f"fuzz-challenge-{n}", "type": "url_verification"})
        return [("url_verification challenge", self.request(challenge), "accept")]


class WhatsApp(Endpoint):
    """WhatsApp Cloud API: X-Hub-Signature-256 = sha256= HMAC-SHA256 of the raw body."""
    name, path, settled = "whatsapp", "/webhooks/whatsapp", True
    settings = {"whatsapp_app_secret": WHATSAPP_SECRET, "whatsapp_verify_token": WHATSAPP_VERIFY,
                "whatsapp_access_token": "fuzz-access-token", "whatsapp_api_base_url": NO_NETWORK}
    text_path = ("entry", 0, "changes", 0, "value", "messages", 0, "text", "body")

    def payload(self, n, text):
        return {"object": "whatsapp_business_account", "entry": [{"id": "WABA", "changes": [{"field": "messages",
                "value": {"messaging_product": "whatsapp",
                          "metadata": {"display_phone_number": "15550000000", "phone_number_id": "1555000"},
                          "contacts": [{"wa_id": f"1666{n:07d}", "profile": {"name": "Fuzz"}}],
                          "messages": [{"from": f"1666{n:07d}", "id": f"wamid.FUZZ{n:06d}",
                                        "timestamp": str(int(time.time())), "type": "text",
                                        "text": {"body": text}}]}}]}]}

    def event_id(self, n):
        return f"wamid.FUZZ{n:06d}"

    @staticmethod
    def sign(body, secret=WHATSAPP_SECRET):
        return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()

    def auth_headers(self, body):
        return [("X-Hub-Signature-256", self.sign(body))]

    def forgeries(self, n):
        body = self.encode(self.payload(n, "hello"))
        plain = [("Content-Type", JSON)]
        sha1 = "sha1=" + hmac.new(WHATSAPP_SECRET.encode(), body, hashlib.sha1).hexdigest()
        return [("no signature", Request("POST", self.path, plain, body))] + [
            (name, Request("POST", self.path, plain + [("X-Hub-Signature-256", value)], body))
            for name, value in [("wrong signature", "sha256=" + "0" * 64),
                                ("signed with another secret", self.sign(body, "not-the-secret")),
                                ("sha1 signature", sha1), ("signature without its prefix", self.sign(body)[7:]),
                                ("signature of another body", self.sign(body + b" "))]
        ]

    def extra_cases(self, n):
        def verify(token):
            query = urllib.parse.urlencode({"hub.mode": "subscribe", "hub.verify_token": token,
                                            "hub.challenge": f"{n}"})
            return Request("GET", f"{self.path}?{query}")
        return [("verification GET with the right token", verify(WHATSAPP_VERIFY), "accept"),
                ("verification GET with a wrong token", verify("not-the-token"), "reject")]


class Discord(Endpoint):
    """Discord interactions: Ed25519 over timestamp + body; PING answered with PONG."""
    name, path, settled = "discord", "/webhooks/discord", True
    settings = {"discord_public_key": DISCORD_PUBLIC, "discord_api_base_url": NO_NETWORK}
    text_path = ("data", "options", 0, "value")

    def payload(self, n, text):
        return {"id": str(1_000_000_000 + n), "application_id": "123456789", "type": 2, "token": f"itoken{n}",
                "version": 1, "channel_id": str(2_000_000 + n),
                "member": {"user": {"id": str(3_000_000 + n), "username": "fuzzer"}},
                "data": {"id": "42", "name": "flowlinks", "type": 1,
                         "options": [{"name": "answer", "type": 3, "value": text}]}}

    def event_id(self, n):
        return str(1_000_000_000 + n)

    def stored_text(self, text):
        # why: the answer option is trimmed, and `/flowlinks` with no answer means "start".
        trimmed = super().stored_text(text).strip().strip("\u200b")
        return trimmed or "start"

    @staticmethod
    def sign(body, timestamp, secret=DISCORD_SECRET):
        return ed25519.sign(secret, timestamp.encode() + body).hex()

    def auth_headers(self, body, timestamp=None):
        timestamp = str(int(time.time())) if timestamp is None else timestamp
        return [("X-Signature-Timestamp", timestamp), ("X-Signature-Ed25519", self.sign(body, timestamp))]

    def forgeries(self, n):
        body = self.encode(self.payload(n, "hello"))
        now = str(int(time.time()))
        good = self.sign(body, now)
        plain = [("Content-Type", JSON)]

        def signed(timestamp, signature):
            return Request("POST", self.path, plain + [("X-Signature-Timestamp", timestamp),
                                                       ("X-Signature-Ed25519", signature)], body)
        return [
            ("no signature headers", Request("POST", self.path, plain, body)),
            ("flipped signature byte", signed(now, ("1" if good[0] == "0" else "0") + good[1:])),
            ("signed with another key", signed(now, self.sign(body, now, OTHER_DISCORD_SECRET))),
            ("signature of another timestamp", signed(str(int(now) - 1), good)),
            ("signature not hex", signed(now, "zz" * 64)),
            ("signature too short", signed(now, good[:64])),
        ]

    def extra_cases(self, n):
        ping = json_bytes({"id": str(n), "application_id": "123456789", "type": 1, "token": "t", "version": 1})
        stale = int(time.time()) - 3600
        body = self.encode(self.payload(n, "hello"))
        return [("PING", self.request(ping), "accept"),
                ("timestamp an hour old, correctly signed", Request(
                    "POST", self.path, [("Content-Type", JSON)] + self.auth_headers(body, str(stale)), body), "reject")]


class WebChat(Endpoint):
    """The web chat's form post: a browser's conversation cookie and a form token matching its cookie."""
    name, path, media_type = "webchat", "/chat", FORM
    page_on_get = True
    CSRF = "fuzz-chat-csrf-token-0123456789abcdef"
    # why: the page's script asks for JSON, and gets its refusals as {"error": ...}; a plain form
    # post gets the same refusal as a small page, which the Swift tests check.
    ACCEPT = ("Accept", "application/json")

    def payload(self, n, text):
        return [("csrf", self.CSRF), ("message_id", f"fuzz-chat-msg-{n}"), ("page", "/chat"), ("text", text)]

    def event_id(self, n):
        return f"fuzz-chat-msg-{n}"

    @staticmethod
    def conversation(body):
        """The conversation for the message in `body`: one per message id, as one browser each."""
        try:
            fields = dict(urllib.parse.parse_qsl(body.decode("utf-8"), strict_parsing=False))
        except (UnicodeDecodeError, ValueError):
            fields = {}
        message = "".join(c for c in fields.get("message_id", "none") if c.isalnum() or c in "-_")[:40]
        return ("fuzz-chat-conversation-" + message).ljust(40, "x")

    def cookie(self, body, csrf=None):
        return ("Cookie", f"flowlinks_chat={self.conversation(body)}; flowlinks_chat_csrf={csrf or self.CSRF}")

    def auth_headers(self, body):
        return [self.cookie(body), self.ACCEPT]

    def forgeries(self, n):
        body = self.encode(self.payload(n, "hello"))
        plain = [("Content-Type", FORM), self.ACCEPT]
        wrong = self.encode([("csrf", "x" * 40)] + self.payload(n, "hello")[1:])
        empty = self.encode([("csrf", "")] + self.payload(n, "hello")[1:])
        return [
            ("no cookies", Request("POST", self.path, plain, body)),
            ("form token not the cookie's", Request("POST", self.path, plain + [self.cookie(wrong)], wrong)),
            ("empty form token", Request("POST", self.path, plain + [self.cookie(empty)], empty)),
            ("cookie token not the form's", Request("POST", self.path, plain + [self.cookie(body, "y" * 40)], body)),
        ]


ENDPOINTS = [WebChat(), Generic(), Telegram(), Twilio(), MattermostForm(), MattermostJSON(), Slack(), WhatsApp(), Discord()]
