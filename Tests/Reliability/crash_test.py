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

Seeded: the seed is printed, and --seed repeats the same plan (conversations, answers, kill moments).
Kill moments are counted in acknowledged messages, not seconds, so a slow machine sees the same
plan. Python 3 standard library only.

    Tests/Reliability/crash_test.py --binary .build/debug/flowlinks [--seed N] [--conversations 40] [--kills 5]
"""

import argparse
import http.client
import json
import os
import random
import sqlite3
import sys
import tempfile
import threading
import time

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

    def __init__(self, name, rng, server, up, stop, ledger, deadline):
        super().__init__(name=name, daemon=True)
        self.conversation = name
        self.rng = rng
        self.server = server
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
        while time.monotonic() < self.deadline:
            try:
                status, payload = self.post(body)
            except (OSError, http.client.HTTPException):
                self.close()
                retried = True
                with self.ledger.condition:
                    self.ledger.connection_errors += 1
                # why: the server is down (killed); the controller sets `up` once /healthz answers again.
                self.up.wait(timeout=max(0.0, self.deadline - time.monotonic()))
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

    def post(self, body):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        self.connection.request("POST", "/webhooks/generic", body=body, headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
        response = self.connection.getresponse()
        return response.status, response.read()

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def verify(database, conversations):
    """Checks the database file against what the server acknowledged; returns (problems, counts)."""
    problems = []
    db = sqlite3.connect(database)
    try:
        integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
        dangling = db.execute("PRAGMA foreign_key_check").fetchall()
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:5]}")
        if dangling:
            problems.append(f"foreign_key_check: {dangling[:5]}")
        inbound = db.execute(
            """
            SELECT t.id, t.platform_message_id, t.text, s.conversation FROM transcript t
            JOIN sessions s ON s.id = t.session_id
            WHERE t.direction = 'in' AND s.channel = 'generic' ORDER BY t.id
            """).fetchall()
        events = {row[0] for row in db.execute("SELECT event_id FROM processed_events WHERE channel = 'generic'")}
    finally:
        db.close()

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
                      "integrity": ",".join(integrity), "transcript_in": len(inbound)}


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
    arguments = parser.parse_args()

    seed = arguments.seed if arguments.seed is not None else random.SystemRandom().randrange(1, 2**31)
    print(f"crash test: seed {seed} (repeat with --seed {seed})", flush=True)
    rng = random.Random(seed)
    low, high = (int(part) for part in arguments.between_kills.split(":"))
    started = time.monotonic()
    deadline = started + arguments.time_limit

    work = tempfile.mkdtemp(prefix="flowlinks-crash-")
    database = os.path.join(work, "crash.sqlite")
    server = LiveServer(
        arguments.binary, database, os.path.join(work, "server.log"),
        environment={"FLOWLINKS_GENERIC_TOKEN": TOKEN},
        # why: forty conversations answering as fast as they can would hit the per-conversation limit.
        settings={"rate_limit_per_minute": 100_000, "rate_limit_burst": 100_000, "log_level": "warning"})
    ledger = Ledger()
    up, stop = threading.Event(), threading.Event()
    conversations = [
        Conversation(f"crash-{seed}-{index:02d}", random.Random(rng.random()), server, up, stop, ledger, deadline)
        for index in range(arguments.conversations)]
    problems = []
    kills = 0
    try:
        server.start()
        up.set()
        for conversation in conversations:
            conversation.start()

        target = 0
        for _ in range(arguments.kills):
            target += rng.randint(low, high)
            if not ledger.wait_for_acknowledged(target, deadline):
                raise RuntimeError(f"ran out of time waiting for {target} acknowledged messages")
            up.clear()
            server.kill()
            kills += 1
            print(f"  kill -9 #{kills} after {ledger.acknowledged} acknowledged messages", flush=True)
            server.start()
            up.set()
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

        # One more kill -9, so the file is checked as a crash leaves it (WAL not checkpointed).
        server.kill()
        problems += verify_and_report(database, conversations, ledger, kills, resumed, seed, started)
    finally:
        stop.set()
        up.set()
        server.kill()
        for conversation in conversations:
            conversation.close()

    if ledger.server_errors:
        problems.append(f"{len(ledger.server_errors)} answers were 5xx, e.g. {ledger.server_errors[:3]}")
    if problems:
        print(f"FAILED (seed {seed}; database and log kept in {work}):")
        for problem in problems[:40]:
            print(f"  - {problem}")
        return 1
    if not arguments.keep:
        for name in os.listdir(work):
            os.remove(os.path.join(work, name))
        os.rmdir(work)
    print("crash: 1 passed, 0 failed")
    return 0


def verify_and_report(database, conversations, ledger, kills, resumed, seed, started):
    problems, counts = verify(database, conversations)
    acknowledged = sum(len(c.acknowledged) for c in conversations)
    print("crash test summary")
    print(f"  seed:                          {seed}")
    print(f"  conversations:                 {len(conversations)}")
    print(f"  kills (kill -9 during load):   {kills} (+1 before checking the file)")
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
