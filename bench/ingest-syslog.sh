#!/usr/bin/env bash
# TCP syslog (RFC 5424, octet counting, CEF inside) at full speed for SECONDS seconds from CONNECTIONS
# connections into the portal on PostgreSQL; prints messages/s and the count stored against the count sent,
# and in the same run the rate of a raw `psql \copy` of the same rows into the same table.
# Usage: bench/ingest-syslog.sh            (SECONDS=60 CONNECTIONS=4)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/ingest-syslog"
DURATION=${SECONDS_TO_SEND:-60}
CONNECTIONS=${CONNECTIONS:-4}
BENCH_DB=${BENCH_DB:-tmsp_bench_syslog}
PORT=${PORT:-18182}
SYSLOG_PORT=${SYSLOG_PORT:-15140}
GUID=B3NCH000-0000-4000-8000-00000000515C
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
command -v curl >/dev/null && command -v psql >/dev/null || fail "needs curl and psql"
source bench/lib/portal.sh

rm -rf "$OUT" && mkdir -p "$OUT"
fresh_database
start_portal TMSP_SYSLOG_PORT="$SYSLOG_PORT"
trap 'kill $APP 2>/dev/null || true' EXIT
register_appliance "$GUID"

stored() { psql -At -d "$BENCH_DB" -c "select count(*) from detections"; }
log "sending TCP syslog for $DURATION s over $CONNECTIONS connections to port $SYSLOG_PORT"
t0=$(now_ms)
SENT=$(java bench/tools/SyslogBlast.java "$SYSLOG_PORT" "$GUID" "$DURATION" "$CONNECTIONS")
SEND_MS=$(( $(now_ms) - t0 ))
log "sent $SENT messages in $SEND_MS ms; waiting for the portal to store them"
STORED=$(stored)
for _ in $(seq 1 300); do
  [ "$STORED" -ge "$SENT" ] && break
  sleep 0.2
  STORED=$(stored)
done
STORE_MS=$(( $(now_ms) - t0 ))
QUARANTINED=$(psql -At -d "$BENCH_DB" -c "select count(*) from quarantined_lines")
LAST=$(psql -At -d "$BENCH_DB" -c "select count(*) from detections")
sleep 2
[ "$(stored)" = "$LAST" ] || fail "detections were still arriving after the count matched"

log "baseline: psql \\copy of the same rows into the same table"
copy_baseline

RATE=$(( STORED * 1000 / (STORE_MS > 0 ? STORE_MS : 1) ))
COPY_RATE=$(( STORED * 1000 / (COPY_MS > 0 ? COPY_MS : 1) ))
echo
echo "== ingest over TCP syslog: $DURATION s at full speed, $CONNECTIONS connections, PostgreSQL"
echo "sent        $SENT messages in $SEND_MS ms"
echo "portal      $STORED stored, $QUARANTINED quarantined, $(( SENT - STORED - QUARANTINED )) lost, all stored after $STORE_MS ms: $RATE messages/s"
echo "baseline    psql \\copy of the same $STORED rows into the same table: $COPY_MS ms: $COPY_RATE rows/s"
echo "ratio       portal / raw COPY = $(awk -v a="$RATE" -v b="$COPY_RATE" 'BEGIN { printf "%.2f", a / b }')"
echo "targets     >= 20000 messages/s: $([ "$RATE" -ge 20000 ] && echo PASS || echo FAIL); zero lost: $([ "$STORED" -eq "$SENT" ] && echo PASS || echo FAIL)"
(( STORED == SENT )) || fail "$(( SENT - STORED )) of $SENT messages were not stored"
