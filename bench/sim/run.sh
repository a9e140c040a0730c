#!/bin/sh
# Measures the simulator's send throughput with wrk (docs/performance.md, section Simulator).
# usage: bench/sim/run.sh PARLEYCTL [DURATION_S] [CONNECTIONS] [EXTRA SIM OPTIONS...]
set -eu
PARLEYCTL=${1:?path to parleyctl}
DURATION=${2:-20}
CONNECTIONS=${3:-32}
shift 3 2>/dev/null || shift $#
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(mktemp)
"$PARLEYCTL" sim --listen 127.0.0.1:0 --pair-rate-burst 0 "$@" >"$OUT" 2>/dev/null &
SIM=$!
trap 'kill $SIM 2>/dev/null; rm -f "$OUT"' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$OUT" ] && break; sleep 0.2; done
PORT=$(sed -n 's/.*"port":\([0-9]*\).*/\1/p' "$OUT")
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$HERE/send.lua" "http://127.0.0.1:$PORT"
curl -s "http://127.0.0.1:$PORT/_sim/stats" | sed 's/"by_recipient":{[^}]*},//'
echo
