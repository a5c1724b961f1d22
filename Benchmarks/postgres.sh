#!/usr/bin/env bash
# Load benchmark of the two backends in one run: full sessions through the generic channel on
# SQLite, then on PostgreSQL with one replica, then with two replicas on the same database (each
# driven by its own wrk with half the conversations, as a load balancer would split them).
#   Benchmarks/postgres.sh [seconds per measurement, default 20]
# Needs wrk, and Debian's postgresql for the private server Tests/Reliability/postgres.sh starts
# on 127.0.0.1:55433 (fsync and synchronous_commit off: like SQLite's WAL with synchronous=NORMAL,
# a commit waits for no disk flush). Writes nothing but scratch data under /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20}"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
swift build -c release --product flowlinks >/dev/null
binary=.build/release/flowlinks
export FLOWLINKS_POSTGRES_PORT=55433
scratch="$(mktemp -d)"
servers=()
stop_servers() {
    for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    servers=()
}
trap 'stop_servers; Tests/Reliability/postgres.sh stop; rm -rf "$scratch"' EXIT
postgres_url="$(Tests/Reliability/postgres.sh start 2>/dev/null)"

serve() {  # port, database
    "$binary" serve --port "$1" --db "$2" --set log_level=warning \
        --set rate_limit_per_minute=100000 --set rate_limit_burst=100000 \
        --set new_conversations_per_minute=1000000 --set new_conversations_per_channel_per_minute=1000000 &
    servers+=($!)
    for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && break; sleep 0.1; done
}

cpu_seconds() {  # CPU seconds used so far by the processes named: the replicas, or PostgreSQL's
    local ticks=0 pid
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] && ticks=$((ticks + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat")))
    done
    echo "$ticks $(getconf CLK_TCK)" | awk '{printf "%.1f", $1 / $2}'
}

# why: where the time goes: CPU seconds of the replicas and of PostgreSQL during a measurement.
turns_with_cpu() {  # the arguments of turns
    local servers_before postgres_before
    servers_before=$(cpu_seconds "${servers[@]}")
    postgres_before=$(cpu_seconds $(pgrep -u postgres postgres || true))
    turns "$@"
    printf '%-44s replicas %.1f s, PostgreSQL %.1f s (of %d s on %d cores)\n' "  CPU used" \
        "$(echo "$(cpu_seconds "${servers[@]}") - $servers_before" | bc)" \
        "$(echo "$(cpu_seconds $(pgrep -u postgres postgres || true)) - $postgres_before" | bc)" "$duration" "$(nproc)"
}

turns() {  # label, conversations per replica, ports...
    local label=$1 connections=$2 port results=() clients=()
    shift 2
    for port in "$@"; do
        FLOWLINKS_BENCH_PREFIX="bench$port" wrk -t "$connections" -c "$connections" -d "${duration}s" --latency \
            -s Benchmarks/session.lua "http://127.0.0.1:$port/" >"$scratch/wrk-$port" &
        clients+=($!)
    done
    wait "${clients[@]}"
    # why: one line per measurement: the replicas' rates added, the worst p99 of them.
    for port in "$@"; do results+=("$(grep '^RESULT' "$scratch/wrk-$port")"); done
    printf '%s\n' "${results[@]}" | awk -v label="$label" '
        { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
          rate += v["turns_per_s"]; if (v["p99_ms"] > p99) p99 = v["p99_ms"]; if (v["p50_ms"] > p50) p50 = v["p50_ms"]
          bad += v["non_200"] + v["errors"] }
        END { printf "%-44s turns_per_s=%.0f p50_ms=%.2f p99_ms=%.2f non_200_or_errors=%d\n", label, rate, p50, p99, bad }'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), commit $(git rev-parse --short HEAD)"

serve 18081 "$scratch/bench.sqlite"
turns "warm-up (discarded)" 8 18081 >/dev/null
turns_with_cpu "SQLite, 64 conversations" 64 18081
turns_with_cpu "SQLite, 8 conversations" 8 18081
stop_servers

psql "$postgres_url" -q -c "CREATE SCHEMA bench"
bench_url="$postgres_url&options=-c%20search_path%3Dbench"
serve 18082 "$bench_url"
turns "warm-up (discarded)" 8 18082 >/dev/null
turns_with_cpu "PostgreSQL, 1 replica, 64 conversations" 64 18082
turns_with_cpu "PostgreSQL, 1 replica, 8 conversations" 8 18082
serve 18083 "$bench_url"
turns_with_cpu "PostgreSQL, 2 replicas, 64 conversations" 32 18082 18083
turns_with_cpu "PostgreSQL, 2 replicas, 8 conversations" 4 18082 18083
stop_servers
