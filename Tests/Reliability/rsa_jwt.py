"""RS256 JSON Web Tokens (RFC 7515, RSASSA-PKCS1-v1_5 with SHA-256) with a key made on the spot,
for signing Bot Framework-style bearer tokens in tests without a crypto package. Not for real keys:
the primes come from Python's `random`, seeded by the test."""

import base64
import hashlib
import json
import random

# DER of the SHA-256 DigestInfo prefix (RFC 8017 §9.2, note 1).
SHA256_PREFIX = bytes.fromhex("3031300d060960864801650304020105000420")


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _is_probable_prime(n, rng, rounds=24):
    if n < 2:
        return False
    for small in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % small == 0:
            return n == small
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for _ in range(rounds):
        x = pow(rng.randrange(2, n - 1), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(bits, rng):
    while True:
        candidate = rng.getrandbits(bits) | (1 << (bits - 1)) | (1 << (bits - 2)) | 1
        if _is_probable_prime(candidate, rng):
            return candidate


def generate(seed):
    """A new 2048-bit key's modulus and private exponent (how the keys below were made: seeds 101, 202)."""
    rng = random.Random(seed)
    while True:
        p, q = _prime(1024, rng), _prime(1024, rng)
        phi = (p - 1) * (q - 1)
        if p != q and phi % 65537:
            return p * q, pow(65537, -1, phi)


# why: making a key takes seconds in pure Python; these test-only keys were made once with generate().
TEAMS_N = int(
    "ef4f6201f10559091e94366ea73f2d98d48223e22de846f17844c86527557d861c23d3ad03c32fcfafb744a7f968b053"
    "74982cbebfc6498e378d0e4a8b040796f27409439d7d93f308c1fd9cf5f160ce4b74c5802cd981cc7a592f51a49e7db9"
    "7e3554c79a3778c52e035857ddf5b75f5d255516f8e0dfab1fdd8e2a2e6ef0209081e704b57f6e8311fef0941e47a141"
    "cc485a162e91283fd786e830f2f03e6adb4799d21e5948191ec4a8681b1d5cc00cc4cf6de34a708b7d60e73e5b339a5f"
    "577b01993e80bc55de282a5043ea6cd2f274814bf10ce509fa51f2d89535e5cb2cbdca0cb7dd8d29bd833f0abe38ca4b"
    "e675ce04f14986ccdef4caacf28aef65", 16)
TEAMS_D = int(
    "996b3bfae0a8bc06e3aac326b76402786b2caf928e39ce5979f026c4eaad9d16802ddbc39c98e2aaf40cbb2030fe13a4"
    "bd27ddefc004801d83b1938ae88a81cf1cca9531dae2aa19f1f06405df8a8ab4569d9b0c6c3459495cda9642721605a6"
    "08aa6a1ab8dc7d39742142deb9f69043bbf476138f24a36012c2b82484b62c8c86903d04d4815d45f9d2551f93b87898"
    "aa6d0d7b5af2b4148ca0022b1b07e1799044719860ea3d9584193e7986a196beecb448b48f5c876e5ab39aff864ec9db"
    "75435a1fe333147e4b47f77d31919013c5adb89b0c27dc0173e6000bc21488d8fdec490cade4adbad07560ef76478dc6"
    "9e930221e4f2118b1565b8df6ee87e95", 16)
OTHER_N = int(
    "b4d494088d774cac728f2335da2cf2c5cc9c65e423a049c2286cb614f112a3d5109094e120c80e50c8a751820cff0a0c"
    "4a32dfecfad2d6e28c870b16959565b2cb1e357de2a114f99669caff76628e6b16e1634fd1fe27546e4b31b56cb7e3d1"
    "cfc87503ff4ea0d444845f3b4615e98d0f3883d23d3cc270e601db7e82784a1bdea0d2cd435a93bfcba9ddec48653ee4"
    "568a7d166ebe7546d4e5c09632e936dd1bdae78761e76319fd7f15c2e32c4f3f94572db44bff02b15ba3f8d14a7bf164"
    "f4a393ae6eb73ab781a35894fb3aae924ffa1bb0cd9f4a5083fe5f319eaa03d4b9b84eb773cabf8aacc1cf3d12a711eb"
    "ae2b2ca9691ebc4ea0a50863a9bd5101", 16)
OTHER_D = int(
    "9a7fce0308ab574d378be86f887b42e9910a475c06bc5a8892f55f14c16c45a23346f48cecef409bf0f45405a388fc52"
    "c7ca73dc0be9bc435001c98d803c66e9bdf58f8a80e953fc7370ec4a1c21d4c0d689b7ca6906971fe22448d253934208"
    "ef58bbf1b05ec3b6d8dba86a025592783cfaf255dc905f290abba7878d7dad02772744386cfabbd83539e835f317469e"
    "bc8adbbdb7fb182d3b61918e5f0a2aa08a79846dc7b720cb6eadebb1f09a44237bb97f4937f1ec07fc03a81322a10168"
    "47d2e055ee3d0aa3fff68fbab2047cab539629d017a75d4a8b1bf5c76b2b34c7988ba89ab5aead4b4c897a9e1c7f8e40"
    "12bea29be5b270b87cb12bed995c9a09", 16)


class RSAKey:
    """A 2048-bit RSA key (modulus n, private exponent d) published under `kid`."""

    def __init__(self, kid, n, d):
        self.kid = kid
        self.e = 65537
        self.n = n
        self.d = d

    def jwk(self):
        size = (self.n.bit_length() + 7) // 8
        return {"kty": "RSA", "use": "sig", "kid": self.kid, "n": b64url(self.n.to_bytes(size, "big")),
                "e": b64url(self.e.to_bytes(3, "big"))}

    def sign(self, message):
        size = (self.n.bit_length() + 7) // 8
        digest = SHA256_PREFIX + hashlib.sha256(message).digest()
        encoded = b"\x00\x01" + b"\xff" * (size - len(digest) - 3) + b"\x00" + digest
        return pow(int.from_bytes(encoded, "big"), self.d, self.n).to_bytes(size, "big")


def token(key, claims, kid=None, alg="RS256"):
    header = b64url(json.dumps({"alg": alg, "typ": "JWT", "kid": kid or key.kid}).encode())
    payload = b64url(json.dumps(claims).encode())
    signing_input = f"{header}.{payload}".encode()
    signature = b64url(key.sign(signing_input)) if alg == "RS256" else ""
    return f"{header}.{payload}.{signature}"
