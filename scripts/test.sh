#!/bin/sh
# Runs the unit tests (ctest) and the black-box API tests (node --test, tests/api/*.test.js)
# against one build directory, both even when the first fails, and prints a one-line summary.
# The API tests start their own throwaway PostgreSQL clusters; nothing else is needed. Every
# twentyc they start logs the SQL it sends (TWENTYC_SQL_LOG) into <build-dir>/sql-log/, and
# sqlcheck then parses each distinct statement with PostgreSQL's grammar (libpg_query).
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
sql=pass
sqllog="$build/sql-log"
rm -rf "$sqllog"
mkdir -p "$sqllog"
if [ ! -x "$build/twentyc" ]; then
	echo "test.sh: $build/twentyc is missing" >&2
	api=fail
else
	cd "$root"
	TWENTYC_BIN="$build/twentyc" TWENTYC_SQL_LOG_DIR="$sqllog" \
		node --test --test-reporter=spec tests/api/*.test.js || api=fail
fi

if [ ! -x "$build/sqlcheck" ]; then
	echo "test.sh: $build/sqlcheck is missing (libpg-query-dev)" >&2
	sql=fail
else
	set -- "$sqllog"/*.jsonl
	if [ -e "$1" ]; then
		"$build/sqlcheck" "$@" || sql=fail
	else
		echo "test.sh: no SQL was logged in $sqllog" >&2
		sql=fail
	fi
fi

echo "test.sh: unit: $unit, api: $api, sql: $sql"
[ "$unit" = pass ] && [ "$api" = pass ] && [ "$sql" = pass ]
