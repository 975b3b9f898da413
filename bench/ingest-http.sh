#!/usr/bin/env bash
# Detections uploaded over HTTP (CEF, LINES_PER_REQUEST lines a request, CLIENTS concurrent clients) into
# PostgreSQL, against a raw `psql \copy` of the same rows into the same table in the same run.
# Usage: bench/ingest-http.sh            (DETECTIONS=1000000 LINES_PER_REQUEST=500 CLIENTS=4)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/ingest-http"
DETECTIONS=${DETECTIONS:-1000000}
LINES_PER_REQUEST=${LINES_PER_REQUEST:-500}
CLIENTS=${CLIENTS:-4}
BENCH_DB=${BENCH_DB:-tmsp_bench_ingest}
PORT=${PORT:-18181}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
command -v curl >/dev/null && command -v psql >/dev/null || fail "needs curl and psql"

rm -rf "$OUT" && mkdir -p "$OUT/batches"
ls target/tmsp-*.jar >/dev/null 2>&1 || ./mvnw -B -q -DskipTests package
JAR=$(ls target/tmsp-*.jar | head -1)
psql -q -d postgres -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"

log "starting $JAR on port $PORT"
TMSP_DB_URL="jdbc:postgresql://$PGHOST:5432/$BENCH_DB" TMSP_DB_USER=$PGUSER TMSP_DB_PASSWORD= \
TMSP_ADMIN_PASSWORD=bench-admin-password TMSP_PORT=$PORT TMSP_DEMO_DATA=false TMSP_INGEST_CONCURRENCY=$CLIENTS \
  java -jar "$JAR" --spring.profiles.active=postgres > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null || fail "the portal did not start (see $OUT/app.log)"

# One account, one discovery appliance, registered through the API as an appliance would.
ADMIN_ID=$(psql -At -d "$BENCH_DB" -c "select id from users where username = 'admin'")
SERVICE_ID=$(psql -At -d "$BENCH_DB" -c "select id from services where code = 'THREAT_DISCOVERY'")
curl -fs -u admin:bench-admin-password -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/accounts" -d \
  "{\"name\":\"Bench\",\"companyName\":\"Bench Ltd\",\"contactFirstName\":\"B\",\"contactLastName\":\"B\",
    \"registrationUser\":\"bench-reg\",\"registrationPassword\":\"bench-registration\",\"portalUser\":\"bench\",
    \"portalPassword\":\"bench-portal-pw\",\"serviceIds\":[$SERVICE_ID],\"managedById\":$ADMIN_ID,
    \"validFrom\":\"2026-01-01\",\"reportLanguage\":\"en\"}" > /dev/null
TOKEN=$(curl -fs -u bench-reg:bench-registration -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/products" \
  -d '{"type":"DISCOVERY","hostname":"bench-tda","guid":"B3NCH000-0000-4000-8000-000000000001","version":"6.0"}' \
  | sed 's/.*"token":"\([^"]*\)".*/\1/')
[[ $TOKEN == tmsp_* ]] || fail "registration gave no token"

REQUESTS=$(( DETECTIONS / LINES_PER_REQUEST ))
log "writing $REQUESTS batches of $LINES_PER_REQUEST CEF lines"
awk -v n="$DETECTIONS" -v per="$LINES_PER_REQUEST" -v dir="$OUT/batches" 'BEGIN {
  srand(7); day = "Nov 27 2026";
  for (i = 0; i < n; i++) {
    f = sprintf("%s/%06d.cef", dir, int(i / per));
    printf "CEF:0|Trend Micro|Deep Discovery Inspector|6.0.1208|%d|Malware detected|%d|rt=%s %02d:%02d:%02d GMT+00:00 deviceExternalId=B3NCH000-0000-4000-8000-000000000001 src=10.%d.%d.%d shost=pc-%d dst=203.0.113.%d dpt=443 act=blocked malType=TROJAN fname=invoice-%d.exe cn3Label=ThreatType cn3=0 msg=TROJ_BENCH.%d found\n", \
      20 + i % 7, 2 + 2 * (i % 4), day, int(i / 3600) % 24, int(i / 60) % 60, i % 60, i % 200, int(i / 200) % 250, i % 250, i % 5000, i % 250, i % 100, i % 50 > f;
    if (i % per == per - 1) close(f);
  }
}'

log "uploading $DETECTIONS detections: $REQUESTS requests, $CLIENTS clients"
t0=$(now_ms)
ls "$OUT"/batches/*.cef | xargs -P "$CLIENTS" -I{} sh -c \
  "curl -s -o /dev/null -w '%{http_code}\n' -H 'Authorization: Bearer $TOKEN' -H 'Content-Type: text/plain' \
   -H \"Idempotency-Key: \$(basename {})\" --data-binary @{} http://127.0.0.1:$PORT/api/v1/logs" > "$OUT/statuses.txt"
UPLOAD_MS=$(( $(now_ms) - t0 ))
BAD=$(grep -vc '^201$' "$OUT/statuses.txt" || true)
STORED=$(psql -At -d "$BENCH_DB" -c "select count(*) from detections")
QUARANTINED=$(psql -At -d "$BENCH_DB" -c "select count(*) from quarantined_lines")

log "baseline: psql \\copy of the same rows into the same table"
psql -At -d "$BENCH_DB" -c "\\copy (select event_time, received_at, account_id, product_id, upload_id, format, severity, vendor, product_name, product_version, event_id, event_name, device_external_id, threat_type, threat_name, rule_id, rule_name, action, src_address, src_host, src_port, src_mac, dst_address, dst_host, dst_port, dst_mac, interested_address, peer_address, file_name, file_hash, url, direction, attack_phase, event_count, extra, raw from detections) to '$OUT/rows.csv' with (format csv)"
psql -q -d "$BENCH_DB" -c "truncate detections"
t0=$(now_ms)
psql -q -d "$BENCH_DB" -c "\\copy detections (event_time, received_at, account_id, product_id, upload_id, format, severity, vendor, product_name, product_version, event_id, event_name, device_external_id, threat_type, threat_name, rule_id, rule_name, action, src_address, src_host, src_port, src_mac, dst_address, dst_host, dst_port, dst_mac, interested_address, peer_address, file_name, file_hash, url, direction, attack_phase, event_count, extra, raw) from '$OUT/rows.csv' with (format csv)"
COPY_MS=$(( $(now_ms) - t0 ))

RATE=$(( STORED * 1000 / (UPLOAD_MS > 0 ? UPLOAD_MS : 1) ))
COPY_RATE=$(( STORED * 1000 / (COPY_MS > 0 ? COPY_MS : 1) ))
echo
echo "== ingest over HTTP: $DETECTIONS CEF detections, $LINES_PER_REQUEST lines a request, $CLIENTS clients, PostgreSQL"
echo "portal      $STORED stored, $QUARANTINED quarantined, $BAD non-201 answers, in $UPLOAD_MS ms: $RATE events/s"
echo "baseline    psql \\copy of the same $STORED rows into the same table: $COPY_MS ms: $COPY_RATE events/s"
echo "ratio       portal / raw COPY = $(awk -v a="$RATE" -v b="$COPY_RATE" 'BEGIN { printf "%.2f", a / b }')"
echo "targets     >= 40000 events/s: $([ "$RATE" -ge 40000 ] && echo PASS || echo FAIL); >= half the raw COPY rate: $([ $(( RATE * 2 )) -ge "$COPY_RATE" ] && echo PASS || echo FAIL)"
(( BAD == 0 && STORED == DETECTIONS )) || fail "not every detection was stored ($STORED of $DETECTIONS, $BAD bad answers)"
