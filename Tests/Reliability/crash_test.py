#!/usr/bin/env python3
"""Crash test: an acknowledged message is never lost, and never taken twice: kill -9 at any moment,
restart, and the transcript holds everything that was answered 2xx, once.

Starts the real `flowlinks serve` on 127.0.0.1 with a temporary database and the generic channel
(bearer token), drives many conversations at once through POST /webhooks/generic, and kill -9s
the server at random moments several times, restarting it each time. A request that failed with a
connection error is sent again with the same message_id, as a real platform retries. At the end
(after one more kill -9) it opens the SQLite file and checks that:

- every message that got a 2xx is in the transcript exactly once, with its text, in the order the
  conversation sent it; a message never acknowledged is there at most once;
- every answered event has its transcript line and every transcript line its dedupe record (a turn
  is never half saved);
- PRAGMA integrity_check is ok and no foreign key dangles;
- every conversation resumes: a follow-up message gets a 200 in the same session, not a new one.

With --postgres URL the replicas (--replicas, default 2) all serve one fresh schema of that
PostgreSQL database; each message goes to the next replica in turn, a connection error sends it to
another one at once (as a load balancer would), and the kills take the replicas in turn. With
--postgres-restarts N the PostgreSQL server also goes down N times under load (through
postgres.sh down/up): while it is down the turns must be refused with 503 and Retry-After, and
after it is back everything acknowledged must be there. The checks run with psql.

Seeded: the seed is printed, and --seed repeats the same plan (conversations, answers, kill moments).
Kill moments are counted in acknowledged messages, not seconds, so a slow machine sees the same
plan. Python 3 standard library only.

    Tests/Reliability/crash_test.py --binary .build/debug/flowlinks [--seed N] [--conversations 40] [--kills 5]
    Tests/Reliability/crash_test.py --postgres "$(Tests/Reliability/postgres.sh url)" --postgres-restarts 1
"""

import argparse
import http.client
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from live_server import LiveServer

TOKEN = "crash-test-token"


class Ledger:
    """What the server acknowledged, shared by the conversation threads and the killer."""

    def __init__(self):
        self.condition = threading.Condition()
        self.acknowledged = 0
        self.connection_errors = 0
        self.retried_and_replayed = 0
        self.retried_and_new = 0
        self.server_errors = []
        # 503s with Retry-After while the database was down: expected, and retried.
        self.unavailable = 0
        self.unavailable_without_retry_after = []
        self.unexpected = []

    def count_acknowledged(self):
        with self.condition:
            self.acknowledged += 1
            self.condition.notify_all()

    def wait_for_acknowledged(self, total, deadline):
        with self.condition:
            while self.acknowledged < total:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self.condition.wait(timeout=min(remaining, 1.0))
        return True


