#!/usr/bin/env bash
# Live correlation under simulator traffic: the portal on PostgreSQL with TMSP_CORRELATION_LIVE=true takes
# MINUTES (10) of `bin/simulate` traffic at RATE (200) lines/s over HTTP from APPLIANCES (10, 66 hosts each)
# appliances; every minute the portal's heap after a full GC and the facts live correlation holds are printed.
# The sessions hold each detection for the rules' longest detection window (1 h), so facts and heap grow with the
# window's fill and must stay within it: at most RATE / SPEED x the window's seconds facts. The simulator runs as
# a time-lapse (SPEED, 12: two hours of the lines' timeline in ten minutes, the last line dated when it is sent),
# so the window fills after WINDOW_SECONDS / SPEED (5 minutes) and the heap's plateau shows within the run.
# Then the nightly run correlates the same days on demand, and the incidents must be the same: same keys, none
# raised or updated by the nightly run, every field (evidence count, first and last seen, severity, title, ATT&CK
# ids, hosts, addresses, threats) as live correlation left it.
# Usage: bench/correlate-live.sh            (MINUTES=10 RATE=200 APPLIANCES=10 SPEED=12)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/correlate-live"
MINUTES=${MINUTES:-10}
RATE=${RATE:-200}
APPLIANCES=${APPLIANCES:-10}
SPEED=${SPEED:-12}                       # seconds of the lines' timeline per second of sending
WINDOW_SECONDS=${WINDOW_SECONDS:-3600}   # the shipped rules' detection lifetime
BENCH_DB=${BENCH_DB:-tmsp_bench_live}
PORT=${PORT:-18183}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
command -v curl >/dev/null && command -v psql >/dev/null && command -v jcmd >/dev/null || fail "needs curl, psql and jcmd"
source bench/lib/portal.sh

rm -rf "$OUT" && mkdir -p "$OUT"
fresh_database
JAVA_OPTS="${JAVA_OPTS:--Xmx2g}" start_portal TMSP_CORRELATION_LIVE=true TMSP_SYSLOG_ENABLED=false
trap 'kill $SIM 2>/dev/null || true; kill $APP 2>/dev/null || true' EXIT
register_appliance B3NCH000-0000-4000-8000-0000000011FE   # creates the account "Bench" (bench-reg)
ACCOUNT=$(psql -At -d "$BENCH_DB" -c "select id from accounts where name = 'Bench'")

heap_after_gc_mb() {
  jcmd "$APP" GC.run >/dev/null
  # the generations' used space (Parallel: PSYoungGen + ParOldGen; G1: the one heap line), not metaspace
  jcmd "$APP" GC.heap_info | awk '/PSYoungGen|ParOldGen|garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") {
    v = $(i + 1); sub(/K,?$/, "", v); s += v } } END { print int(s / 1024) }'
}
# Every field a run may change, one incident a line: key, evidence count, first and last seen, severity, title,
# ATT&CK ids, hosts, addresses and threats (not updated_at, which an update that changes nothing would not move).
incidents() {
  psql -At -F ' | ' -d "$BENCH_DB" -c "select incident_key, detection_count, first_seen, last_seen, severity, title,
    attack, hosts, addresses, threat_names from incidents where account_id = $ACCOUNT order by 1"
}

[[ $SPEED =~ ^[1-9][0-9]*$ ]] || fail "SPEED takes a whole number from 1 (seconds of timeline per second)"
# The first minute after the window has filled: from then on the heap must stay flat.
FILLED=$(( (WINDOW_SECONDS + SPEED * 60 - 1) / (SPEED * 60) + 1 ))
(( FILLED < MINUTES )) || fail "the window fills after $(( FILLED - 1 )) of $MINUTES minutes: raise MINUTES or SPEED"
log "simulating $MINUTES min at $RATE lines/s, time-lapse x$SPEED ($APPLIANCES appliances, HTTP, every planted attack)"
bin/simulate --url "http://127.0.0.1:$PORT" --registration-user bench-reg --registration-password bench-registration \
  --appliances "$APPLIANCES" --rate "$RATE" --duration "${MINUTES}m" --speed "$SPEED" --transport http --batch 500 --seed 11 \
  --plan-json "$OUT/plan.json" > "$OUT/simulate.log" 2>&1 &
