#!/usr/bin/env bash
# The reliability tests against the real server: the crash test (kill -9 under load, nothing
# acknowledged is lost or doubled) and the bad-input test (schemathesis from docs/openapi.yaml plus
# a malformed-request table per channel: no 5xx, no crash, no row changed by a refused request).
#   Tests/Reliability/run.sh [crash|fuzz|all] [extra arguments for the chosen script]
# Uses FLOWLINKS_BINARY, else .build/debug/flowlinks (built when missing). The bad-input test
# needs schemathesis (pip install schemathesis==4.32.5); .ci/run installs it.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary="${FLOWLINKS_BINARY:-.build/debug/flowlinks}"
if [ ! -x "$binary" ]; then
    swift build --product flowlinks
    binary=.build/debug/flowlinks
fi
which="${1:-all}"
shift || true
case "$which" in
    crash) python3 Tests/Reliability/crash_test.py --binary "$binary" "$@" ;;
    fuzz) python3 Tests/Reliability/fuzz_api.py --binary "$binary" "$@" ;;
    all)
        python3 Tests/Reliability/crash_test.py --binary "$binary"
        python3 Tests/Reliability/fuzz_api.py --binary "$binary"
        ;;
    *) echo "usage: $0 [crash|fuzz|all] [arguments]" >&2; exit 2 ;;
esac
