#!/usr/bin/env bash
# Crash consistency of log uploads: CLIENTS clients upload REQUESTS batches (each its own Idempotency-Key, some
# bad lines in each), the portal is killed with SIGKILL once KILL_AFTER uploads have committed, then restarted.
# Checks in PostgreSQL that every acknowledged upload (201) is there whole (its uploads row, exactly `accepted`
# detections, its `rejected` quarantined lines) and that no upload is there in part; then re-sends every request
# that got no 201, with the same key, and checks that the totals equal the lines sent. Exit code 1 on any violation.
# Usage: bench/ingest-crash.sh           (REQUESTS=600 LINES_PER_REQUEST=500 BAD_EVERY=50 CLIENTS=4)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/ingest-crash"
REQUESTS=${REQUESTS:-600}
LINES_PER_REQUEST=${LINES_PER_REQUEST:-500}
BAD_EVERY=${BAD_EVERY:-50}            # every BAD_EVERY-th line of a batch cannot be parsed
CLIENTS=${CLIENTS:-4}
KILL_AFTER=${KILL_AFTER:-$(( REQUESTS * 2 / 5 ))}   # committed uploads before the kill
BENCH_DB=${BENCH_DB:-tmsp_bench_crash}
PORT=${PORT:-18182}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
sql() { psql -At -v ON_ERROR_STOP=1 -d "$BENCH_DB" -c "$1"; }
command -v curl >/dev/null && command -v psql >/dev/null || fail "needs curl and psql"

rm -rf "$OUT" && mkdir -p "$OUT/batches" "$OUT/answers" "$OUT/resent"
source bench/lib/portal.sh
fresh_database
APP=""
trap '[ -n "$APP" ] && kill $APP 2>/dev/null && wait $APP 2>/dev/null || true' EXIT
curl -s -o /dev/null "http://127.0.0.1:$PORT/" && fail "something already answers on port $PORT (set PORT)"
PORTAL_LOG=app-1.log start_portal TMSP_INGEST_CONCURRENCY="$CLIENTS"
register_appliance C4A5H000-0000-4000-8000-000000000001

log "writing $REQUESTS batches of $LINES_PER_REQUEST lines, every ${BAD_EVERY}th one bad"
awk -v n="$REQUESTS" -v per="$LINES_PER_REQUEST" -v bad="$BAD_EVERY" -v dir="$OUT/batches" 'BEGIN {
  for (r = 0; r < n; r++) {
    f = sprintf("%s/%06d.cef", dir, r);
    for (j = 0; j < per; j++) {
      i = r * per + j;
      if (j % bad == bad - 1) { printf "CEF:0|broken line %d\n", i > f; continue }
      printf "CEF:0|Trend Micro|Deep Discovery Inspector|6.0.1208|%d|Malware detected|%d|rt=Nov 27 2026 %02d:%02d:%02d GMT+00:00 deviceExternalId=C4A5H000-0000-4000-8000-000000000001 src=10.%d.%d.%d shost=pc-%d dst=203.0.113.%d dpt=443 act=blocked malType=TROJAN fname=crash-%d.exe cn3Label=ThreatType cn3=0 msg=TROJ_CRASH.%d found\n", \
        20 + i % 7, 2 + 2 * (i % 4), int(i / 3600) % 24, int(i / 60) % 60, i % 60, i % 200, int(i / 200) % 250, i % 250, i % 5000, i % 250, i, i % 50 > f;
    }
    close(f);
  }
}'
BAD_PER_REQUEST=$(( LINES_PER_REQUEST / BAD_EVERY ))
GOOD_PER_REQUEST=$(( LINES_PER_REQUEST - BAD_PER_REQUEST ))

# One curl process, CLIENTS transfers at once; per request its status, curl's exit code, the bytes it sent and
# its answer. "Connection: close": libcurl re-sends by itself a request whose kept-alive connection died before
# any answer, which would hide the requests in flight at the kill behind a later "could not connect".
curl_config() {  # DIR_OF_ANSWERS BATCH_NAMES...
    local dir=$1 first=1; shift
    for b in "$@"; do
        [ $first = 1 ] || echo next; first=0
        printf 'url = "http://127.0.0.1:%s/api/v1/logs"\nupload-file = "%s"\nrequest = "POST"\n' "$PORT" "$OUT/batches/$b.cef"
        printf 'header = "Authorization: Bearer %s"\nheader = "Content-Type: text/plain"\nheader = "Expect:"\n' "$TOKEN"
        printf 'header = "Connection: close"\n'
        printf 'header = "Idempotency-Key: crash-%s"\noutput = "%s/%s.json"\nwrite-out = "%%{http_code} %s %%{exitcode} %%{size_upload}\\n"\n' \
            "$b" "$dir" "$b" "$b"
    done
}
BATCHES=($(cd "$OUT/batches" && ls | sed 's/\.cef$//'))
curl_config "$OUT/answers" "${BATCHES[@]}" > "$OUT/curl.conf"

