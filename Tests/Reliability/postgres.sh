#!/usr/bin/env bash
# A private, throwaway PostgreSQL server for the tests: its own cluster in a temporary directory,
# listening on 127.0.0.1 only, with a scratch database and a password user.
#   Tests/Reliability/postgres.sh start   # initdb + start (a few seconds); prints the URL
#   Tests/Reliability/postgres.sh url     # the URL for FLOWLINKS_TEST_POSTGRES
#   Tests/Reliability/postgres.sh stop    # stop it and remove its directory
#   Tests/Reliability/postgres.sh down|up # stop it keeping its data, start it again
# FLOWLINKS_POSTGRES_PORT picks the port (55432). Needs Debian's postgresql package (initdb, pg_ctl)
# and openssl. Run as root, the server runs as the `postgres` user, since PostgreSQL refuses root.
set -euo pipefail
port="${FLOWLINKS_POSTGRES_PORT:-55432}"
dir="${FLOWLINKS_POSTGRES_DIR:-${TMPDIR:-/tmp}/flowlinks-postgres-$port}"
database=flowlinks_test
user=flowlinks

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bin" ] && command -v initdb >/dev/null; then bin="$(dirname "$(command -v initdb)")"; fi
if [ -z "$bin" ]; then
    echo "postgres.sh: no PostgreSQL found (apt-get install postgresql)" >&2
    exit 1
fi

# why: the server refuses to run as root; CI runs as root, so the cluster belongs to `postgres`.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() {
    # why: plain by default (quicker); the TLS tests switch sslmode on and trust the certificate named here.
    echo "postgres://$user:$(cat "$dir/password")@127.0.0.1:$port/$database?sslmode=disable&sslrootcert=$dir/server.crt"
}

# why: a scratch server: durability is not needed, speed is.
run_server() {
    as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --silent start \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 \
            -c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key"
}

is_running() { [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; }

start() {
    if is_running; then
        echo "postgres.sh: already running on 127.0.0.1:$port ($dir)" >&2
        url
        return
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    # why: a random password, so the tests exercise password authentication (SCRAM) as in production.
    head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/password"
    chmod 600 "$dir/password"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
    chmod 700 "$dir"
    echo "postgres.sh: initdb $dir/data ($bin)" >&2
    as_owner "$bin/initdb" --pgdata="$dir/data" --username="$user" --pwfile="$dir/password" \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log"
    # why: it names localhost only, so the TLS tests can tell verify-full (which checks the name) from verify-ca.
    echo "postgres.sh: a self-signed certificate for localhost" >&2
    as_owner openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj /CN=localhost \
        -addext "subjectAltName=DNS:localhost" \
        -keyout "$dir/server.key" -out "$dir/server.crt" 2>/dev/null
    chmod 644 "$dir/server.crt"
    chmod 711 "$dir"
    echo "postgres.sh: start on 127.0.0.1:$port" >&2
    run_server
    echo "postgres.sh: createdb $database" >&2
    as_owner "$bin/createdb" --host="$dir" --port="$port" --username="$user" "$database"
    url
}

stop() {
    if is_running; then
        echo "postgres.sh: stop 127.0.0.1:$port" >&2
        as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait --silent stop
    fi
    rm -rf "$dir"
}

# The server goes down and comes back with its data, as a restart or a failover does (crash test).
down() { as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait --silent stop; }
up() { run_server; }

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) url ;;
    down) down ;;
    up) up ;;
    *) echo "usage: $0 start|stop|url|down|up" >&2; exit 2 ;;
esac
