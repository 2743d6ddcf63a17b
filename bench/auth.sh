#!/usr/bin/env bash
# Authentication overhead: authenticated GET /rest/metadata/objects?limit=1 (an API key; the
# principal and the metadata snapshot cached after the first request) against GET /healthz, under
# wrk, three runs each, interleaved; prints req/s, p99 and the overhead. Reports figures; never
# fails on them. The issue's bar: overhead under 10 %.
# Usage: bench/auth.sh [seconds=10] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-32}

scripts/deps.sh wrk curl
make --no-print-directory all >/dev/null
bin=$PWD/build/twentyc
data=$(mktemp -d /tmp/tcbench-XXXXXX)
port=${BENCH_PORT:-39124}
pid=""
cleanup() {
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$data"
}
trap cleanup EXIT
export TWENTYC_DATA_DIR=$data NODE_PORT=$port

"$bin" serve >/dev/null 2>>"$data/twentyc.log" &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.01; done
workspace=$("$bin" workspace create --name Bench 2>/dev/null)
token=$("$bin" apikey create --workspace "$workspace" --name bench 2>/dev/null | sed -n 2p)
url="http://127.0.0.1:$port/rest/metadata/objects?limit=1"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
[ "$status" = 200 ] || { echo "authenticated request answered $status" >&2; exit 1; }

echo "== twentyc $("$bin" version | cut -d' ' -f2), $(nproc) cores; wrk ${duration}s, $connections connections, 2 threads"
lua=$data/auth.lua
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$token" >"$lua"
run() { # run <label> <wrk args...>; prints one line, echoes req/s on fd 3
	local label=$1
	shift
	local out rps p99 errors
	out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$@")
	rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
	p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	errors=$(echo "$out" | grep -E 'Non-2xx|Socket errors' | tr -s ' ' || true)
	echo "$label: $rps req/s, p99 $p99 $errors" >&2
	echo "$rps"
}
health=()
authed=()
for _ in 1 2 3; do
	health+=("$(run "GET /healthz                          " "http://127.0.0.1:$port/healthz")")
	authed+=("$(run "GET /rest/metadata/objects?limit=1 (key)" -s "$lua" "$url")")
done
h=$(printf '%s\n' "${health[@]}" | sort -n | sed -n 2p)
a=$(printf '%s\n' "${authed[@]}" | sort -n | sed -n 2p)
echo "median: /healthz $h req/s, authenticated metadata $a req/s"
awk -v h="$h" -v a="$a" 'BEGIN { printf "authenticated / healthz = %.2f (overhead %.1f %%; bar: < 10 %%)\n", a / h, (h - a) / h * 100 }'
