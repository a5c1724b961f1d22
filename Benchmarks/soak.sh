#!/usr/bin/env bash
# Soak: steady load through the generic channel on a release build for a bounded time, with the
# server's resident memory (VmRSS from /proc/PID/status) sampled every 10 s into a CSV. Prints the
# curve, its min/max/first/last and the growth after warm-up. Not run in CI (it takes minutes).
#   Benchmarks/soak.sh [seconds, default 180] [concurrent conversations, default 16] [CSV path]
# Environment: SOAK_INTERVAL (seconds between samples, default 10), SOAK_WARMUP (seconds left out
# of the growth figure, default 30). Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-180}"
connections="${2:-16}"
work="$(mktemp -d)"
csv="${3:-$work/soak.csv}"
interval="${SOAK_INTERVAL:-10}"
warmup="${SOAK_WARMUP:-30}"
database="$work/soak.sqlite"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
swift build -c release --product flowlinks >/dev/null
binary=.build/release/flowlinks
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

"$binary" serve --port "$port" --db "$database" --set log_level=warning \
    --set rate_limit_per_minute=100000 --set rate_limit_burst=100000 \
    --set new_conversations_per_minute=1000000 --set new_conversations_per_channel_per_minute=1000000 >"$work/server.log" 2>&1 &
server=$!
wrk_pid=""
trap 'kill $wrk_pid $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$database"*' EXIT
deadline=$((SECONDS + 60))
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "the server did not start; see $work/server.log" >&2; exit 1; }
    kill -0 $server 2>/dev/null || { echo "the server exited; see $work/server.log" >&2; exit 1; }
    sleep 0.1
done

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$server/status"; }
turns() { curl -sf "http://127.0.0.1:$port/metrics" | awk '/^flowlinks_turns_total/ {sum += $2} END {print sum + 0}'; }
database_bytes() { du -cb "$database"* 2>/dev/null | awk 'END {print $1}'; }

echo "soak: $duration s, $connections conversations, commit $(git rev-parse --short HEAD), $(nproc) cores"
echo "seconds,rss_kib,turns_total,database_bytes" >"$csv"
echo "0,$(rss_kib),$(turns),$(database_bytes)" >>"$csv"
wrk -t "$connections" -c "$connections" -d "${duration}s" --timeout 10s --latency -s Benchmarks/session.lua \
    "http://127.0.0.1:$port/" >"$work/wrk.out" 2>&1 &
wrk_pid=$!
start=$SECONDS
next=$interval
while kill -0 $wrk_pid 2>/dev/null; do
    if [ $((SECONDS - start)) -ge $next ]; then
        echo "$next,$(rss_kib),$(turns),$(database_bytes)" >>"$csv"
        next=$((next + interval))
    fi
    sleep 0.5
done
wait $wrk_pid || true
echo "$((SECONDS - start)),$(rss_kib),$(turns),$(database_bytes)" >>"$csv"
grep '^RESULT' "$work/wrk.out" | sed 's/^RESULT /wrk: /' || cat "$work/wrk.out"

column -s, -t <"$csv"
awk -F, -v warmup="$warmup" '
    NR == 1 { next }
    { rss = $2 / 1024; if (min == "" || rss < min) min = rss; if (rss > max) max = rss
      if (first == "") first = rss; last = rss; lastTurns = $3; lastSecond = $1
      if (afterWarmup == "" && $1 >= warmup) { afterWarmup = rss; warmupSecond = $1; warmupTurns = $3 } }
    END {
      printf "RSS MB: first %.1f, min %.1f, max %.1f, last %.1f\n", first, min, max, last
      printf "growth after warm-up (%d s → %d s): %+.1f MB over %d turns (%.2f KB per 1,000 turns)\n",
        warmupSecond, lastSecond, last - afterWarmup, lastTurns - warmupTurns,
        (lastTurns > warmupTurns) ? (last - afterWarmup) * 1024 * 1000 / (lastTurns - warmupTurns) : 0
      printf "turns served: %d\n", lastTurns
    }' "$csv"
echo "CSV: $csv"
