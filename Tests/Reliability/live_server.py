"""A real `flowlinks serve` on 127.0.0.1 for the reliability scripts: start it on a free port with a
given database and environment, wait until /healthz answers, kill it (-9) or stop it (TERM).

Python 3 standard library only.
"""

import http.client
import os
import signal
import socket
import subprocess
import time

# why: the server finds Prompts/ relative to its working directory; run it from the checkout.
REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    """A port nothing listens on right now (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path, timeout=2.0):
    """(status, body) of a GET on the server, or raises OSError / http.client.HTTPException."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


class LiveServer:
    """One `flowlinks serve` process at a time; `restart()` brings up a new one on the same file."""

    def __init__(self, binary, database, log_path, environment=None, settings=None, port=None):
        self.binary = os.path.abspath(binary)
        # why: a PostgreSQL URL is passed as it is; a file path is made absolute (the server runs in the repository).
        self.database = database if database.startswith(("postgres://", "postgresql://")) else os.path.abspath(database)
        self.log_path = log_path
        self.environment = dict(os.environ)
        # why: only the settings this script gives apply; a developer's own FLOWLINKS_* must not leak in.
        for name in list(self.environment):
            if name.startswith("FLOWLINKS_"):
                del self.environment[name]
        self.environment.update(environment or {})
        # why: these suites start thousands of conversations from one address on purpose; the
        # new-conversation limits have their own tests in the Swift suite.
        self.settings = {"new_conversations_per_minute": 1000000,
                         "new_conversations_per_channel_per_minute": 1000000, **(settings or {})}
        self.port = port or free_port()
        self.process = None
        self.starts = 0

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, ready_within=60.0):
        """Starts the server and returns once /healthz answers 200; raises if it does not in time."""
        assert self.process is None, "the server is already running"
        for attempt in range(3):
            arguments = [self.binary, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--db", self.database]
            for key, value in self.settings.items():
                arguments += ["--set", f"{key}={value}"]
            log = open(self.log_path, "ab")
            self.process = subprocess.Popen(
                arguments, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=self.environment,
                cwd=REPOSITORY)
            log.close()
            self.starts += 1
            if self.wait_until_healthy(ready_within):
                return
            exited = self.process.poll() is not None
            self.kill()
            if not exited:
                raise RuntimeError(f"the server did not answer /healthz within {ready_within:.0f} s; see {self.log_path}")
            # why: the port may have been taken between free_port() and the bind; try another.
            self.port = free_port()
        raise RuntimeError(f"the server would not start; see {self.log_path}")

    def wait_until_healthy(self, within):
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                status, _ = get(self.port, "/healthz", timeout=1.0)
                if status == 200:
                    return True
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.02)  # poll interval while waiting for readiness, bounded by the deadline
        return False

    def is_alive(self):
        return self.process is not None and self.process.poll() is None

    def healthy(self):
        """The process still runs and /healthz answers ok."""
        if not self.is_alive():
            return False
        try:
            status, body = get(self.port, "/healthz")
            return status == 200 and body == b"ok\n"
        except (OSError, http.client.HTTPException):
            return False

    def kill(self):
        """kill -9, and reap the process."""
        if self.process is None:
            return
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.process = None

    def stop(self, within=15.0):
        """A graceful stop (SIGTERM); kill -9 if it does not exit in time. Returns the exit code."""
        if self.process is None:
            return None
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=within)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.process = None
        return code

    def rss_kib(self):
        """The process's resident memory, from /proc/PID/status (VmRSS), in KiB."""
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return None
