#!/usr/bin/env bash
# Load benchmark: full sessions through the generic channel against a release build, at 64 and
# at 8 concurrent conversations, beside the same server's bare /healthz rate, in one run.
#   Benchmarks/run.sh [seconds per measurement, default 20]
# Needs wrk (apt-get install -y wrk). Writes nothing but a scratch database under /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20}"
port=18080
database="$(mktemp -d)/bench.sqlite"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
swift build -c release --product flowlinks >/dev/null
binary=.build/release/flowlinks

"$binary" serve --port "$port" --db "$database" --set log_level=warning \
    --set rate_limit_per_minute=100000 --set rate_limit_burst=100000 \
    --set new_conversations_per_minute=1000000 --set new_conversations_per_channel_per_minute=1000000 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$(dirname "$database")"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "server RSS idle:          $(ps -o rss= -p $server | awk '{printf "%.1f MB", $1/1024}')"
echo "commit:  $(git rev-parse --short HEAD)"
measure() {  # label, threads, connections, script
    local result
    result=$(wrk -t "$2" -c "$3" -d "${duration}s" --latency -s "$4" "http://127.0.0.1:$port/" | grep '^RESULT')
    printf '%-34s %s\n' "$1" "${result#RESULT }"
}
measure "warm-up (discarded)" 8 8 Benchmarks/session.lua >/dev/null
measure "bare /healthz, 64 connections" 2 64 Benchmarks/health.lua
measure "turns, 64 conversations" 64 64 Benchmarks/session.lua
measure "turns, 8 conversations" 8 8 Benchmarks/session.lua
echo "server RSS after the run: $(ps -o rss= -p $server | awk '{printf "%.1f MB", $1/1024}')"
