#!/usr/bin/env bash
# Workspace creation: `twentyc workspace create` ten times against one running embedded cluster
# (a `twentyc serve` on a temp data dir; the CLI joins it), the in-process time twentyc logs
# ("created in X ms") and the wall time from exec to exit. Then, through the metadata REST API:
# adding a nullable field to a person table of 100,000 rows, and creating a custom object.
# Reports figures; never fails on them.
# Usage: bench/workspace.sh [runs=10] [rows=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
rows=${2:-100000}

scripts/deps.sh curl
make --no-print-directory all >/dev/null
bin=$PWD/build/twentyc
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
data=$(mktemp -d /tmp/tcbench-XXXXXX)
port=${BENCH_PORT:-39124}
pid=""
cleanup() {
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$data"
}
trap cleanup EXIT

# Median of the numbers on stdin (mean of the two middle ones for an even count).
median() {
	sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2];
		else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "== twentyc $("$bin" version | cut -d' ' -f2), $(nproc) cores, $("$pgbin/postgres" --version)"

TWENTYC_DATA_DIR=$data NODE_PORT=$port "$bin" serve >/dev/null 2>>"$data/serve.log" &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
	if ! kill -0 "$pid" 2>/dev/null; then
		echo "twentyc serve exited; its log:" >&2
		cat "$data/serve.log" >&2
		pid=""
		exit 1
	fi
	sleep 0.01
done

# psql on the embedded cluster's socket, as the postgres system user when we are root.
psql_cmd=(env PGHOST="$data/pg" PGPORT=5432 PGUSER=twentyc "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -d twentyc)
if [ "$(id -u)" -eq 0 ]; then
	chmod 0755 "$data"
	psql_cmd=(runuser -u postgres -- "${psql_cmd[@]}")
fi

echo "== workspace create, $runs runs (one twentyc serve running; the CLI joins its embedded cluster)"
in_process=()
wall=()
first_id=""
for i in $(seq 1 "$runs"); do
	t0=$(date +%s%N)
	id=$(TWENTYC_DATA_DIR=$data "$bin" workspace create --name "bench$i" 2>"$data/create.log") || {
		echo "run $i: twentyc workspace create failed:" >&2
		cat "$data/create.log" >&2
		continue
	}
	t1=$(date +%s%N)
	[ -z "$first_id" ] && first_id=$id
	ms=$(sed -n 's/.*"msg":"workspace [0-9a-f-]* created in \([0-9.]*\) ms".*/\1/p' "$data/create.log")
	in_process+=("${ms:-n/a}")
	wall+=($(((t1 - t0) / 1000000)))
done
echo "in-process (ms): ${in_process[*]}"
echo "in-process median: $(printf '%s\n' "${in_process[@]}" | grep -v n/a | median) ms (target < 200 ms; Twenty ~30 s)"
echo "wall, exec to exit (ms): ${wall[*]}"
echo "wall median: $(printf '%s\n' "${wall[@]}" | median) ms"

if [ -z "$first_id" ]; then
	echo "no workspace was created; skipping the add-field measurement"
	exit 0
fi
schema=$("${psql_cmd[@]}" -A -t -c "SELECT \"databaseSchema\" FROM core.workspace WHERE id = '$first_id'")
echo "== add a nullable field to a table of $rows rows ($schema.person)"
fill_ms=$("${psql_cmd[@]}" -c '\timing on' -c "INSERT INTO \"$schema\".\"person\"
	(\"nameFirstName\", \"nameLastName\", \"emailsPrimaryEmail\", \"jobTitle\", \"position\")
	SELECT 'First' || g, 'Last' || g, 'person' || g || '@example.com', 'Engineer', g
	FROM generate_series(1, $rows) AS g" | awk '/^Time:/ { print $2 }')
"${psql_cmd[@]}" -c "VACUUM ANALYZE \"$schema\".\"person\""
count=$("${psql_cmd[@]}" -A -t -c "SELECT count(*) FROM \"$schema\".\"person\"")
echo "filled with $count rows in ${fill_ms:-n/a} ms (INSERT ... SELECT generate_series; search vector computed per row)"
# Through the metadata REST API, as a client would: one transaction each (metadata rows, DDL,
# log, version, NOTIFY), timed by curl from request to response.
key_out=$(TWENTYC_DATA_DIR=$data "$bin" apikey create --workspace "$first_id" --name bench 2>/dev/null)
token=$(echo "$key_out" | tail -n 1)
api="http://127.0.0.1:$port/rest/metadata"
auth=(-H "Authorization: Bearer $token" -H "Content-Type: application/json")
person_id=$(curl -s "${auth[@]}" "$api/objects" | sed -n 's/.*"id":"\([0-9a-f-]*\)","universalIdentifier":"20202020-e674-48e5-a542-72570eee7213".*/\1/p')
add=()
for i in 1 2 3 4 5; do
	out=$(curl -s "${auth[@]}" -w '\n%{time_total}' -X POST "$api/fields" \
		-d "{\"objectMetadataId\":\"$person_id\",\"type\":\"TEXT\",\"name\":\"benchField$i\",\"label\":\"Bench $i\"}")
	add+=("$(echo "$out" | tail -n 1 | awk '{ printf "%.1f", $1 * 1000 }')")
	field_id=$(echo "$out" | head -n 1 | sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p')
	[ -n "$field_id" ] && curl -s -o /dev/null "${auth[@]}" -X DELETE "$api/fields/$field_id"
done
echo "POST /rest/metadata/fields (nullable TEXT on person, $count rows), 5 runs (ms): ${add[*]}"
echo "add-field median: $(printf '%s\n' "${add[@]}" | median) ms (target < 50 ms)"

echo "== create a custom object through the metadata REST API (table, 14 fields, 5 relations on other tables)"
objects=()
for i in 1 2 3 4 5; do
	ms=$(curl -s -o /dev/null "${auth[@]}" -w '%{time_total}' -X POST "$api/objects" \
		-d "{\"nameSingular\":\"rocket$i\",\"namePlural\":\"rockets$i\",\"labelSingular\":\"Rocket $i\",\"labelPlural\":\"Rockets $i\"}")
	objects+=("$(awk -v t="$ms" 'BEGIN { printf "%.1f", t * 1000 }')")
done
echo "POST /rest/metadata/objects, 5 runs (ms): ${objects[*]}"
echo "create-object median: $(printf '%s\n' "${objects[@]}" | median) ms (target < 100 ms)"