SIM=$!
echo "minute  stored detections  heap after full GC (MB)  live correlation (portal log)"
HEAPS=(); FACTS=0
for minute in $(seq 1 "$MINUTES"); do
  sleep 60
  heap=$(heap_after_gc_mb)
  HEAPS+=("$heap")
  stored=$(psql -At -d "$BENCH_DB" -c "select count(*) from detections")
  status=$(grep 'Live correlation:' "$OUT/app.log" | tail -1 | sed 's/.*Live correlation: //')
  FACTS=$(sed -n 's/.* \([0-9]*\) facts held.*/\1/p' <<< "$status"); FACTS=${FACTS:-0}
  printf '%6s  %17s  %23s  %s\n' "$minute" "$stored" "$heap" "$status"
done
wait "$SIM" || fail "the simulator reported problems (see $OUT/simulate.log)"
STORED=$(psql -At -d "$BENCH_DB" -c "select count(*) from detections where account_id = $ACCOUNT")
log "the simulator is done; $STORED detections stored; waiting for live correlation to settle"
before=""
for _ in $(seq 1 60); do
  now=$(incidents | md5sum)
  [ "$now" = "$before" ] && break
  before=$now
  sleep 5
done
incidents > "$OUT/live-incidents.txt"
LIVE=$(wc -l < "$OUT/live-incidents.txt")

log "nightly runs over the same days"
web_session "$OUT/session.txt"
RAISED=0; UPDATED=0
for day in $(psql -At -d "$BENCH_DB" -c "select distinct (event_time at time zone 'UTC')::date from detections where account_id = $ACCOUNT order by 1"); do
  location=$(curl -fs -o /dev/null -w '%header{location}' -u admin:bench-admin-password -H 'Content-Type: application/json' \
    -d "{\"day\":\"$day\"}" "http://127.0.0.1:$PORT/api/v1/accounts/$ACCOUNT/correlation-runs") \
    || fail "correlation-runs API not available"
  for _ in $(seq 1 600); do
    run=$(curl -fs -b "$OUT/session.txt" "http://127.0.0.1:$PORT$location")
    status=$(sed 's/.*"status":"\([A-Z]*\)".*/\1/' <<< "$run")
    [ "$status" = DONE ] || [ "$status" = FAILED ] && break
    sleep 0.5
  done
  [ "$status" = DONE ] || fail "the nightly run of $day ended $status: $run"
  r=$(sed 's/.*"incidentsRaised":\([0-9]*\).*/\1/' <<< "$run"); u=$(sed 's/.*"incidentsUpdated":\([0-9]*\).*/\1/' <<< "$run")
  log "  $day: read $(sed 's/.*"detectionsRead":\([0-9]*\).*/\1/' <<< "$run"), raised $r, updated $u"
  RAISED=$(( RAISED + r )); UPDATED=$(( UPDATED + u ))
done
incidents > "$OUT/nightly-incidents.txt"
SAME=$(cmp -s "$OUT/live-incidents.txt" "$OUT/nightly-incidents.txt" && echo yes || echo no)
[ "$SAME" = yes ] || diff "$OUT/live-incidents.txt" "$OUT/nightly-incidents.txt" > "$OUT/live-vs-nightly.diff" || true

FIRST=${HEAPS[$(( FILLED - 1 ))]}; LAST=${HEAPS[-1]}
echo
echo "== live correlation: $MINUTES min of simulator traffic at $RATE lines/s, time-lapse x$SPEED ($(( MINUTES * SPEED / 60 )) h of timeline), PostgreSQL"
echo "stored      $STORED detections"
echo "heap        after full GC: minute $FILLED (the window filled) $FIRST MB, last minute $LAST MB (each minute above)"
echo "incidents   live $LIVE; the nightly runs then raised $RAISED and updated $UPDATED; identical afterwards in every field: $SAME$([ "$SAME" = yes ] || echo " (see $OUT/live-vs-nightly.diff)")"
BOUND=$(( RATE * WINDOW_SECONDS / SPEED + 10000 ))
echo "memory      facts held at the last minute $FACTS; the windows' bound $BOUND (RATE / SPEED x $WINDOW_SECONDS s + anchors)"
echo "targets     facts within the windows' bound: $([ "$FACTS" -le "$BOUND" ] && echo PASS || echo FAIL);" \
     "heap flat once the window filled (last <= minute $FILLED + 25 %): $([ "$LAST" -le $(( FIRST * 125 / 100 )) ] && echo PASS || echo FAIL);" \
     "nightly equals live: $([ "$SAME" = yes ] && [ "$RAISED" = 0 ] && [ "$UPDATED" = 0 ] && echo PASS || echo FAIL)"
