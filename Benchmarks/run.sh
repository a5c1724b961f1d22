#!/usr/bin/env bash
# Load benchmark: full sessions through the generic channel against a release build, at 64 and
# at 8 concurrent conversations, beside the same server's bare /healthz rate, in one run.
#   Benchmarks/run.sh [seconds per measurement, default 20]
#   FLOWLINKS_BINARY=path/to/flowlinks Benchmarks/run.sh 20          # another build, e.g. an older commit
#   WAL_CHECKPOINT=commit Benchmarks/run.sh 20                        # SQLite's own checkpoints, to compare
# Needs wrk (apt-get install -y wrk) and python3. Writes nothing but a scratch database under /tmp.
# Beside each measurement of turns it prints what the SQLite writer did meanwhile (from /metrics):
# its shared commits and their durations, and the write-ahead log checkpoints by where they ran.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20}"
port=18080
database="$(mktemp -d)/bench.sqlite"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
binary="${FLOWLINKS_BINARY:-.build/release/flowlinks}"
[ -n "${FLOWLINKS_BINARY:-}" ] || swift build -c release --product flowlinks >/dev/null
checkpointing=()
[ -z "${WAL_CHECKPOINT:-}" ] || checkpointing=(--set "wal_checkpoint=$WAL_CHECKPOINT")

"$binary" serve --port "$port" --db "$database" --set log_level=warning "${checkpointing[@]}" \
    --set rate_limit_per_minute=100000 --set rate_limit_burst=100000 \
    --set new_conversations_per_minute=1000000 --set new_conversations_per_channel_per_minute=1000000 &
server=$!
scratch="$(dirname "$database")"
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$scratch"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "server RSS idle:          $(ps -o rss= -p $server | awk '{printf "%.1f MB", $1/1024}')"
echo "commit:  $(git rev-parse --short HEAD)  binary: $binary  wal_checkpoint: ${WAL_CHECKPOINT:-default}"
measure() {  # label, threads, connections, script
    local result
    curl -s "http://127.0.0.1:$port/metrics" >"$scratch/before.txt"
    result=$(wrk -t "$2" -c "$3" -d "${duration}s" --latency -s "$4" "http://127.0.0.1:$port/" | grep '^RESULT')
    curl -s "http://127.0.0.1:$port/metrics" >"$scratch/after.txt"
    printf '%-34s %s\n' "$1" "${result#RESULT }"
    if [ "$4" = Benchmarks/session.lua ]; then
        printf '%-34s %s\n' "" "$(python3 Benchmarks/sqlite_figures.py "$scratch/before.txt" "$scratch/after.txt")"
    fi
}
measure "warm-up (discarded)" 8 8 Benchmarks/session.lua >/dev/null
measure "bare /healthz, 64 connections" 2 64 Benchmarks/health.lua
measure "turns, 64 conversations" 64 64 Benchmarks/session.lua
measure "turns, 8 conversations" 8 8 Benchmarks/session.lua
echo "server RSS after the run: $(ps -o rss= -p $server | awk '{printf "%.1f MB", $1/1024}')"
