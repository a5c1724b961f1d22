#!/usr/bin/env bash
# The browser test: a real server on 127.0.0.1 with two sessions, a workshop and a facilitator
# account, driven through headless Chromium by facilitator_flow.py, chat_flow.py and
# workshop_flow.py (which also needs zbarimg, from zbar-tools). Needs chromium, chromium-driver and
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

# A workshop, with the server's own address for the web chat's join link; workshop_flow.py has
# people join and answer it.
joining=(--set "public_base_url=http://127.0.0.1:$port")
code=$("$binary" workshops create "Spring partners workshop" --db "$database" "${joining[@]}" \
    --organization "Riverside Family Services" --organization "Northside Clinic" \
    --initiative "Parent Cafe" --initiative "Teen Health" | sed -n 's/^Join code: //p')

# why: each workshop participant sends a whole session at once, more than the default burst.
"$binary" serve --port "$port" --db "$database" "${joining[@]}" --set rate_limit_per_minute=600 --set rate_limit_burst=100 >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

SE_AVOID_STATS=true python3 Tests/Browser/facilitator_flow.py "http://127.0.0.1:$port" screenshots
SE_AVOID_STATS=true python3 Tests/Browser/chat_flow.py "http://127.0.0.1:$port" screenshots
SE_AVOID_STATS=true python3 Tests/Browser/workshop_flow.py "http://127.0.0.1:$port" screenshots "$code"
