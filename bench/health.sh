#!/usr/bin/env bash
# GET /healthz (one PostgreSQL round trip each) under wrk, idle RSS after start-up, and the time
# from exec to the first 200 with an initialised embedded cluster; then pgbench running the same
# SQL (SELECT 1) against the same cluster, and the ratio. Reports figures; never fails on them.
# Usage: bench/health.sh [seconds=10] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-64}

scripts/deps.sh wrk curl
make --no-print-directory all >/dev/null
bin=$PWD/build/twentyc
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
data=$(mktemp -d /tmp/tcbench-XXXXXX)
port=${BENCH_PORT:-39123}
pid=""
cleanup() {
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$data"
}
trap cleanup EXIT

start() { # starts twentyc in the background; sets pid
	TWENTYC_DATA_DIR=$data NODE_PORT=$port "$bin" serve >/dev/null 2>>"$data/twentyc.log" &
	pid=$!
}
wait_ready() {
	until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.002; done
}
stop() {
	kill -TERM "$pid"
	wait "$pid" || true
	pid=""
}

echo "== twentyc $("$bin" version | cut -d' ' -f2), $(nproc) cores, $("$pgbin/postgres" --version)"

# First start: initdb, so the timed starts below find an initialised cluster.
start
wait_ready
stop

# Exec to first 200, five times: twentyc starts, starts the embedded PostgreSQL, migrates
# (nothing to do) and answers.
times=()
for _ in 1 2 3 4 5; do
	t0=$(date +%s%N)
	start
	wait_ready
	t1=$(date +%s%N)
	times+=($(((t1 - t0) / 1000000)))
	stop
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "exec to first 200 (ms, 5 runs): $sorted-> median $median ms (target < 1000)"

start
wait_ready
sleep 1
rss_idle=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "idle RSS: $((rss_idle / 1024)).$(((rss_idle % 1024) * 10 / 1024)) MB ($rss_idle kB; target < 15 MB)"

echo "== wrk: GET /healthz, ${duration}s x 3 runs, $connections connections, 2 wrk threads"
runs=()
for run in 1 2 3; do
	out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port/healthz")
	rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
	p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	errors=$(echo "$out" | grep -E 'Non-2xx|Socket errors' | tr -s ' ' || true)
	echo "run $run: $rps req/s, p99 $p99 ${errors}"
	runs+=("$rps $p99")
done
median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)
rps=${median%% *}
echo "median run: $rps req/s, p99 ${median##* } (target > 20000 req/s)"
rss_load=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "RSS after load: $((rss_load / 1024)) MB"

# pgbench gets as many connections as twentyc's pool (one per HTTP thread: 2 per core).
clients=$((2 * $(nproc)))
echo "== pgbench: SELECT 1, prepared, same cluster, ${duration}s, $clients clients"
echo "SELECT 1;" >"$data/select1.sql"
pgb=(env PGHOST="$data/pg" PGPORT=5432 PGUSER=twentyc "$pgbin/pgbench" -n -M prepared -c "$clients" -j 2 -T "$duration" -f "$data/select1.sql" twentyc)
[ "$(id -u)" -eq 0 ] && chmod 0755 "$data" && pgb=(runuser -u postgres -- "${pgb[@]}")
tps=$("${pgb[@]}" 2>/dev/null | awk '/^tps/ {print $3; exit}')
echo "pgbench tps: $tps"
awk -v a="$rps" -v b="$tps" 'BEGIN { if (b > 0) printf "twentyc req/s / pgbench tps = %.2f\n", a / b }'
