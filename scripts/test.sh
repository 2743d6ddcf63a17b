#!/bin/sh
# Runs the unit tests (ctest) and the black-box API tests (node --test, tests/api/*.test.js)
# against one build directory, both even when the first fails, and prints a one-line summary.
# The API tests start their own throwaway PostgreSQL clusters; nothing else is needed.
# Usage: scripts/test.sh <build-dir>        e.g. scripts/test.sh build-asan
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 <build-dir>" >&2
	exit 2
fi
[ -d "$1" ] || { echo "test.sh: no build directory $1" >&2; exit 2; }
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)

# Sanitizer builds: report leaks, stop at the first UB report. Callers may override.
: "${ASAN_OPTIONS:=detect_leaks=1:abort_on_error=0}"
: "${UBSAN_OPTIONS:=print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS UBSAN_OPTIONS

unit=pass
ctest --test-dir "$build" --output-on-failure || unit=fail

# Test-only npm packages (tests/package.json: the OpenAPI validator), installed when missing or
# older than the lock file; npm ci writes node_modules/.package-lock.json last.
if [ ! -f "$root/tests/node_modules/.package-lock.json" ] ||
	[ "$root/tests/package-lock.json" -nt "$root/tests/node_modules/.package-lock.json" ]; then
	npm ci --prefix "$root/tests" --no-audit --no-fund >&2 || echo "test.sh: npm ci failed" >&2
fi

api=pass
if [ ! -x "$build/twentyc" ]; then
	echo "test.sh: $build/twentyc is missing" >&2
	api=fail
else
	cd "$root"
	TWENTYC_BIN="$build/twentyc" node --test --test-reporter=spec tests/api/*.test.js || api=fail
fi

echo "test.sh: unit: $unit, api: $api"
[ "$unit" = pass ] && [ "$api" = pass ]