class Conversation(threading.Thread):
    """One team talking to the bot: answers the reflection questions, one message at a time, each
    sent until it is acknowledged, then restarts and answers again, until told to stop."""

    ORGANIZATIONS = ["Riverside Family Services", "Library Friends", "Eastside Food Bank", "Café Nueva Esperanza"]
    INITIATIVES = ["Parent Cafe", "Story Time", "Summer Meals", "Youth Mentoring 🌱"]

    def __init__(self, name, rng, servers, up, stop, ledger, deadline):
        super().__init__(name=name, daemon=True)
        self.conversation = name
        self.rng = rng
        self.servers = servers
        self.server = servers[0]
        self.up = up
        self.stop = stop
        self.ledger = ledger
        self.deadline = deadline
        self.sent = 0
        # (message_id, text, reply) for every acknowledged message, in order.
        self.acknowledged = []
        # message ids sent but never acknowledged (only when the run's deadline cut a retry short).
        self.unacknowledged = []
        self.connection = None
        self.failure = None

    def plan(self):
        """The messages of one session after another, forever: hello or restart, then the answers."""
        first = True
        while True:
            opening = ["hello"] if first else ["restart", "yes"]
            first = False
            answers = [
                self.rng.choice(self.ORGANIZATIONS),
                self.rng.choice(self.INITIATIVES),
                "Weekly drop-in for parents",
                self.rng.choice(["yes", "maybe", "1", "2", "yes — partners reach families we can't"]),
                self.rng.choice(["some", "yes", "1", "2", "not sure"]),
                str(self.rng.randint(1, 5)),
                str(self.rng.randint(1, 3)),
                str(self.rng.randint(1, 5)),
                str(self.rng.randint(1, 5)),
                "More trust and better turnout",
                "We value your feedback and want to work together",
                self.rng.choice(["yes", "1", "2"]),
                "We will co-host planning meetings",
            ]
            yield from opening
            for answer in answers:
                yield answer
                roll = self.rng.random()
                if roll < 0.05:
                    yield "status"
                elif roll < 0.10:
                    yield "back"
                    yield answer

    def run(self):
        try:
            for text in self.plan():
                if self.stop.is_set():
                    break
                self.send(text)
        except Exception as error:  # reported by the main thread
            self.failure = f"{self.conversation}: {error!r}"

    def send(self, text):
        """Sends one message until it gets a 2xx; returns the reply, or None if the run ran out of time."""
        message_id = f"{self.conversation}-m{self.sent:04d}"
        self.sent += 1
        body = json.dumps({"conversation": self.conversation, "participant": "crash-test",
                           "message_id": message_id, "text": text}, ensure_ascii=False).encode()
        retried = False
        self.switch_to(self.servers[self.sent % len(self.servers)])
        while time.monotonic() < self.deadline:
            try:
                status, payload, retry_after = self.post(body)
            except (OSError, http.client.HTTPException):
                self.close()
                retried = True
                with self.ledger.condition:
                    self.ledger.connection_errors += 1
                if len(self.servers) > 1:
                    # why: a load balancer sends the retry to another replica; the killed one is restarting.
                    self.switch_to(self.servers[(self.servers.index(self.server) + 1) % len(self.servers)])
                else:
                    # why: the server is down (killed); the controller sets `up` once /healthz answers again.
                    self.up.wait(timeout=max(0.0, self.deadline - time.monotonic()))
                continue
            if status == 503:
                with self.ledger.condition:
                    self.ledger.unavailable += 1
                    if retry_after is None:
                        self.ledger.unavailable_without_retry_after.append(message_id)
                retried = True
                # why: as a platform does, wait as told (at most a second here) and send it again.
                time.sleep(min(1.0, float(retry_after or 1)))
                continue
            if 200 <= status < 300:
                reply = json.loads(payload)
                self.acknowledged.append((message_id, text, reply))
                if retried:
                    with self.ledger.condition:
                        if reply["replay"]:
                            self.ledger.retried_and_replayed += 1
                        else:
                            self.ledger.retried_and_new += 1
                self.ledger.count_acknowledged()
                return reply
            if status >= 500:
                with self.ledger.condition:
                    self.ledger.server_errors.append((message_id, status, payload[:200]))
                retried = True
                continue
            with self.ledger.condition:
                self.ledger.unexpected.append((message_id, status, payload[:200]))
            if status == 429:
                continue
            raise RuntimeError(f"message {message_id} ({text!r}) got {status}: {payload[:200]!r}")
        self.unacknowledged.append(message_id)
        return None

    def switch_to(self, server):
        if server is not self.server:
            self.close()
            self.server = server

    def post(self, body):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        self.connection.request("POST", "/webhooks/generic", body=body, headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
        response = self.connection.getresponse()
        return response.status, response.read(), response.getheader("Retry-After")

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


class SQLiteFile:
    """The database file the server used, read with Python's sqlite3."""

    def __init__(self, path):
        self.path = path

    def rows(self, sql):
        db = sqlite3.connect(self.path)
        try:
            return db.execute(sql).fetchall()
        finally:
            db.close()

    def integrity(self):
        """(PRAGMA integrity_check, PRAGMA foreign_key_check) as a crash left the file."""
        return [row[0] for row in self.rows("PRAGMA integrity_check")], self.rows("PRAGMA foreign_key_check")


class PostgresSchema:
    """A fresh schema of a PostgreSQL database, for the replicas; read with psql."""

    def __init__(self, url, name):
        self.base_url = url
        self.name = name
        separator = "&" if "?" in url else "?"
        self.url = url + separator + "options=" + urllib.parse.quote(f"-c search_path={name}", safe="")

    def create(self):
        self.psql(self.base_url, f"CREATE SCHEMA {self.name}")

    def drop(self):
        self.psql(self.base_url, f"DROP SCHEMA IF EXISTS {self.name} CASCADE")

    @staticmethod
    def psql(url, sql):
        result = subprocess.run(
            ["psql", url, "--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--field-separator=\x1f",
             "--record-separator=\x1e", "--set=ON_ERROR_STOP=1", "--command", sql],
            capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"psql: {result.stderr.strip()}")
        return result.stdout

    def rows(self, sql):
        output = self.psql(self.url, sql).rstrip("\n")
        return [tuple(record.split("\x1f")) for record in output.split("\x1e") if record.strip("\n")]

    def integrity(self):
        """PostgreSQL enforces its foreign keys itself, and a killed client cannot corrupt its files."""
        return None, []


def verify(store, conversations):
    """Checks the database against what the server acknowledged; returns (problems, counts)."""
    problems = []
    integrity, dangling = store.integrity()
    if integrity is not None and integrity != ["ok"]:
        problems.append(f"integrity_check: {integrity[:5]}")
    if dangling:
        problems.append(f"foreign_key_check: {dangling[:5]}")
    inbound = store.rows(
        """
        SELECT t.id, t.platform_message_id, t.text, s.conversation FROM transcript t
        JOIN sessions s ON s.id = t.session_id
        WHERE t.direction = 'in' AND s.channel = 'generic' ORDER BY t.id
        """)
    events = {row[0] for row in store.rows("SELECT event_id FROM processed_events WHERE channel = 'generic'")}

    lines_by_id = {}
    lines_by_conversation = {}
    for line_id, message_id, text, conversation in inbound:
        lines_by_id.setdefault(message_id, []).append((text, conversation))
        lines_by_conversation.setdefault(conversation, []).append(message_id)

    checked = duplicates = missing = 0
    sent_ids = set()
    for conversation in conversations:
        sent_ids.update(message_id for message_id, _, _ in conversation.acknowledged)
        sent_ids.update(conversation.unacknowledged)
        for message_id, text, _ in conversation.acknowledged:
            checked += 1
            lines = lines_by_id.get(message_id, [])
            if len(lines) == 0:
                missing += 1
                problems.append(f"acknowledged message {message_id} ({text!r}) is not in the transcript")
            elif len(lines) > 1:
                duplicates += 1
                problems.append(f"acknowledged message {message_id} is in the transcript {len(lines)} times")
            elif lines[0] != (text, conversation.conversation):
                problems.append(f"message {message_id} is stored as {lines[0]!r}, sent as {text!r}")
        for message_id in conversation.unacknowledged:
            if len(lines_by_id.get(message_id, [])) > 1:
                duplicates += 1
                problems.append(f"unacknowledged message {message_id} is in the transcript more than once")
        in_order = [message_id for message_id, _, _ in conversation.acknowledged]
        acknowledged_ids = set(in_order)
        stored = [m for m in lines_by_conversation.get(conversation.conversation, []) if m in acknowledged_ids]
        if stored != in_order:
            problems.append(f"{conversation.conversation}: the transcript does not hold its messages in the order sent")
    strangers = set(lines_by_id) - sent_ids
    if strangers:
        problems.append(f"transcript lines for messages never sent: {sorted(strangers)[:5]}")
    if events != set(lines_by_id):
        half = sorted(events.symmetric_difference(lines_by_id))[:5]
        problems.append(f"dedupe records and transcript lines disagree (half a turn saved?): {half}")
    return problems, {"checked": checked, "duplicates": duplicates, "missing": missing,
                      "integrity": ",".join(integrity) if integrity is not None else "n/a (PostgreSQL)",
                      "transcript_in": len(inbound)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/debug/flowlinks")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--conversations", type=int, default=40)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--between-kills", default="150:600",
                        help="acknowledged messages between two kills, drawn from MIN:MAX (default 150:600)")
    parser.add_argument("--time-limit", type=float, default=110.0, help="seconds for the whole run (default 110)")
    parser.add_argument("--keep", action="store_true", help="keep the database and log in the work folder")
    parser.add_argument("--postgres", metavar="URL", help="run on a fresh schema of this PostgreSQL database")
    parser.add_argument("--replicas", type=int, default=None, help="servers at once (default 2 on PostgreSQL, else 1)")
    parser.add_argument("--postgres-restarts", type=int, default=0,
                        help="times the PostgreSQL server goes down and comes back under load (postgres.sh down/up)")
    arguments = parser.parse_args()
    replicas = arguments.replicas or (2 if arguments.postgres else 1)
    if replicas > 1 and not arguments.postgres:
        parser.error("several replicas need --postgres: SQLite is one process's database")
    if arguments.postgres_restarts and not arguments.postgres:
        parser.error("--postgres-restarts needs --postgres")

    seed = arguments.seed if arguments.seed is not None else random.SystemRandom().randrange(1, 2**31)
    print(f"crash test: seed {seed} (repeat with --seed {seed})", flush=True)
    rng = random.Random(seed)
    low, high = (int(part) for part in arguments.between_kills.split(":"))
    started = time.monotonic()
    deadline = started + arguments.time_limit

    work = tempfile.mkdtemp(prefix="flowlinks-crash-")
    if arguments.postgres:
        store = PostgresSchema(arguments.postgres, f"crash_{seed}")
        store.drop()
        store.create()
        database = store.url
    else:
        database = os.path.join(work, "crash.sqlite")
        store = SQLiteFile(database)
    servers = [
        LiveServer(
            arguments.binary, database, os.path.join(work, f"server-{index}.log"),
            environment={"FLOWLINKS_GENERIC_TOKEN": TOKEN},
            # why: forty conversations answering as fast as they can would hit the per-conversation limit.
            settings={"rate_limit_per_minute": 100_000, "rate_limit_burst": 100_000, "log_level": "warning"})
        for index in range(replicas)]
    ledger = Ledger()
    up, stop = threading.Event(), threading.Event()
    conversations = [
        Conversation(f"crash-{seed}-{index:02d}", random.Random(rng.random()), servers, up, stop, ledger, deadline)
        for index in range(arguments.conversations)]
    problems = []
    kills = restarts = 0
    try:
        for server in servers:
            server.start()
        up.set()
        for conversation in conversations:
            conversation.start()

        target = 0
        for _ in range(arguments.kills):
            target += rng.randint(low, high)
            if not ledger.wait_for_acknowledged(target, deadline):
                raise RuntimeError(f"ran out of time waiting for {target} acknowledged messages")
            victim = servers[kills % replicas]
            up.clear()
            victim.kill()
            kills += 1
            print(f"  kill -9 #{kills} of replica {kills % replicas or replicas} after {ledger.acknowledged} "
                  "acknowledged messages", flush=True)
            victim.start()
            up.set()
        for _ in range(arguments.postgres_restarts):
            target += rng.randint(low, high)
            if not ledger.wait_for_acknowledged(target, deadline):
                raise RuntimeError(f"ran out of time waiting for {target} acknowledged messages")
            restart_postgres(arguments.postgres, ledger, deadline)
            restarts += 1
            print(f"  PostgreSQL restart #{restarts} after {ledger.acknowledged} acknowledged messages", flush=True)
        target += rng.randint(low, high)
        if not ledger.wait_for_acknowledged(target, deadline):
            raise RuntimeError(f"ran out of time waiting for {target} acknowledged messages")
        stop.set()
        for conversation in conversations:
            conversation.join(timeout=max(1.0, deadline - time.monotonic()))
        problems += [c.failure for c in conversations if c.failure]
        problems += [f"{c.conversation} did not finish in time" for c in conversations if c.is_alive()]

        # Every conversation resumes where it was: same session, a 200, a real reply.
        resumed = 0
        for conversation in conversations:
            last_session = conversation.acknowledged[-1][2]["session_id"] if conversation.acknowledged else None
            reply = conversation.send("status")
            conversation.close()
            if reply is None:
                problems.append(f"{conversation.conversation}: the follow-up message was never acknowledged")
            elif reply["replay"] or not reply["messages"] or reply["session_id"] != last_session:
                problems.append(f"{conversation.conversation}: did not resume session {last_session}: {reply!r}")
            else:
                resumed += 1

        # One more kill -9, so the data is checked as a crash leaves it (WAL not checkpointed).
        for server in servers:
            server.kill()
        problems += verify_and_report(store, conversations, ledger, kills, restarts, resumed, seed, started)
    finally:
        stop.set()
        up.set()
        for server in servers:
            server.kill()
        for conversation in conversations:
            conversation.close()

    if ledger.server_errors:
        problems.append(f"{len(ledger.server_errors)} answers were 5xx other than 503, e.g. {ledger.server_errors[:3]}")
    if ledger.unavailable and not arguments.postgres_restarts:
        problems.append(f"{ledger.unavailable} answers were 503 while the database was up")
    if ledger.unavailable_without_retry_after:
        problems.append(f"503s without Retry-After: {ledger.unavailable_without_retry_after[:3]}")
    if arguments.postgres_restarts and not ledger.unavailable:
        problems.append("no turn was refused with 503 while PostgreSQL was down")
    if problems:
        print(f"FAILED (seed {seed}; database and logs kept in {work}):")
        for problem in problems[:40]:
            print(f"  - {problem}")
        return 1
    if arguments.postgres:
        store.drop()
    if not arguments.keep:
        for name in os.listdir(work):
            os.remove(os.path.join(work, name))
        os.rmdir(work)
    print("crash: 1 passed, 0 failed")
    return 0