log "uploading $REQUESTS requests with $CLIENTS clients; SIGKILL once $KILL_AFTER uploads have committed"
curl -s --no-progress-meter --parallel --parallel-max "$CLIENTS" --config "$OUT/curl.conf" > "$OUT/statuses.txt" 2> "$OUT/curl.err" &
CURL=$!
COMMITTED=0
for _ in $(seq 1 3000); do
    COMMITTED=$(sql "select count(*) from uploads")
    (( COMMITTED >= KILL_AFTER )) && break
    kill -0 $CURL 2>/dev/null || break
    sleep 0.1
done
kill -9 "$APP"
wait "$APP" 2>/dev/null || true
APP=""
log "killed the portal with SIGKILL at $COMMITTED committed uploads"
wait $CURL || true   # the rest fail fast: connection refused

# Acknowledged: 201 with a receipt. In flight: no 201, but connected (curl's exit code is not 7, "could not
# connect": 52 empty reply, 56 connection reset, ...) when the portal died.
: > "$OUT/acked.csv"
ACKED=0 INFLIGHT=0 NOTSENT=0 UNACKED=()
while read -r code b exitcode sent; do
    if [ "$code" = 201 ]; then
        receipt=$(cat "$OUT/answers/$b.json")
        id=$(sed 's/.*"uploadId":"\([^"]*\)".*/\1/' <<<"$receipt")
        accepted=$(sed 's/.*"accepted":\([0-9]*\).*/\1/' <<<"$receipt")
        rejected=$(sed 's/.*"rejected":\([0-9]*\).*/\1/' <<<"$receipt")
        echo "crash-$b,$id,$accepted,$rejected" >> "$OUT/acked.csv"
        ACKED=$((ACKED + 1))
    else
        UNACKED+=("$b")
        if [ "$exitcode" != 7 ]; then INFLIGHT=$((INFLIGHT + 1)); else NOTSENT=$((NOTSENT + 1)); fi
    fi
