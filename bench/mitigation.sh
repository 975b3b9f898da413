#!/usr/bin/env bash
# Issue 10: mitigators against the portal on PostgreSQL. MITIGATORS (500) registered mitigators report endpoint
# statuses, ENTRIES (100) a batch, back to back for STATUS_SECONDS (120) s; then UPLOADS (50) forensic samples of
# SAMPLE_MB (50) MB are uploaded at once (after a pass with SMALL_MB (5) MB samples, to compare the heap).
# Baselines from the same run: a psql \copy of the same status rows into the same table, and a plain `cp` of the
# same sample files on the same disk, as many at once. The portal's heap is capped at HEAP_MAX (512m, a fifth of
# the 2.5 GB in flight); printed: after a full GC before and after each pass, and its peak (jstat every 100 ms).
# Usage: bench/mitigation.sh
#        STATUS_SECONDS=20 UPLOADS=10 MITIGATORS=100 bench/mitigation.sh     (a quick run)
#        KEEP=1 keeps the sample files, the stored copies and the cp copies in bench/out/mitigation
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/mitigation"
MITIGATORS=${MITIGATORS:-500}
ENTRIES=${ENTRIES:-100}
STATUS_SECONDS=${STATUS_SECONDS:-120}
UPLOADS=${UPLOADS:-50}
SAMPLE_MB=${SAMPLE_MB:-50}
SMALL_MB=${SMALL_MB:-5}
HEAP_MAX=${HEAP_MAX:-512m}
BENCH_DB=${BENCH_DB:-tmsp_bench_mitigation}
PORT=${PORT:-18191}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
for tool in curl psql java jcmd jstat; do command -v $tool >/dev/null || fail "needs $tool"; done

rm -rf "$OUT" && mkdir -p "$OUT/samples" "$OUT/answers" "$OUT/cp"
source bench/lib/portal.sh
fresh_database
JAVA_OPTS="-Xmx$HEAP_MAX ${JAVA_OPTS:-}"
start_portal TMSP_MITIGATION_STORAGE="$OUT/store" TMSP_MITIGATION_MAX_SAMPLE=200MB
trap 'kill $APP 2>/dev/null || true' EXIT
register_appliance B3NCH000-0000-4000-8000-00000000000a   # the account "Bench" (and a discovery appliance)
log "registering $MITIGATORS mitigators"
java bench/tools/MitigatorLoad.java register "$PORT" bench-reg bench-registration "$MITIGATORS" "$OUT/tokens.txt"
[ "$(wc -l < "$OUT/tokens.txt")" = "$MITIGATORS" ] || fail "not every mitigator was registered"

heap_used_mib() {  # survivors + eden + old (jstat, KiB)
    jstat -gc "$APP" | awk 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i} NR == 2 {printf "%.0f", ($c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]) / 1024}'
}
live_heap_mib() { jcmd "$APP" GC.run > /dev/null; heap_used_mib; }
# peaks FILE: the highest used heap and the highest old generation in a `jstat -gc <pid> 100` log (MiB)
peaks() {
    awk 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i; next} $1 ~ /^[0-9.]+$/ {
           u = $c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]; if (u > mu) mu = u; if ($c["OU"] > mo) mo = $c["OU"] }
         END {printf "%.0f MiB used, old generation %.0f MiB", mu / 1024, mo / 1024}' "$1"
}

# sample_heap FILE: jstat every 100 ms into FILE in the background (JSTAT), once it has printed its first line
sample_heap() {
    jstat -gc "$APP" 100 > "$1" 2>&1 & JSTAT=$!
    for _ in $(seq 1 100); do [ "$(wc -l < "$1")" -ge 2 ] && return 0; sleep 0.1; done
    fail "jstat did not start"
}

# ---- endpoint statuses
LIVE_BEFORE_STATUSES=$(live_heap_mib)
log "$MITIGATORS mitigators report $ENTRIES statuses a batch for $STATUS_SECONDS s (heap $LIVE_BEFORE_STATUSES MiB live)"
sample_heap "$OUT/statuses-jstat.txt"
LOAD=$(java -Xss256k bench/tools/MitigatorLoad.java statuses "$PORT" "$OUT/tokens.txt" "$STATUS_SECONDS" "$ENTRIES")
kill $JSTAT
echo "$LOAD" > "$OUT/statuses.txt"
field() { sed -n "s/.*\b$1=\([0-9]*\).*/\1/p" <<< "$LOAD"; }
WALL_MS=$(field wall_ms) SENT=$(field statuses) FAILURES=$(field failures)
STORED=$(psql -At -d "$BENCH_DB" -c "select count(*) from endpoint_statuses")
[ "$STORED" = "$SENT" ] || fail "the client had $SENT statuses accepted, the table holds $STORED"
STATUS_RATE=$(( STORED * 1000 / WALL_MS ))
STATUS_PEAK=$(peaks "$OUT/statuses-jstat.txt")
COLUMNS_LIST="account_id, product_id, ip, hostname, status, threat, reported_at, received_at"
psql -At -d "$BENCH_DB" -c "\\copy (select $COLUMNS_LIST from endpoint_statuses) to '$OUT/statuses.csv' with (format csv)"
psql -q -d "$BENCH_DB" -c "truncate endpoint_statuses"
T0=$(now_ms)
psql -q -d "$BENCH_DB" -c "\\copy endpoint_statuses ($COLUMNS_LIST) from '$OUT/statuses.csv' with (format csv)"
COPY_MS=$(( $(now_ms) - T0 ))
COPY_RATE=$(( STORED * 1000 / (COPY_MS > 0 ? COPY_MS : 1) ))