def restart_postgres(url, ledger, deadline):
    """Takes the PostgreSQL server down until turns have been refused with 503 (or two seconds
    passed), then brings it back; postgres.sh finds the server by the URL's port."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "postgres.sh")
    environment = {**os.environ, "FLOWLINKS_POSTGRES_PORT": str(urllib.parse.urlsplit(url).port or 5432)}
    subprocess.run([script, "down"], env=environment, check=True)
    refused_before = ledger.unavailable
    until = min(deadline, time.monotonic() + 2.0)
    with ledger.condition:
        while ledger.unavailable < refused_before + 5 and time.monotonic() < until:
            ledger.condition.wait(timeout=0.1)
    subprocess.run([script, "up"], env=environment, check=True)


def verify_and_report(store, conversations, ledger, kills, restarts, resumed, seed, started):
    problems, counts = verify(store, conversations)
    acknowledged = sum(len(c.acknowledged) for c in conversations)
    print("crash test summary")
    print(f"  seed:                          {seed}")
    print(f"  conversations:                 {len(conversations)}")
    print(f"  replicas:                      {len(conversations[0].servers) if conversations else 1}")
    print(f"  kills (kill -9 during load):   {kills} (+1 of each replica before checking)")
    print(f"  PostgreSQL restarts:           {restarts}")
    print(f"  503 while it was down:         {ledger.unavailable} (each retried after Retry-After)")
    print(f"  messages acknowledged (2xx):   {acknowledged}")
    print(f"  connection errors, retried:    {ledger.connection_errors}")
    print(f"  retries answered as replays:   {ledger.retried_and_replayed} (committed before the kill)")
    print(f"  retries taken as new turns:    {ledger.retried_and_new} (not committed before the kill, or sent while it was down)")
    print(f"  5xx answers:                   {len(ledger.server_errors)}")
    print(f"  messages checked:              {counts['checked']}")
    print(f"  missing from the transcript:   {counts['missing']}")
    print(f"  duplicates found:              {counts['duplicates']}")
    print(f"  sessions resumed:              {resumed}/{len(conversations)}")
    print(f"  integrity_check:               {counts['integrity']}")
    print(f"  time:                          {time.monotonic() - started:.1f} s")
    return problems


if __name__ == "__main__":
    sys.exit(main())
