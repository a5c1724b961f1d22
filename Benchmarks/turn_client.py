#!/usr/bin/env python3
"""Full sessions (14 turns each) through the generic webhook, for Benchmarks/profile.sh.

    turn_client.py PORT SESSIONS CONCURRENCY [TAG]

Each of CONCURRENCY connections holds one conversation at a time, one turn at a time.
"""
import http.client
import json
import sys
import threading
import time

ANSWERS = [
    "hello", "Riverside Family Services", "Parent Cafe", "Weekly drop-in for parents",
    "yes, partners reach families we cannot", "some, the school district", "2", "1", "3",
    "4 because families should shape it", "More trust and better turnout",
    "We value your feedback and want to work together", "yes", "We will co-host planning meetings",
]


def main():
    port, sessions, concurrency = (int(argument) for argument in sys.argv[1:4])
    tag = sys.argv[4] if len(sys.argv) > 4 else str(time.time())
    counts = {"turns": 0, "non_200": 0}
    lock = threading.Lock()

    def converse(worker):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        for session in range(worker, sessions, concurrency):
            conversation = f"profile-{tag}-{session}"
            for index, text in enumerate(ANSWERS):
                body = json.dumps({"conversation": conversation, "message_id": f"{conversation}-{index}", "text": text})
                connection.request("POST", "/webhooks/generic", body, {"Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
                with lock:
                    counts["turns"] += 1
                    counts["non_200"] += response.status != 200

    started = time.time()
    workers = [threading.Thread(target=converse, args=(worker,)) for worker in range(concurrency)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(f"turns={counts['turns']} non_200={counts['non_200']} seconds={time.time() - started:.1f}")


if __name__ == "__main__":
    main()
