#!/usr/bin/env bash
# Instructions per turn, counted by callgrind: stable while other work shares the machine, so each
# optimisation can be measured on its own. Runs the release server under callgrind, drives it with
# full generic-channel sessions from Benchmarks/turn_client.py, and counts only the measured turns.
#   Benchmarks/profile.sh [sessions, default 60] [concurrent conversations, default 8]
#   FLOWLINKS_BINARY=path/to/flowlinks Benchmarks/profile.sh    # another build, e.g. an older commit
# Needs valgrind and python3. Leaves the profile in /tmp/flowlinks-profile/turns.callgrind for
# callgrind_annotate. 60 sessions (840 turns) take about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
sessions="${1:-60}"
concurrency="${2:-8}"
work=/tmp/flowlinks-profile
port=$((19000 + RANDOM % 1000))
mkdir -p "$work"
binary="${FLOWLINKS_BINARY:-.build/release/flowlinks}"
[ -n "${FLOWLINKS_BINARY:-}" ] || swift build -c release --product flowlinks >/dev/null
# why: valgrind 3.19 cannot read Swift 6's DWARF 5; the symbol table is enough for a profile.
objcopy --strip-debug "$binary" "$work/flowlinks"
# why: valgrind 3.19 writes into the signal mask given to rt_sigsuspend, which libdispatch keeps
# read-only; the shim passes a writable copy.
cc -shared -fPIC -O2 -o "$work/sigsuspend.so" Benchmarks/valgrind_sigsuspend.c
database="$(mktemp -d)"
LD_PRELOAD="$work/sigsuspend.so" valgrind --tool=callgrind --instr-atstart=no \
    --callgrind-out-file="$work/turns.callgrind" "$work/flowlinks" serve --port "$port" \
    --db "$database/profile.sqlite" --set log_level=warning \
    --set rate_limit_per_minute=100000 --set rate_limit_burst=100000 \
    --set new_conversations_per_minute=1000000 --set new_conversations_per_channel_per_minute=1000000 2>"$work/valgrind.log" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$database"' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
python3 Benchmarks/turn_client.py "$port" 20 "$concurrency" warm-up >/dev/null
callgrind_control -i on "$server" >/dev/null
python3 Benchmarks/turn_client.py "$port" "$sessions" "$concurrency" measured
callgrind_control -i off "$server" >/dev/null 2>&1
kill -TERM "$server"
wait "$server" || true
total=$(grep "Collected :" "$work/valgrind.log" | awk '{print $4}')
echo "instructions per turn: $((total / (sessions * 14))) ($total over $((sessions * 14)) turns)"
