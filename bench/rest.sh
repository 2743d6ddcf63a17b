#!/usr/bin/env bash
# Records REST API under load. Loads 10,000 companies and 50,000 people (5 per company) with SQL
# into one workspace, then runs wrk (10 s, 16 connections, 2 threads, bench/rest.lua) on
#   (a) GET /rest/companies?limit=60   (b) the same with depth=1
#   (c) GET /rest/companies/:id over random ids   (d) POST /rest/people
# and prints req/s, p99 and the server's RSS (after the run, and its peak) for each. Then pgbench
# runs the statements twentyc sent for (a)-(c), taken from its TWENTYC_SQL_LOG, with the same
# clients, and the script prints twentyc req/s / pgbench tx/s. Each kind runs in a fresh
# `twentyc serve` with its own SQL log, on one embedded cluster that a second, idle twentyc keeps
# up. A kind the server does not serve yet (400/404/501) is reported as not available. Reports
# figures; never fails on them.
# Usage: bench/rest.sh [seconds=10] [connections=16]
#   TWENTYC_BIN=path uses that binary instead of building build/twentyc; BENCH_KEEP=1 keeps the
#   data directory (cluster, SQL logs, pgbench scripts) for a closer look.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-16}
companies=10000
per_company=5
page=60

scripts/deps.sh wrk curl
if [ -n "${TWENTYC_BIN:-}" ]; then
	bin=$TWENTYC_BIN
else
	make --no-print-directory all >/dev/null
	bin=$PWD/build/twentyc
fi
lua=$PWD/bench/rest.lua
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
data=$(mktemp -d /tmp/tcbench-XXXXXX)
port=${BENCH_PORT:-39125}
anchor_port=$((port + 1))
pid=""
anchor=""
stop_pid() { # stop_pid <pid>: SIGTERM and wait
	kill -TERM "$1" 2>/dev/null && wait "$1" 2>/dev/null || true
}
cleanup() {
	[ -n "$pid" ] && stop_pid "$pid"
	[ -n "$anchor" ] && stop_pid "$anchor"
	if [ -n "${BENCH_KEEP:-}" ]; then
		echo "kept $data (TWENTYC_DATA_DIR=$data twentyc serve starts its cluster again)"
	else
		rm -rf "$data"
	fi
}
trap cleanup EXIT
export TWENTYC_DATA_DIR=$data

# start_serve <port> <log> [NAME=value...]: twentyc serve in the background, ready on /healthz;
# its pid in $started.
start_serve() {
	local p=$1 log=$2
	shift 2
	env "$@" NODE_PORT="$p" "$bin" serve >/dev/null 2>>"$log" &
	started=$!
	until curl -sf -o /dev/null "http://127.0.0.1:$p/healthz"; do
		if ! kill -0 "$started" 2>/dev/null; then
			echo "twentyc serve exited; its log:" >&2
			cat "$log" >&2
			exit 1
		fi
		sleep 0.01
	done
}

# psql and pgbench on the embedded cluster's socket, as the postgres system user when we are root.
pg_env=(env PGHOST="$data/pg" PGPORT=5432 PGUSER=twentyc PGDATABASE=twentyc)
if [ "$(id -u)" -eq 0 ]; then
	chmod 0755 "$data"
	pg_env=(runuser -u postgres -- "${pg_env[@]}")
