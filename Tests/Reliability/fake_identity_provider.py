"""A stand-in for Microsoft's Bot Connector identity service on 127.0.0.1: the OpenID metadata
document and its key set, served from a thread, so the server checks Teams tokens without the
internet."""

import http.server
import json
import threading


class FakeIdentityProvider:
    ISSUER = "https://api.botframework.com"

    def __init__(self, keys):
        documents = {}

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = documents.get(self.path)
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        documents["/metadata"] = json.dumps({"issuer": self.ISSUER, "jwks_uri": f"{base}/keys"}).encode()
        documents["/keys"] = json.dumps({"keys": keys}).encode()
        self.metadata_url = f"{base}/metadata"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def main():
    """Serves the fake provider and prints a token, for trying the Teams endpoint by hand with curl."""
    import argparse
    import time

    import rsa_jwt

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--app-id", required=True, help="the teams_app_id the server runs with")
    parser.add_argument("--service-url", default="http://127.0.0.1:9/teams/",
                        help="the serviceUrl of the activities you will send (default: a closed local port)")
    arguments = parser.parse_args()
    key = rsa_jwt.RSAKey("local-key-1", rsa_jwt.TEAMS_N, rsa_jwt.TEAMS_D)
    provider = FakeIdentityProvider([key.jwk()])
    now = int(time.time())
    token = rsa_jwt.token(key, {"iss": FakeIdentityProvider.ISSUER, "aud": arguments.app_id, "nbf": now - 60,
                                "exp": now + 3600, "serviceurl": arguments.service_url})
    print(f"FLOWLINKS_TEAMS_OPENID_METADATA_URL={provider.metadata_url}")
    print(f"TOKEN={token}")
    print("Serving until Ctrl-C; the token is good for an hour.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