# ---- forensic samples
# make_samples PREFIX MB: UPLOADS files of MB MiB each, a zip's first bytes and then random bytes
make_samples() {
    for i in $(seq -w 1 "$UPLOADS"); do
        { printf 'PK\003\004'; head -c $(( $2 * 1024 * 1024 - 4 )) /dev/urandom; } > "$OUT/samples/$1-$i.zip"
    done
}
# upload_pass PREFIX: every PREFIX-*.zip uploaded at once (curl --parallel, streamed from the file); sets UP_MS,
# UP_BYTES, UP_PEAK, UP_LIVE_BEFORE/AFTER; fails unless every sample got its 201 with its size
upload_pass() {
    local conf="$OUT/$1-curl.conf"
    for f in "$OUT"/samples/"$1"-*.zip; do
        b=$(basename "$f" .zip)
        printf 'next\nurl = "http://127.0.0.1:%s/api/v1/mitigation/samples?endpointIp=10.0.0.%d&fileName=%s.zip"\n' \
            "$PORT" "$((10#${b##*-}))" "$b"
        printf 'upload-file = "%s"\nrequest = "POST"\nheader = "Authorization: Bearer %s"\n' "$f" "$(head -1 "$OUT/tokens.txt")"
        printf 'header = "Content-Type: application/zip"\nheader = "Expect:"\noutput = "%s"\nwrite-out = "%%{http_code} %s\\n"\n' \
            "$OUT/answers/$b.json" "$b"
    done | tail -n +2 > "$conf"
    UP_LIVE_BEFORE=$(live_heap_mib)
    sample_heap "$OUT/$1-jstat.txt"
    local t0; t0=$(now_ms)
    curl -s --no-progress-meter --parallel --parallel-immediate --parallel-max "$UPLOADS" --config "$conf" \
        > "$OUT/$1-statuses.txt" 2> "$OUT/$1-client.err"
    UP_MS=$(( $(now_ms) - t0 ))
    kill $JSTAT
    UP_PEAK=$(peaks "$OUT/$1-jstat.txt")
    UP_LIVE_AFTER=$(live_heap_mib)
    [ "$(grep -c '^201 ' "$OUT/$1-statuses.txt" || true)" = "$UPLOADS" ] || fail "not every $1 sample got a 201 (see $OUT/$1-statuses.txt)"
    UP_BYTES=$(cat "$OUT"/samples/"$1"-*.zip | wc -c)
    local stored
    stored=$(psql -At -d "$BENCH_DB" -c "select coalesce(sum(sample_size), 0) from mitigation_cases where sample_name like '$1-%'")
    [ "$stored" = "$UP_BYTES" ] || fail "$1: $UP_BYTES bytes sent, the cases record $stored"
}
mb_per_s() { awk -v b="$1" -v ms="$2" 'BEGIN {printf "%.0f", b / 1048576 / (ms / 1000)}'; }

log "$UPLOADS samples of $SMALL_MB MB at once"
make_samples small "$SMALL_MB"
upload_pass small
SMALL="$UP_BYTES bytes in $UP_MS ms: $(mb_per_s "$UP_BYTES" "$UP_MS") MB/s; heap live $UP_LIVE_BEFORE -> $UP_LIVE_AFTER MiB, peak $UP_PEAK"
log "$UPLOADS samples of $SAMPLE_MB MB at once"
make_samples large "$SAMPLE_MB"
upload_pass large
LARGE_RATE=$(mb_per_s "$UP_BYTES" "$UP_MS")
LARGE="$UP_BYTES bytes in $UP_MS ms: $LARGE_RATE MB/s; heap live $UP_LIVE_BEFORE -> $UP_LIVE_AFTER MiB, peak $UP_PEAK"
STORED_FILES=$(find "$OUT/store/samples" -type f | wc -l)
LEFT_OVER=$(find "$OUT/store" -path '*incoming*' -type f | wc -l)

log "baseline: cp of the same $UPLOADS files at once on the same disk"
T0=$(now_ms)
COPIES=()
for f in "$OUT"/samples/large-*.zip; do cp "$f" "$OUT/cp/" & COPIES+=($!); done
wait "${COPIES[@]}"
CP_MS=$(( $(now_ms) - T0 ))
CP_RATE=$(mb_per_s "$UP_BYTES" "$CP_MS")
[ "${KEEP:-0}" = 1 ] || rm -rf "$OUT/samples" "$OUT/store" "$OUT/cp"

echo
echo "== mitigation: $MITIGATORS mitigators, $ENTRIES statuses a batch, $STATUS_SECONDS s; $UPLOADS samples at once; heap max $HEAP_MAX"
echo "statuses    $STORED stored in $WALL_MS ms: $STATUS_RATE statuses/s ($LOAD)"
echo "baseline    psql \\copy of the same $STORED rows into the same table: $COPY_MS ms: $COPY_RATE statuses/s"
echo "heap        during the statuses: live $LIVE_BEFORE_STATUSES MiB before, peak $STATUS_PEAK"
echo "samples     $UPLOADS x $SMALL_MB MB: $SMALL"
echo "samples     $UPLOADS x $SAMPLE_MB MB: $LARGE"
echo "baseline    cp of the same $UPLOADS x $SAMPLE_MB MB files at once, same disk: $CP_MS ms: $CP_RATE MB/s"
echo "store       $STORED_FILES sample files kept, $LEFT_OVER left in incoming/"
echo "ratio       upload / cp = $(awk -v a="$LARGE_RATE" -v b="$CP_RATE" 'BEGIN {printf "%.2f", a / b}')"