fi
psql_q() { "${pg_env[@]}" "$pgbin/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

echo "== twentyc $("$bin" version | cut -d' ' -f2), $(nproc) cores, $("$pgbin/postgres" --version)"

# The anchor: an idle twentyc that keeps the embedded cluster running while the measured servers
# come and go (the last twentyc using a data directory stops its PostgreSQL).
start_serve "$anchor_port" "$data/anchor.log" TWENTYC_HTTP_THREADS=1 TWENTYC_DB_POOL_SIZE=1
anchor=$started
workspace=$("$bin" workspace create --name Bench 2>>"$data/cli.log")
token=$("$bin" apikey create --workspace "$workspace" --name bench 2>>"$data/cli.log" | sed -n 2p)
schema=$(psql_q -v ws="$workspace" <<'SQL'
SELECT "databaseSchema" FROM core.workspace WHERE "id" = :'ws';
SQL
)
[ -n "$schema" ] || {
	echo "no schema for workspace $workspace" >&2
	exit 1
}

echo "== loading $companies companies and $((companies * per_company)) people into $schema"
t0=$(date +%s%N)
psql_q -v schema="$schema" -v companies="$companies" -v per="$per_company" <<'SQL'
BEGIN;
INSERT INTO :"schema"."company" ("id", "name", "domainNamePrimaryLinkLabel",
  "domainNamePrimaryLinkUrl", "domainNameSecondaryLinks", "addressAddressStreet1",
  "addressAddressCity", "addressAddressPostcode", "addressAddressCountry", "addressAddressLat",
  "addressAddressLng", "employees", "linkedinLinkPrimaryLinkLabel", "linkedinLinkPrimaryLinkUrl",
  "linkedinLinkSecondaryLinks", "xLinkPrimaryLinkLabel", "xLinkPrimaryLinkUrl",
  "xLinkSecondaryLinks", "annualRecurringRevenueAmountMicros",
  "annualRecurringRevenueCurrencyCode", "idealCustomerProfile", "position", "createdBySource",
  "createdByName", "updatedBySource", "updatedByName", "createdAt", "updatedAt")
SELECT gen_random_uuid(), w.word || ' ' || s.suffix || ' ' || g, '',
  'https://' || lower(w.word) || g || '.example.com', '[]'::jsonb,
  (g % 400 + 1) || ' ' || (ARRAY['Main Street', 'Rue de Rivoli', 'Unter den Linden', 'Gran Via',
    'Baker Street'])[1 + g % 5],
  c.city, lpad((g * 7919 % 100000)::text, 5, '0'), c.country, 48 + (g % 1000) / 1000.0,
  2 + (g % 700) / 1000.0, 10 * (1 + g % 500), '',
  'https://www.linkedin.com/company/' || lower(w.word) || g, '[]'::jsonb, '',
  'https://x.com/' || lower(w.word) || g, '[]'::jsonb, (g % 97 + 1) * 1000000000::numeric,
  (ARRAY['USD', 'EUR', 'GBP'])[1 + g % 3], g % 7 = 0, g, 'IMPORT', 'bench', 'IMPORT', 'bench',
  now() - g * interval '1 minute', now() - g * interval '30 seconds'
FROM generate_series(1, :companies) g
CROSS JOIN LATERAL (SELECT (ARRAY['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark',
  'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne'])[1 + g % 10] AS word) w
CROSS JOIN LATERAL (SELECT (ARRAY['Labs', 'Systems', 'Group', 'Partners', 'Industries',
  'Software', 'Foods', 'Energy'])[1 + g / 10 % 8] AS suffix) s
CROSS JOIN LATERAL (SELECT (ARRAY['Paris', 'London', 'Berlin', 'Madrid', 'New York', 'Tokyo'])[1 + g % 6]
  AS city, (ARRAY['France', 'United Kingdom', 'Germany', 'Spain', 'United States',
  'Japan'])[1 + g % 6] AS country) c;
INSERT INTO :"schema"."person" ("id", "nameFirstName", "nameLastName", "emailsPrimaryEmail",
  "emailsAdditionalEmails", "linkedinLinkPrimaryLinkLabel", "linkedinLinkPrimaryLinkUrl",
  "linkedinLinkSecondaryLinks", "xLinkPrimaryLinkLabel", "xLinkPrimaryLinkUrl",
  "xLinkSecondaryLinks", "jobTitle", "phonesPrimaryPhoneNumber", "phonesPrimaryPhoneCountryCode",
  "phonesPrimaryPhoneCallingCode", "phonesAdditionalPhones", "city", "avatarUrl", "companyId",
  "position", "createdBySource", "createdByName", "updatedBySource", "updatedByName",
  "createdAt", "updatedAt")
SELECT gen_random_uuid(), n.first, n.last,
  lower(n.first) || '.' || lower(n.last) || '.' || co.n || '.' || k || '@' ||
    substr(co."domainNamePrimaryLinkUrl", 9),
  '[]'::jsonb, '', 'https://www.linkedin.com/in/' || lower(n.first) || co.n || k, '[]'::jsonb,
  '', '', '[]'::jsonb,
  (ARRAY['CEO', 'CTO', 'Engineer', 'Designer', 'Sales', 'Support', 'Marketing'])[1 + (co.n + k) % 7],
  lpad(((co.n * 5 + k) * 7919 % 1000000000)::text, 9, '0'), 'FR', '+33', '[]'::jsonb,
  co."addressAddressCity", '', co.id, co.n * 5 + k, 'IMPORT', 'bench', 'IMPORT', 'bench',
  co."createdAt", co."updatedAt"
FROM (SELECT *, row_number() OVER (ORDER BY "position") AS n FROM :"schema"."company") co
CROSS JOIN generate_series(1, :per) k
CROSS JOIN LATERAL (SELECT (ARRAY['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Ken',
  'Margaret', 'Linus', 'Frances', 'John', 'Radia'])[1 + (co.n * 5 + k) % 12] AS first,
  (ARRAY['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Thompson', 'Hamilton',
  'Torvalds', 'Allen', 'Backus', 'Perlman'])[1 + (co.n * 7 + k * 5) % 12] AS last) n;
COMMIT;
ANALYZE :"schema"."company";
ANALYZE :"schema"."person";
-- For pgbench: the company ids numbered 1..n, to pick random ones with \set.
CREATE SCHEMA tc_bench;
CREATE TABLE tc_bench.ids AS
  SELECT row_number() OVER (ORDER BY "id")::int AS n, "id" FROM :"schema"."company";
ALTER TABLE tc_bench.ids ADD PRIMARY KEY (n);
ANALYZE tc_bench.ids;
SQL
t1=$(date +%s%N)
psql_q -v schema="$schema" >"$data/ids.txt" <<<'SELECT "id" FROM :"schema"."company";'
counts=$(psql_q -v schema="$schema" <<'SQL'
SELECT (SELECT count(*) FROM :"schema"."company") || ' companies, ' ||
  (SELECT count(*) FROM :"schema"."person" WHERE "companyId" IS NOT NULL) || ' people with a company';
SQL
)
echo "loaded in $(((t1 - t0) / 1000000)) ms: $counts"
# The first page in twentyc's default order (id), for batched to-many statements (ANY($n)).
page_ids=$(psql_q -v schema="$schema" -v page="$page" <<<'SELECT array_agg("id" ORDER BY "id") FROM (SELECT "id" FROM :"schema"."company" WHERE "deletedAt" IS NULL ORDER BY "id" LIMIT :page) p;')
one_id=$(head -n 1 "$data/ids.txt")

base="http://127.0.0.1:$port"
declare -A rps p99 what
kinds=(a b c d)
what[a]="GET /rest/companies?limit=$page"
what[b]="GET /rest/companies?limit=$page&depth=1"
what[c]="GET /rest/companies/:id (random ids)"
what[d]="POST /rest/people"
declare -A target=([a]=4000 [b]=400 [c]=12000 [d]=0)

probe() { # probe <kind>: the HTTP status of one request of that kind
	local auth="Authorization: Bearer $token"
	case $1 in
	a) curl -s -o "$data/probe.json" -w '%{http_code}' -H "$auth" "$base/rest/companies?limit=$page" ;;
	b) curl -s -o "$data/probe.json" -w '%{http_code}' -H "$auth" "$base/rest/companies?limit=$page&depth=1" ;;
	c) curl -s -o "$data/probe.json" -w '%{http_code}' -H "$auth" "$base/rest/companies/$one_id" ;;
	d) curl -s -o "$data/probe.json" -w '%{http_code}' -H "$auth" -H 'Content-Type: application/json' \
		--data "{\"name\":{\"firstName\":\"Probe\",\"lastName\":\"Bench\"},\"emails\":{\"primaryEmail\":\"probe.$$@post.example.com\",\"additionalEmails\":[]},\"companyId\":\"$one_id\"}" \
		"$base/rest/people" ;;
	esac
}

mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }

echo "== wrk: ${duration}s, $connections connections, 2 threads; a fresh twentyc serve per kind"
rss_max=0
hwm_max=0
for k in "${kinds[@]}"; do
	start_serve "$port" "$data/serve-$k.log" TWENTYC_SQL_LOG="$data/sql-$k.jsonl"
	pid=$started
	status=$(probe "$k")
	case $status in
	2??) ;;
	400 | 404 | 501)
		echo "($k) not available: $status $(head -c 160 "$data/probe.json")"
		stop_pid "$pid"
		pid=""
		continue
		;;
	*)
		echo "($k) unexpected status $status: $(head -c 160 "$data/probe.json")"
		stop_pid "$pid"
		pid=""
		continue
		;;
	esac
	case $k in
	a) out=$(BENCH_MODE=get BENCH_TOKEN=$token wrk -t2 -c"$connections" -d"${duration}s" -s "$lua" "$base/rest/companies?limit=$page" || true) ;;
	b) out=$(BENCH_MODE=get BENCH_TOKEN=$token wrk -t2 -c"$connections" -d"${duration}s" -s "$lua" "$base/rest/companies?limit=$page&depth=1" || true) ;;
	c) out=$(BENCH_MODE=byid BENCH_IDS=$data/ids.txt BENCH_TOKEN=$token wrk -t2 -c"$connections" -d"${duration}s" -s "$lua" "$base/rest/companies/" || true) ;;
	d) out=$(BENCH_MODE=post BENCH_IDS=$data/ids.txt BENCH_TOKEN=$token wrk -t2 -c"$connections" -d"${duration}s" -s "$lua" "$base/rest/people" || true) ;;
	esac
	line=$(echo "$out" | grep '^bench:' || true)
	rps[$k]=$(echo "$line" | sed -n 's/.* rps=\([0-9.]*\).*/\1/p')
	p99[$k]=$(echo "$line" | sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p')
	p50=$(echo "$line" | sed -n 's/.* p50_ms=\([0-9.]*\).*/\1/p')
	bad=$(echo "$line" | sed -n 's/.* non2xx=\([0-9]*\) socket_errors=\([0-9]*\).*/non-2xx \1, socket errors \2/p')
	rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
	hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
	[ "$rss" -gt "$rss_max" ] && rss_max=$rss
	[ "$hwm" -gt "$hwm_max" ] && hwm_max=$hwm
	tgt=""
	[ "${target[$k]}" -gt 0 ] && tgt=" (target >= ${target[$k]})"
	echo "($k) ${what[$k]}: ${rps[$k]} req/s$tgt, p50 $p50 ms, p99 ${p99[$k]} ms (target < 15), $bad;" \
		"RSS $(mb "$rss") after, peak $(mb "$hwm") (target < 64 MB)"
	stop_pid "$pid"
	pid=""
done

# pgbench_script <kind> <file>: a pgbench script of the statements on the workspace schema that
# twentyc sent for that kind (its SQL log), in order, parameters as pgbench variables: LIMIT $n ->
# :lim (twentyc asks for limit+1 rows), "id" = $n -> :cid (a random company id, re-picked by one
# transaction in 64 through tc_bench.ids), ANY($n) -> :pageids (the first page's ids). Prints what
# it took; fails on a parameter it cannot map.
pgbench_script() {
	python3 - "$data/sql-$1.jsonl" "$schema" "$2" "$((page + 1))" "$companies" <<'PY'
import json, re, sys
log, schema, out, lim, nids = sys.argv[1:]
stmts = []
for line in open(log, encoding="utf-8"):
    sql = json.loads(line)["sql"]
    if '"%s".' % schema in sql and sql not in stmts:
        stmts.append(sql)
if not stmts:
    sys.exit("no statement on the workspace schema in " + log)
rules = [(r"LIMIT \$(\d+)", "lim"), (r'"id" = \$(\d+)', "cid"), (r"ANY\(\$(\d+)", "pageids")]
body, used = [], set()
for sql in stmts:
    names = {}
    for pattern, var in rules:
        for m in re.finditer(pattern, sql):
            names[m.group(1)] = var
    for n in set(re.findall(r"\$(\d+)", sql)) - set(names):
        sys.exit("cannot map parameter $%s of: %s" % (n, sql[:300]))
    used.update(names.values())
    body.append(re.sub(r"\$(\d+)", lambda m: ":" + names[m.group(1)], sql) + ";")
    print("  " + (sql if len(sql) < 160 else sql[:100] + " ... " + sql[-55:]))
head = []
if "lim" in used:
    head.append("\\set lim %s" % lim)
if "cid" in used:
    head += ["\\set r random(1, 64)", "\\if :first = 1 or :r = 1",
             "\\set k random(1, %s)" % nids,
             "SELECT \"id\" AS cid FROM tc_bench.ids WHERE n = :k \\gset",
             "\\set first 0", "\\endif"]
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(head + body) + "\n")
PY
}

