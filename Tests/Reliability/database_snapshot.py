"""A fingerprint of every table of a FlowLinks database, read through a read-only connection: the
row count and a hash of all rows of each table. Two equal snapshots mean no row was added, removed
or changed in between. Python 3 standard library only.
"""

import hashlib
import sqlite3

# why: the outbox worker updates a queued call's delivery state on its own schedule (attempts,
# next try, sent); no request changes those columns, so they are left out of the fingerprint. A
# facilitator's sign-in notes its last use (at most once a minute) on any request it makes, a
# refused one included; which sign-ins exist is still compared.
VOLATILE_COLUMNS = {
    "outbox": {"status", "attempts", "next_attempt_at", "last_error", "sent_at"},
    "facilitator_signins": {"last_seen_at", "expires_at"},
}


def snapshot(path):
    """{table: (row count, sha256 of the rows)} for every table of the database at `path`."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        fingerprint = {}
        tables = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for table in tables:
            columns = [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
            kept = [column for column in columns if column not in VOLATILE_COLUMNS.get(table, set())]
            listed = ", ".join(f'"{column}"' for column in kept)
            digest = hashlib.sha256()
            count = 0
            for row in db.execute(f'SELECT {listed} FROM "{table}" ORDER BY {listed}'):
                digest.update(repr(row).encode())
                count += 1
            fingerprint[table] = (count, digest.hexdigest()[:16])
        return fingerprint
    finally:
        db.close()


def differences(before, after):
    """The tables whose fingerprint changed, as readable lines."""
    lines = []
    for table in sorted(set(before) | set(after)):
        if before.get(table) != after.get(table):
            was, now = before.get(table, (0, "-")), after.get(table, (0, "-"))
            lines.append(f"{table}: {was[0]} rows → {now[0]} rows" + (" (contents changed)" if was[0] == now[0] else ""))
    return lines


def transcript_lines(path, platform_message_id):
    """The inbound transcript lines stored for a platform message id, as (channel, text) pairs."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        return db.execute(
            """
            SELECT s.channel, t.text FROM transcript t JOIN sessions s ON s.id = t.session_id
            WHERE t.direction = 'in' AND t.platform_message_id = ?
            """, (platform_message_id,)).fetchall()
    finally:
        db.close()
