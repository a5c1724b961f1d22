#!/usr/bin/env bash
# The browser test: a real server on 127.0.0.1 with two sessions and a facilitator account,
# driven through headless Chromium by facilitator_flow.py. Needs chromium, chromium-driver and
# the selenium, pypdf and axe-selenium-python packages (.ci/run installs them). Screenshots go to
# ./screenshots/ (ignored by git; CI keeps them as artifacts).
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=.build/debug/flowlinks
work="$(mktemp -d)"
database="$work/flowlinks.sqlite"
port=$((20000 + RANDOM % 20000))

printf '%s\n' "Riverside Family Services" "Parent Cafe" "Weekly drop-in <b>for parents</b>" "yes, partners reach families" \
    "some" "2" "1" "3" "4" "More trust" "We will keep you posted" "yes" "skip" | "$binary" repl --db "$database" --session a >/dev/null
printf '%s\n' "Library Friends" "Story Time" | "$binary" repl --db "$database" --session b >/dev/null
echo "correct horse battery" | "$binary" facilitators add maria --db "$database" >/dev/null

# why: the browsers answer faster than any person; the limits have tests of their own.
"$binary" serve --port "$port" --db "$database" --set rate_limit_per_minute=600 --set rate_limit_burst=100 \
    >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

SE_AVOID_STATS=true python3 Tests/Browser/facilitator_flow.py "http://127.0.0.1:$port" screenshots
SE_AVOID_STATS=true python3 Tests/Browser/chat_flow.py "http://127.0.0.1:$port" screenshots
