#!/usr/bin/env bash
# Sign-in flood: how much webhook turns slow down while 16 clients flood the facilitator sign-in
# form with random usernames. Four measurements of webhook turns (4 conversations, full
# sessions, Benchmarks/session.lua) of SECONDS each: alone; beside a flood from one address;
# beside a flood from a new address per attempt (X-Forwarded-For, honoured when the server has
# behind_proxy, which this script sets when the binary knows it); and, for comparison, beside
# 16 clients flooding /healthz.
#   Benchmarks/signin_flood.sh [seconds, default 20]
# FLOWLINKS_BINARY picks the binary (default: the release build, built first). Needs wrk
# (apt-get install -y wrk). Writes nothing but a scratch database under /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20}"
port=18081
work="$(mktemp -d)"
database="$work/flood.sqlite"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
binary="${FLOWLINKS_BINARY:-}"
if [ -z "$binary" ]; then
    swift build -c release --product flowlinks >/dev/null
    binary=.build/release/flowlinks
fi
settings=(--set log_level=warning --set rate_limit_per_minute=100000 --set rate_limit_burst=100000)
# why: read the whole help first; `grep -q` closing the pipe early would fail it under pipefail.
help_text="$("$binary" serve --help)"
if [[ "$help_text" == *behind_proxy* ]]; then settings+=(--set behind_proxy=true); fi

"$binary" serve --port "$port" --db "$database" "${settings[@]}" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "binary:  $binary, checkout at commit $(git rev-parse --short HEAD), settings: ${settings[*]}"
turns() {  # label
    local result
    result=$(wrk -t 4 -c 4 -d "${duration}s" --latency -s Benchmarks/session.lua "http://127.0.0.1:$port/" | grep '^RESULT')
    printf '%-40s %s\n' "$1" "${result#RESULT }"
}
flood() {  # label, spread (0 or 1)
    local output="$work/flood-$2.txt"
    FLOWLINKS_FLOOD_SPREAD="$2" wrk -t 16 -c 16 -d "$((duration + 2))s" --timeout 30s --latency \
        -s Benchmarks/signin_flood.lua "http://127.0.0.1:$port/" >"$output" &
    local flooder=$!
    sleep 1  # the flood is under way before the turns are timed
    turns "turns beside $1"
    wait "$flooder"
    local result
    result=$(grep '^RESULT' "$output")
    printf '%-40s %s\n' "  the flood itself" "${result#RESULT }"
}
healthz_flood() {  # for comparison: a flood as heavy in connections, of the cheapest request there is
    wrk -t 16 -c 16 -d "$((duration + 2))s" "http://127.0.0.1:$port/healthz" >"$work/healthz.txt" &
    local flooder=$!
    sleep 1
    turns "turns beside a flood of /healthz"
    wait "$flooder"
    printf '%-40s %s\n' "  the flood itself" "$(awk '/Requests\/sec/ {print "requests_per_s=" $2}' "$work/healthz.txt")"
}
turns "warm-up (discarded)" >/dev/null
turns "turns alone"
flood "a flood from one address" 0
flood "a flood from many addresses" 1
healthz_flood
echo "server RSS after the run: $(ps -o rss= -p $server | awk '{printf "%.1f MB", $1/1024}')"
