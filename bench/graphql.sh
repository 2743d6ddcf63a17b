#!/usr/bin/env bash
# GraphQL parse + validate of a typical Twenty findMany (filter, orderBy, pagination, nested
# relations; bench/graphql_bench.c) against the Twenty-shaped test schema: microseconds per
# document, arena bytes and malloc calls per document (malloc, calloc and realloc wrapped at link
# time). Then graphql-js 16 (Debian's node-graphql, the library Twenty runs) parsing and
# validating the same document against the same schema, and the ratio. Reports figures; never
# fails on them.
# Usage: bench/graphql.sh [iterations=200000]
# GRAPHQL_BENCH_BUILD=<build dir> uses an existing build instead of `make all` in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
iters=${1:-200000}

bin=${GRAPHQL_BENCH_BUILD:-}
if [ -z "$bin" ]; then
	make --no-print-directory all >/dev/null
	bin=$PWD/build
fi

echo "== twentyc GraphQL parse + validate, $(nproc) cores, $iters documents"
out=$("$bin/graphql_bench" "$iters")
echo "$out"
ours=$(sed -n 's/^parse + validate: \([0-9.]*\) us.*/\1/p' <<<"$out")

if [ -d /usr/share/nodejs/graphql ]; then
	"$bin/print_test_schema" >"$bin/graphql_bench.graphql"
	"$bin/graphql_bench" --print >"$bin/graphql_bench.query"
	js=$(node -e '
		const g = require("/usr/share/nodejs/graphql");
		const fs = require("fs");
		const schema = g.buildSchema(fs.readFileSync(process.argv[1], "utf8"));
		const src = fs.readFileSync(process.argv[2], "utf8");
		const n = Math.max(1000, Math.floor(Number(process.argv[3]) / 10));
		const run = (k) => { for (let i = 0; i < k; i++) if (g.validate(schema, g.parse(src)).length) throw new Error("invalid"); };
		run(n / 10);
		const t0 = process.hrtime.bigint();
		run(n);
		console.log((Number(process.hrtime.bigint() - t0) / 1000 / n).toFixed(2));
	' "$bin/graphql_bench.graphql" "$bin/graphql_bench.query" "$iters")
	echo "graphql-js $(node -p 'require("/usr/share/nodejs/graphql/package.json").version') parse + validate: $js us/doc (node $(node --version))"
	echo "ratio graphql-js / twentyc: $(awk -v a="$js" -v b="$ours" 'BEGIN { printf "%.1f", a / b }')x"
fi
