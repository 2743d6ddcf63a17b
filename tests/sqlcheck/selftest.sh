#!/bin/sh
# Self-test of sqlcheck (ctest sqlcheck_selftest): statements shaped like twentyc's parse, a
# broken one fails with its error and text, a malformed line fails, and an empty log fails.
# Usage: tests/sqlcheck/selftest.sh <path to sqlcheck>
set -eu
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() {
	echo "selftest: $*" >&2
	exit 1
}

cat >"$dir/good.jsonl" <<'JSONL'
{"sql":"SELECT \"id\", \"name\" FROM \"workspace_1a2b\".\"company\" WHERE \"deletedAt\" IS NULL AND \"id\" = $1 LIMIT 61"}
{"sql":"SELECT count(*) FROM \"workspace_1a2b\".\"company\" WHERE \"deletedAt\" IS NULL"}
{"sql":"CREATE TABLE \"t\" (\"id\" uuid PRIMARY KEY DEFAULT gen_random_uuid());\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $f$ SELECT 1 $f$;"}
{"sql":"SELECT \"id\", \"name\" FROM \"workspace_1a2b\".\"company\" WHERE \"deletedAt\" IS NULL AND \"id\" = $1 LIMIT 61"}
JSONL
out=$("$bin" "$dir/good.jsonl") || fail "good statements failed: $out"
echo "$out" | grep -q '^sqlcheck: 4 statements, 3 distinct, 0 failed' || fail "unexpected summary: $out"

cat >"$dir/bad.jsonl" <<'JSONL'
{"sql":"SELECT \"id\" FROM \"company\" WHERE \"id\" = $1 ORDER BY"}
{"sql":"SELECT 1"}
JSONL
if out=$("$bin" "$dir/good.jsonl" "$dir/bad.jsonl"); then
	fail "a broken statement passed: $out"
fi
echo "$out" | grep -q '^sqlcheck: 6 statements, 5 distinct, 1 failed' || fail "unexpected summary: $out"
echo "$out" | grep -q 'FAILED .*syntax error at end of input' || fail "error not reported: $out"
echo "$out" | grep -q 'statement: SELECT "id" FROM "company" WHERE "id" = \$1 ORDER BY$' ||
	fail "statement not shown: $out"

printf '{"sql":"SELECT 1"}\n{"sql": 42}\nnot json\n' >"$dir/malformed.jsonl"
if out=$("$bin" "$dir/malformed.jsonl"); then
	fail "malformed lines passed: $out"
fi
echo "$out" | grep -q '2 malformed lines' || fail "malformed lines not counted: $out"

: >"$dir/empty.jsonl"
if out=$("$bin" "$dir/empty.jsonl"); then
	fail "an empty log passed: $out"
fi
echo "selftest: ok"
