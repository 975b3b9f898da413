#!/usr/bin/env bash
# Detections uploaded over HTTP (CEF, LINES_PER_REQUEST lines a request, CLIENTS concurrent clients) into
# PostgreSQL, against a raw `psql \copy` of the same rows into the same table in the same run.
# Also the CPU seconds of the app, the PostgreSQL backends, the clients and the machine during the upload.
# Usage: bench/ingest-http.sh            (DETECTIONS=1000000 LINES_PER_REQUEST=500 CLIENTS=4)
#        CLIENT=curl-xargs (a curl forked per request, the first runs' client) WARMUP=0 (no cold pass first)
#        JAVA_OPTS=... (passed to the portal's JVM, e.g. -XX:StartFlightRecording=...)
#        LIVE=true (live correlation on: every stored batch is also correlated; the rate must stay >= 40,000/s)
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
source bench/lib/portal.sh
fresh_database
LIVE=${LIVE:-false}
start_portal TMSP_INGEST_CONCURRENCY="$CLIENTS" TMSP_CORRELATION_LIVE="$LIVE"
trap 'kill $APP 2>/dev/null || true' EXIT
register_appliance B3NCH000-0000-4000-8000-000000000001

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

# CPU time (user + system, clock ticks) of the app, of the PostgreSQL backends of the bench database and of
# the machine as a whole: who used the 2 cores during the upload.
CLK_TCK=$(getconf CLK_TCK)
app_ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
pg_ticks() {
    local pids
    pids=$(ps -eo pid=,args= | awk -v db=" $BENCH_DB " 'index($0, "postgres: ") && index($0, db) {print $1}')
    [ -n "$pids" ] || { echo 0; return; }
    (cd /proc && cat $(printf '%s/stat ' $pids) 2>/dev/null || true) | awk '{s += $14 + $15} END {print s + 0}'
}
machine_ticks() { head -1 /proc/stat | awk '{print $2 + $3 + $4 + $7 + $8 + $9}'; }
seconds() { awk -v t="$1" -v hz="$CLK_TCK" 'BEGIN {printf "%.1f", t / hz}'; }
idle_busy() {
    local a b; a=($(head -1 /proc/stat)); sleep 3; b=($(head -1 /proc/stat))
    awk -v u=$(( b[1]+b[2]+b[3]+b[6]+b[7]+b[8] - a[1]-a[2]-a[3]-a[6]-a[7]-a[8] )) \
        -v t=$(( b[1]+b[2]+b[3]+b[4]+b[5]+b[6]+b[7]+b[8] - a[1]-a[2]-a[3]-a[4]-a[5]-a[6]-a[7]-a[8] )) \
        'BEGIN {printf "%.0f%%", (t > 0 ? 100 * u / t : 0)}'
}
# The clients. curl-parallel (default): one curl process, CLIENTS transfers at once over kept-alive
# connections, each request its own Idempotency-Key, its status and answer recorded. curl-xargs (the first
# runs): one curl process forked per request by xargs -P CLIENTS; on 2 cores it takes more CPU than the portal.
CLIENT=${CLIENT:-curl-parallel}
prepare_client() {  # KEY_PREFIX: writes $OUT/<prefix>curl.conf
    [ "$CLIENT" = curl-parallel ] || return 0
    mkdir -p "$OUT/answers"
    for f in "$OUT"/batches/*.cef; do
        b=$(basename "$f" .cef)
        [ "$b" = 000000 ] || echo next
        printf 'url = "http://127.0.0.1:%s/api/v1/logs"\nupload-file = "%s"\nrequest = "POST"\n' "$PORT" "$f"
        printf 'header = "Authorization: Bearer %s"\nheader = "Content-Type: text/plain"\nheader = "Expect:"\n' "$TOKEN"
        printf 'header = "Idempotency-Key: %s"\noutput = "%s"\nwrite-out = "%%{http_code} %s\\n"\n' \
            "$1$b.cef" "$OUT/answers/$1$b.json" "$b"
    done > "$OUT/$1curl.conf"
}
upload() {  # KEY_PREFIX
    case "$CLIENT" in
    curl-parallel)
        curl -s --no-progress-meter --parallel --parallel-max "$CLIENTS" --config "$OUT/$1curl.conf" 2> "$OUT/client.err" ;;
    curl-xargs)
        ls "$OUT"/batches/*.cef | xargs -P "$CLIENTS" -I{} sh -c \
          "curl -s -o /dev/null -w '%{http_code} {}\n' -H 'Authorization: Bearer $TOKEN' -H 'Content-Type: text/plain' \
           -H \"Idempotency-Key: $1\$(basename {})\" --data-binary @{} http://127.0.0.1:$PORT/api/v1/logs" ;;
    *) fail "CLIENT is curl-parallel or curl-xargs, not $CLIENT" ;;
    esac
}
# run_pass KEY_PREFIX: uploads every batch once; sets UPLOAD_MS, BAD, ANSWERS, STORED, QUARANTINED and the CPU
# figures, and fails the run unless every request was answered 201 and every line stored.
run_pass() {
    prepare_client "$1"
    # (Hikari keeps its connections open, so the backends counted here are those that serve the uploads.)
    A0=$(app_ticks) P0=$(pg_ticks) M0=$(machine_ticks)
    local t0; t0=$(now_ms)
    TIMEFORMAT='%U %S'
    { time upload "$1" > "$OUT/$1statuses.txt" ; } 2> "$OUT/$1client-cpu.txt"
    UPLOAD_MS=$(( $(now_ms) - t0 ))
    A1=$(app_ticks) P1=$(pg_ticks) M1=$(machine_ticks)
    ANSWERS=$(wc -l < "$OUT/$1statuses.txt")
    BAD=$(( REQUESTS - $(grep -c '^201 ' "$OUT/$1statuses.txt" || true) ))
    STORED=$(psql -At -d "$BENCH_DB" -c "select count(*) from detections")
    QUARANTINED=$(psql -At -d "$BENCH_DB" -c "select count(*) from quarantined_lines")
    RATE=$(( STORED * 1000 / (UPLOAD_MS > 0 ? UPLOAD_MS : 1) ))
    CPU_LINE="app $(seconds $((A1 - A0))) s, PostgreSQL backends $(seconds $((P1 - P0))) s, clients $(awk '{printf "%.1f", $1 + $2}' "$OUT/$1client-cpu.txt") s, whole machine $(seconds $((M1 - M0))) s of $(awk -v ms="$UPLOAD_MS" -v n="$(nproc)" 'BEGIN {printf "%.1f", ms * n / 1000}') s ($(nproc) CPUs)"
    (( BAD == 0 && STORED == DETECTIONS )) || fail "pass ${1:-measured}: not every detection was stored ($STORED of $DETECTIONS, $BAD of $REQUESTS requests without a 201)"
}

# A JVM fresh from start-up runs the per-request code (security filters, transactions, Hibernate) in its
# profiling tiers for thousands of requests. WARMUP=1 (default) uploads everything once with other keys first,
# reports it as the cold pass, empties the tables and then measures the same upload on the warmed-up portal.
WARMUP=${WARMUP:-1}
COLD=""
if [ "$WARMUP" = 1 ]; then
    log "cold pass: uploading $DETECTIONS detections right after start-up (keys warm-*)"
    run_pass warm-
    COLD="$STORED stored in $UPLOAD_MS ms: $RATE events/s; cpu $CPU_LINE"
    psql -q -d "$BENCH_DB" -c "truncate detections, quarantined_lines" -c "delete from uploads"
fi
LOAD_BEFORE="CPU $(idle_busy) busy with the app idle, load average $(cut -d' ' -f1-3 /proc/loadavg)"
log "uploading $DETECTIONS detections: $REQUESTS requests, $CLIENTS clients, client $CLIENT ($LOAD_BEFORE)"
run_pass ""

log "baseline: psql \\copy of the same rows into the same table"
COLUMNS_LIST="event_time, received_at, account_id, product_id, upload_id, format, severity, vendor, product_name, product_version, event_id, event_name, device_external_id, threat_type, threat_name, rule_id, rule_name, action, src_address, src_host, src_port, src_mac, dst_address, dst_host, dst_port, dst_mac, interested_address, peer_address, file_name, file_hash, url, direction, attack_phase, event_count, extra, raw"
psql -At -d "$BENCH_DB" -c "\\copy (select $COLUMNS_LIST from detections) to '$OUT/rows.csv' with (format csv)"
# raw_copy FORMAT FILE: truncates, copies FILE in, sets COPY_MS and COPY_CPU (CPU seconds of the backend)
raw_copy() {
    psql -q -d "$BENCH_DB" -c "truncate detections"
    cat > "$OUT/copy.sql" <<SQL
select pg_backend_pid() as pid \\gset
\\setenv BPID :pid
\\! awk '{print \$14 + \$15}' /proc/\$BPID/stat > $OUT/copy.ticks0; date +%s%3N > $OUT/copy.t0
\\copy detections ($COLUMNS_LIST) from '$2' with (format $1)
\\! date +%s%3N > $OUT/copy.t1; awk '{print \$14 + \$15}' /proc/\$BPID/stat > $OUT/copy.ticks1
SQL
    psql -q -d "$BENCH_DB" -f "$OUT/copy.sql" > /dev/null
    COPY_MS=$(( $(cat "$OUT/copy.t1") - $(cat "$OUT/copy.t0") ))
    COPY_CPU=$(seconds $(( $(cat "$OUT/copy.ticks1") - $(cat "$OUT/copy.ticks0") )))
}
# The portal sends binary COPY rows; the same rows as a binary file, for a second raw baseline.
psql -At -d "$BENCH_DB" -c "\\copy (select $COLUMNS_LIST from detections) to '$OUT/rows.bin' with (format binary)"
raw_copy binary "$OUT/rows.bin"
BIN_MS=$COPY_MS BIN_CPU=$COPY_CPU
BIN_RATE=$(( STORED * 1000 / (BIN_MS > 0 ? BIN_MS : 1) ))
raw_copy csv "$OUT/rows.csv"
COPY_RATE=$(( STORED * 1000 / (COPY_MS > 0 ? COPY_MS : 1) ))
echo
echo "== ingest over HTTP: $DETECTIONS CEF detections, $LINES_PER_REQUEST lines a request, $CLIENTS clients ($CLIENT), PostgreSQL, live correlation $LIVE"
echo "portal      $STORED stored, $QUARANTINED quarantined, $BAD of $REQUESTS requests without a 201 ($ANSWERS answers), in $UPLOAD_MS ms: $RATE events/s"
echo "baseline    psql \\copy of the same $STORED rows into the same table: $COPY_MS ms: $COPY_RATE events/s (backend CPU $COPY_CPU s)"
echo "baseline 2  psql \\copy of the same rows as binary COPY (the portal's format): $BIN_MS ms: $BIN_RATE events/s (backend CPU $BIN_CPU s)"
echo "cpu         $CPU_LINE; the rest is WAL writer, checkpointer, kernel and others' work"
[ -z "$COLD" ] || echo "cold pass   (the same upload right after start-up, other keys) $COLD"
echo "machine     before the upload: $LOAD_BEFORE"
echo "ratio       portal / raw COPY = $(awk -v a="$RATE" -v b="$COPY_RATE" 'BEGIN { printf "%.2f", a / b }') (csv), $(awk -v a="$RATE" -v b="$BIN_RATE" 'BEGIN { printf "%.2f", a / b }') (binary)"
echo "targets     >= 40000 events/s: $([ "$RATE" -ge 40000 ] && echo PASS || echo FAIL); >= half the raw COPY rate: $([ $(( RATE * 2 )) -ge "$COPY_RATE" ] && echo PASS || echo FAIL) (csv), $([ $(( RATE * 2 )) -ge "$BIN_RATE" ] && echo PASS || echo FAIL) (binary)"
