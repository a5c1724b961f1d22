"""A tiny HTTP/1.1 client over a plain socket, so a test can send exactly the bytes it means to:
any header, any body, a wrong Content-Length, chunked bodies, a request cut short. One request per
connection (`Connection: close`). Python 3 standard library only.
"""

import select
import socket
import time
from dataclasses import dataclass, field


@dataclass
class Request:
    method: str
    path: str
    headers: list = field(default_factory=list)  # (name, value) pairs, sent as given
    body: bytes = b""
    # None: a correct Content-Length; an int: that Content-Length whatever the body; "chunked": the
    # body in chunks; "none": no framing header at all (the headers given say it all).
    framing: object = None
    # Close our side after sending (a request cut short); the server may answer or just close.
    half_close: bool = False

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


@dataclass
class Response:
    status: int
    headers: dict  # lower-case name → value; a repeated header keeps its last value
    body: bytes
    header_lines: list = field(default_factory=list)  # every (lower-case name, value), in order

    def all(self, name):
        """Every value of a header that may repeat (Set-Cookie)."""
        return [value for key, value in self.header_lines if key == name.lower()]


def encode(request, port):
    lines = [f"{request.method} {request.path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
    head = "\r\n".join(lines).encode()
    for name, value in request.headers:
        head += b"\r\n" + (name.encode() if isinstance(name, str) else name) + b": " + (
            value.encode("latin-1") if isinstance(value, str) else value)
    body = request.body
    if request.framing == "chunked":
        head += b"\r\nTransfer-Encoding: chunked"
        chunks = b""
        for start in range(0, len(body), 8192):
            piece = body[start:start + 8192]
            chunks += f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
        body = chunks + b"0\r\n\r\n"
    elif request.framing == "none":
        pass
    elif request.framing is None:
        if body or request.method in ("POST", "PUT", "PATCH"):
            head += f"\r\nContent-Length: {len(body)}".encode()
    else:
        head += f"\r\nContent-Length: {request.framing}".encode()
    return head + b"\r\n\r\n" + body


def send(port, request, timeout=10.0):
    """The response, or (None, why) when the connection closed or timed out without one.

    Sends and reads at once: a server may answer (413) and close its side before reading all of a
    huge body, and the answer must be read even though the rest of the body will never be taken.
    """
    data = memoryview(encode(request, port))
    received = b""
    sent = 0
    writing = True
    deadline = time.monotonic() + timeout
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.setblocking(False)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return (parse(received), None) if received else (None, "timed out without a response")
            readable, writable, _ = select.select([connection], [connection] if writing else [], [], remaining)
            if readable:
                try:
                    chunk = connection.recv(65536)
                except OSError as error:
                    if received:
                        break
                    return None, f"connection dropped without a response ({error.__class__.__name__})"
                if not chunk:
                    break
                received += chunk
            if writable:
                try:
                    sent += connection.send(data[sent:sent + 65536])
                except OSError:
                    writing = False  # the server stopped reading; what it said is still to be read
                if sent >= len(data) and writing:
                    writing = False
                    if request.half_close:
                        connection.shutdown(socket.SHUT_WR)
    if not received:
        return None, "connection closed without a response"
    return parse(received), None


def parse(data):
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    header_lines = []
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        pair = (name.strip().lower().decode("latin-1"), value.strip().decode("latin-1"))
        headers[pair[0]] = pair[1]
        header_lines.append(pair)
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = b""
        while rest:
            size_line, _, rest = rest.partition(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            if size == 0:
                break
            body += rest[:size]
            rest = rest[size + 2:]
    elif "content-length" in headers:
        body = rest[:int(headers["content-length"])]
    else:
        body = rest
    return Response(status, headers, body, header_lines)
