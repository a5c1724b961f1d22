#!/usr/bin/env python3
"""What the SQLite writer did between two /metrics snapshots: shared commits and how long they
took, and the write-ahead log checkpoints by where they ran (beside the writer, or inside a commit).

    python3 Benchmarks/sqlite_figures.py before.txt after.txt
"""
import re
import sys


def read(path):
    series = {}
    for line in open(path):
        match = re.match(r'^([a-z_]+)(\{[^}]*\})? ([0-9.e+-]+)$', line.strip())
        if match:
            series[(match.group(1), match.group(2) or "")] = float(match.group(3))
    return series


def delta(before, after, name, labels=""):
    return after.get((name, labels), 0) - before.get((name, labels), 0)


def histogram(before, after, name, labels=""):
    """(count, {upper bound: count at or below}) between the snapshots."""
    inner = labels.strip("{}")
    buckets = {}
    for (series, series_labels), value in after.items():
        if series != name + "_bucket":
            continue
        bound = re.search(r'le="([^"]+)"', series_labels).group(1)
        rest = re.sub(r',?le="[^"]+"', "", series_labels.strip("{}")).strip(",")
        if rest != inner:
            continue
        buckets[float("inf") if bound == "+Inf" else float(bound)] = value - before.get((series, series_labels), 0)
    count = delta(before, after, name + "_count", labels)
    return count, dict(sorted(buckets.items()))


def at_most(buckets, count, share):
    """The smallest bucket bound holding `share` of the observations, in ms."""
    for bound, below in buckets.items():
        if count and below >= share * count:
            return "inf" if bound == float("inf") else f"{bound * 1000:g}"
    return "-"


def largest(buckets):
    """The bound of the highest bucket that gained an observation, in ms."""
    previous = 0
    top = None
    for bound, below in buckets.items():
        if below > previous:
            top = bound
        previous = below
    return "-" if top is None else ("inf" if top == float("inf") else f"{top * 1000:g}")


before, after = read(sys.argv[1]), read(sys.argv[2])
commits, commit_buckets = histogram(before, after, "flowlinks_sqlite_commit_seconds")
turns = delta(before, after, "flowlinks_sqlite_committed_turns_total")
parts = [f"commits={commits:.0f} turns_per_commit={turns / commits:.1f}" if commits else "commits=0"]
parts.append(f"commit_p99_ms<={at_most(commit_buckets, commits, 0.99)} commit_max_ms<={largest(commit_buckets)}")
for path in ("background", "commit"):
    labels = f'{{path="{path}"}}'
    count, buckets = histogram(before, after, "flowlinks_sqlite_checkpoint_seconds", labels)
    pages = delta(before, after, "flowlinks_sqlite_checkpoint_pages_total", labels)
    parts.append(f"checkpoints_{path}={count:.0f} pages={pages:.0f} max_ms<={largest(buckets)}")
print(" ".join(parts))