done < "$OUT/statuses.txt"
(( ACKED + ${#UNACKED[@]} == REQUESTS )) || fail "curl answered $((ACKED + ${#UNACKED[@]})) of $REQUESTS requests"

log "restarting the portal on the same database"
PORTAL_LOG=app-2.log start_portal TMSP_INGEST_CONCURRENCY="$CLIENTS"

VIOLATIONS=0
check() {  # NAME SQL_COUNT_OF_VIOLATIONS
    local n; n=$(sql "$2")
    printf '  %-62s %s\n' "$1" "$n"
    [ "$n" = 0 ] || VIOLATIONS=$((VIOLATIONS + 1))
}
consistency() {
    check "detections whose upload has no uploads row" \
        "select count(*) from detections d where not exists (select 1 from uploads u where u.id = d.upload_id)"
    check "quarantined lines whose upload has no uploads row" \
        "select count(*) from quarantined_lines q where q.upload_id is not null and not exists (select 1 from uploads u where u.id = q.upload_id)"
    check "uploads rows not closed (bytes still 0)" "select count(*) from uploads where bytes = 0"
    check "uploads with other than \`accepted\` detections (partial)" \
        "select count(*) from uploads u where u.accepted <> (select count(*) from detections d where d.upload_id = u.id)"
    check "uploads with other than \`rejected\` quarantined lines" \
        "select count(*) from uploads u where u.rejected <> (select count(*) from quarantined_lines q where q.upload_id = u.id)"
    check "uploads with other counts than their batch ($GOOD_PER_REQUEST good, $BAD_PER_REQUEST bad)" \
        "select count(*) from uploads where accepted <> $GOOD_PER_REQUEST or rejected <> $BAD_PER_REQUEST"
}

echo
echo "== after the restart"
sql "create table acked (idempotency_key text primary key, upload_id uuid, accepted int, rejected int)" > /dev/null
psql -q -d "$BENCH_DB" -c "\\copy acked from '$OUT/acked.csv' with (format csv)"
check "acknowledged uploads missing or with another id or counts" \
    "select count(*) from acked a where not exists (select 1 from uploads u where u.id = a.upload_id
       and u.idempotency_key = a.idempotency_key and u.accepted = a.accepted and u.rejected = a.rejected)"
check "acknowledged uploads without exactly \`accepted\` detections" \
    "select count(*) from acked a where a.accepted <> (select count(*) from detections d where d.upload_id = a.upload_id)"
check "acknowledged uploads without exactly \`rejected\` quarantined lines" \
    "select count(*) from acked a where a.rejected <> (select count(*) from quarantined_lines q where q.upload_id = a.upload_id)"
consistency
PARTIAL=$(sql "select count(*) from uploads u where u.accepted <> (select count(*) from detections d where d.upload_id = u.id)
               or u.rejected <> (select count(*) from quarantined_lines q where q.upload_id = u.id)")
ORPHANS=$(sql "select count(*) from detections d where not exists (select 1 from uploads u where u.id = d.upload_id)")
STORED_UPLOADS=$(sql "select count(*) from uploads")
STORED_UNACKED=$(( STORED_UPLOADS - ACKED ))
STORED_ROWS=$(sql "select count(*) from detections")

log "re-sending the ${#UNACKED[@]} requests without a 201, with the same keys"
RESENT_201=0 RESENT_200=0 RESENT_OTHER=0
if (( ${#UNACKED[@]} > 0 )); then
    curl_config "$OUT/resent" "${UNACKED[@]}" > "$OUT/resend.conf"
    curl -s --no-progress-meter --parallel --parallel-max "$CLIENTS" --config "$OUT/resend.conf" > "$OUT/resent.txt" 2>> "$OUT/curl.err" || true
    RESENT_201=$(grep -c '^201 ' "$OUT/resent.txt" || true)
    RESENT_200=$(grep -c '^200 ' "$OUT/resent.txt" || true)
    RESENT_OTHER=$(( ${#UNACKED[@]} - RESENT_201 - RESENT_200 ))
fi
echo
echo "== after re-sending"
check "re-sent requests answered neither 201 nor 200" "select $RESENT_OTHER"
check "re-sent replays (200) other than the uploads stored but not acked" "select abs($RESENT_200 - $STORED_UNACKED)"
check "uploads other than one per request" "select abs(count(*) - $REQUESTS) from uploads"
check "detections other than the good lines sent" "select abs(count(*) - $(( REQUESTS * GOOD_PER_REQUEST ))) from detections"
check "quarantined lines other than the bad lines sent" "select abs(count(*) - $(( REQUESTS * BAD_PER_REQUEST ))) from quarantined_lines"
check "idempotency keys stored twice" "select count(*) - count(distinct idempotency_key) from uploads"
consistency

echo
echo "== ingest crash: $REQUESTS requests of $LINES_PER_REQUEST lines ($BAD_PER_REQUEST bad), $CLIENTS clients, SIGKILL after $COMMITTED committed uploads"
echo "acknowledged          $ACKED requests (201), all checked whole after the restart"
echo "in flight at the kill $INFLIGHT requests (connected, no answer); $NOTSENT more could not connect (portal down)"
echo "stored, not acked     $STORED_UNACKED uploads committed whose 201 never reached the client"
echo "stored after restart  $STORED_UPLOADS uploads, $STORED_ROWS detections"
echo "partial               $PARTIAL uploads, $ORPHANS detections without an upload (must be 0)"
echo "re-sent               ${#UNACKED[@]}: $RESENT_201 stored now (201), $RESENT_200 replayed (200), $RESENT_OTHER other"
echo "totals                $(sql "select count(*) from uploads") uploads, $(sql "select count(*) from detections") detections, $(sql "select count(*) from quarantined_lines") quarantined; sent $REQUESTS, $(( REQUESTS * GOOD_PER_REQUEST )), $(( REQUESTS * BAD_PER_REQUEST ))"
(( COMMITTED < REQUESTS )) || echo "note        the upload finished before the kill: lower KILL_AFTER"
(( VIOLATIONS == 0 )) || fail "$VIOLATIONS checks failed"
echo "result      PASS: no acknowledged upload lost, nothing partial, retries stored each request once"