echo "== pgbench: the statements twentyc sent, prepared, ${duration}s, $connections clients, 2 threads"
for k in a b c; do
	[ -n "${rps[$k]:-}" ] || {
		echo "($k) skipped: no twentyc figure"
		continue
	}
	script=$data/pgbench-$k.sql
	echo "($k) ${what[$k]}:"
	if ! pgbench_script "$k" "$script" 2>"$data/map.err"; then
		echo "($k) pgbench skipped: $(cat "$data/map.err")"
		continue
	fi
	chmod 0644 "$script"
	tps=$("${pg_env[@]}" "$pgbin/pgbench" -n -M prepared -c "$connections" -j 2 -T "$duration" \
		-D first=1 -D "pageids=$page_ids" -f "$script" 2>"$data/pgbench-$k.err" |
		awk '/^tps/ {print $3; exit}' || true)
	if [ -z "$tps" ]; then
		echo "($k) pgbench failed: $(tail -n 3 "$data/pgbench-$k.err")"
		continue
	fi
	awk -v k="$k" -v a="${rps[$k]}" -v b="$tps" \
		'BEGIN { printf "(%s) pgbench %.1f tx/s; twentyc %.1f req/s / pgbench tx/s = %.2f\n", k, b, a, a / b }'
done
echo "RSS of twentyc under load: at most $(mb "$rss_max") after a run, peak $(mb "$hwm_max") (target < 64 MB)"
