#!/usr/bin/env bash
# A rule test against the nightly runs of the same days: DAYS (31) days of one account, DETECTIONS_PER_DAY (100,000)
# detections a day from the appliance simulator (3,100,000 in all), stored through the appliance API. In one run:
# the baseline, the published rule set's nightly runs of those days (one correlation run per day, all queued at once
# as the nightly process queues them, timed from the first POST to the last DONE), then a test of a draft (the
# published files with malware-outbreak's host threshold lowered to 2) over the same days through
# POST /api/v1/rule-drafts/{id}/tests: the time to its first progress update, its total, and the ratio to the baseline.
# Target: the test costs at most 1.5 times the nightly runs.
# Usage: bench/rule-test.sh      (DAYS=31 DETECTIONS_PER_DAY=100000 APPLIANCES=30 HEAP_MAX=2g; see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/rule-test"
DAYS=${DAYS:-31}
DETECTIONS_PER_DAY=${DETECTIONS_PER_DAY:-100000}
APPLIANCES=${APPLIANCES:-30}
SEED=${SEED:-42}
LAST_DAY=${LAST_DAY:-$(date -u -d yesterday +%F)}
FIRST_DAY=$(date -u -d "$LAST_DAY - $((DAYS - 1)) days" +%F)
BATCH=${BATCH:-5000}
HEAP_MAX=${HEAP_MAX:-2g}
RUN_TIMEOUT=${RUN_TIMEOUT:-3600}        # seconds to wait for the nightly runs, and for the test
TARGET_RATIO=${TARGET_RATIO:-1.5}
MIN_STORED=${MIN_STORED:-3000000}
BENCH_DB=${BENCH_DB:-tmsp_bench_rule_test}
PORT=${PORT:-18186}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
ADMIN=admin:bench-admin-password
ANALYST=analyst:bench-admin-password    # a second user with the administrator's password hash and role ANALYST
BASE="http://127.0.0.1:$PORT"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
say() { echo "$*" >> "$OUT/summary.txt"; }
fail() { printf '\n' >&2; cat "$OUT/summary.txt" >&2 2>/dev/null || true; printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN {printf "%.1f", ms / 1000}'; }
per_s() { awk -v n="$1" -v ms="$2" 'BEGIN {printf "%.0f", (ms > 0 ? n * 1000 / ms : 0)}'; }
pass() { if awk "BEGIN {exit !($1)}"; then echo PASS; else echo FAIL; fi; }
for tool in curl psql jq java; do command -v $tool >/dev/null || fail "needs $tool"; done

rm -rf "$OUT" && mkdir -p "$OUT" && : > "$OUT/summary.txt"
JAR=$(ls "$ROOT"/target/tmsp-*.jar 2>/dev/null | head -1 || true)
[ -n "$JAR" ] || { (cd "$ROOT" && ./mvnw -B -q -DskipTests package); JAR=$(ls "$ROOT"/target/tmsp-*.jar | head -1); }
[ -f "$ROOT/target/test-classes/tmsp/bench/SimulateDay.class" ] || (cd "$ROOT" && ./mvnw -B -q test-compile)

source bench/lib/portal.sh
fresh_database
JAVA_OPTS="-Xmx$HEAP_MAX ${JAVA_OPTS:-}"
trap 'kill ${APP:-} 2>/dev/null || true' EXIT
start_portal TMSP_SYSLOG_ENABLED=false TMSP_CORRELATION_LIVE=false TMSP_CORRELATION_CRON=-
register_appliance B3NCH000-0000-4000-8000-0000000000D1
ACCOUNT_ID=$(psql -At -d "$BENCH_DB" -c "select id from accounts where name = 'Bench'")
psql -q -d "$BENCH_DB" -c "insert into users (username, password_hash, display_name, created_at)
      select 'analyst', password_hash, 'Bench analyst', now() from users where username = 'admin';
    insert into user_roles (user_id, role) select id, 'ANALYST' from users where username = 'analyst'"

# --- DAYS days of detections, sent by the simulator through the API, a day at a time ------------------------------
log "simulator: $DAYS days ($FIRST_DAY to $LAST_DAY, UTC) of $DETECTIONS_PER_DAY detections from $APPLIANCES appliances"
t0=$(now_ms)
for i in $(seq 0 $((DAYS - 1))); do
    day=$(date -u -d "$FIRST_DAY + $i days" +%F)
    java -Xmx2g -Dloader.path="$ROOT/target/test-classes" -Dloader.main=tmsp.bench.SimulateDay -cp "$JAR" \
        org.springframework.boot.loader.launch.PropertiesLauncher --day "$day" --url "$BASE" \
        --registration-user bench-reg --registration-password bench-registration --appliances "$APPLIANCES" \
        --events "$DETECTIONS_PER_DAY" --seed "$((SEED + i))" --batch "$BATCH" --transport http --heartbeat-every 1h \
        > "$OUT/simulator-$day.txt" 2>&1 \
        || { tail -5 "$OUT/simulator-$day.txt" >&2; fail "the simulator did not deliver $day (see $OUT/simulator-$day.txt)"; }
done
LOAD_MS=$(( $(now_ms) - t0 ))
RANGE_FROM="${FIRST_DAY}T00:00:00Z" RANGE_TO="$(date -u -d "$LAST_DAY + 1 day" +%F)T00:00:00Z"
STORED=$(psql -At -d "$BENCH_DB" -c "select count(*) from detections where account_id = $ACCOUNT_ID
    and event_time >= '$RANGE_FROM' and event_time < '$RANGE_TO'")
say "== a rule test against the nightly runs: $DAYS days ($FIRST_DAY to $LAST_DAY, UTC) of one account, seed $SEED, PostgreSQL"
say "data        $STORED detections stored ($DETECTIONS_PER_DAY a day from $APPLIANCES appliances), loaded through the API in $(secs $LOAD_MS) s with generating them"
(( STORED >= MIN_STORED )) || fail "$STORED detections stored, the benchmark needs at least $MIN_STORED"
psql -q -d "$BENCH_DB" -c "analyze detections"

web_session "$OUT/session.txt"   # polls with the administrator's session: no password check per poll

# --- Baseline: the published rules' nightly runs of the same days ---------------------------------------------------
log "baseline: $DAYS correlation runs of the published rules, queued at once"
t0=$(now_ms)
runs=()
for i in $(seq 0 $((DAYS - 1))); do
    day=$(date -u -d "$FIRST_DAY + $i days" +%F)
    code=$(curl -s -u "$ADMIN" -H 'Content-Type: application/json' -d "{\"day\":\"$day\"}" -o "$OUT/run-post.json" \
        -w '%{http_code}' "$BASE/api/v1/accounts/$ACCOUNT_ID/correlation-runs")
    [ "$code" = 202 ] || fail "POST correlation-runs for $day answered $code: $(head -c 300 "$OUT/run-post.json")"
    runs+=("$(jq -r .runId "$OUT/run-post.json")")
done
# One poller process per run, one after another (bench/tools/await-run.py): a shell loop of curl and jq took CPU from
# the runs it timed. The last run to end sets the time.
for id in "${runs[@]}"; do
    left=$(( RUN_TIMEOUT - ($(now_ms) - t0) / 1000 ))
    (( left > 0 )) || fail "the nightly runs did not finish within $RUN_TIMEOUT s"
    waited=0
    run=$(python3 "$ROOT/bench/tools/await-run.py" "$BASE/api/v1/correlation-runs/$id" "$OUT/session.txt" "$left" 0.2) || waited=$?
    [ "$waited" != 1 ] || fail "the nightly runs did not finish within $RUN_TIMEOUT s"
    [ "$waited" = 0 ] || fail "GET /api/v1/correlation-runs/$id failed"
    [ "$(jq -r .status <<< "$run")" = DONE ] || fail "correlation run $id failed: $(jq -r .error <<< "$run")"
done
NIGHTLY_MS=$(( $(now_ms) - t0 ))
NIGHTLY_READ=0 NIGHTLY_RAISED=0
for id in "${runs[@]}"; do
    run=$(curl -fs -b "$OUT/session.txt" "$BASE/api/v1/correlation-runs/$id")
    NIGHTLY_READ=$(( NIGHTLY_READ + $(jq .detectionsRead <<< "$run") ))
    NIGHTLY_RAISED=$(( NIGHTLY_RAISED + $(jq .incidentsRaised <<< "$run") ))
done
INCIDENTS_BEFORE=$(psql -At -d "$BENCH_DB" -c "select count(*) from incidents")
say "nightly     $DAYS runs of rule set $(jq -r .ruleSetVersion <<< "$run"): $(secs $NIGHTLY_MS) s from the first POST to the last DONE; $NIGHTLY_READ detections read (each day and the window before it), $NIGHTLY_RAISED incidents raised"

# --- The draft: the published files with malware-outbreak on 2 hosts instead of 3 -------------------------------------
PUBLISHED_ID=$(psql -At -d "$BENCH_DB" -c "select id from rule_set_versions where state = 'PUBLISHED'")
DRAFT_ID=$(psql -At -d "$BENCH_DB" -c "insert into rule_set_versions (state, author, created_at, updated_at, title, base_version_id)
    values ('DRAFT', 'analyst', now(), now(), 'bench: outbreak on 2 hosts', $PUBLISHED_ID) returning id" | head -1)
psql -q -d "$BENCH_DB" -c "insert into rule_set_files (version_id, file_name, drl)
      select $DRAFT_ID, file_name, drl from rule_set_files where version_id = $PUBLISHED_ID;
    insert into rule_set_parameters (version_id, rule_id, param_name, param_value)
      select $DRAFT_ID, rule_id, param_name, param_value from rule_set_parameters where version_id = $PUBLISHED_ID
      and not (rule_id = 'malware-outbreak' and param_name = 'hosts');
    insert into rule_set_parameters (version_id, rule_id, param_name, param_value) values ($DRAFT_ID, 'malware-outbreak', 'hosts', '2')"

# --- The test ---------------------------------------------------------------------------------------------------------
log "rule test of draft #$DRAFT_ID over the same $DAYS days"
t0=$(now_ms)
code=$(curl -s -u "$ANALYST" -H 'Content-Type: application/json' -o "$OUT/test-post.json" -D "$OUT/test-post.headers" \
    -w '%{http_code}' -d "{\"accountId\":$ACCOUNT_ID,\"from\":\"$FIRST_DAY\",\"to\":\"$LAST_DAY\"}" \
    "$BASE/api/v1/rule-drafts/$DRAFT_ID/tests")
[ "$code" = 202 ] || fail "POST /api/v1/rule-drafts/$DRAFT_ID/tests answered $code: $(head -c 500 "$OUT/test-post.json")"
location=$(tr -d '\r' < "$OUT/test-post.headers" | awk 'tolower($1) == "location:" {print $2}')
[ -n "$location" ] || fail "the test was accepted without a Location header"
waited=0
TEST=$(python3 "$ROOT/bench/tools/await-run.py" "$BASE$location" "$OUT/session.txt" "$RUN_TIMEOUT" 0.1 "$OUT/test-polls.txt") \
    || waited=$?
[ "$waited" != 1 ] || fail "the test did not finish within $RUN_TIMEOUT s ($location)"
[ "$waited" = 0 ] || fail "GET $location failed"
status=$(jq -r .status <<< "$TEST")
# The first poll that saw progress: its time is on each line of the polls' file ("<epoch ms> <JSON>").
first_ms=$(while read -r at answer; do
    awk -v p="$(jq .progress <<< "$answer")" 'BEGIN {exit !(p > 0)}' && { echo "$at"; break; }
done < "$OUT/test-polls.txt")
FIRST_PROGRESS_MS=${first_ms:+$(( first_ms - t0 ))}
TEST_MS=$(( $(now_ms) - t0 ))
echo "$TEST" > "$OUT/test.json"
[ "$status" = DONE ] || fail "the test ended $status: $(jq -r .error <<< "$TEST")"
INCIDENTS_AFTER=$(psql -At -d "$BENCH_DB" -c "select count(*) from incidents")
READ=$(jq .detectionsRead <<< "$TEST")
RATIO=$(awk -v a="$TEST_MS" -v b="$NIGHTLY_MS" 'BEGIN {printf "%.2f", a / b}')
say "test        draft #$DRAFT_ID beside $(jq -r .publishedVersion <<< "$TEST"): $READ detections read once; first progress after $(secs "${FIRST_PROGRESS_MS:-$TEST_MS}") s; total $(secs $TEST_MS) s ($(per_s "$READ" "$TEST_MS") detections/s, both rule sets)"
say "diff        added $(jq .added <<< "$TEST"), removed $(jq .removed <<< "$TEST"), changed $(jq .changed <<< "$TEST"), unchanged $(jq .unchanged <<< "$TEST"); incidents in the database before the test $INCIDENTS_BEFORE, after $INCIDENTS_AFTER"
say "ratio       test / nightly runs = $RATIO"
say "targets     the test costs at most $TARGET_RATIO x the nightly runs: $(pass "$RATIO <= $TARGET_RATIO"); a progress update within 2 s: $(pass "${FIRST_PROGRESS_MS:-999999} <= 2000"); no incident written by the test: $(pass "$INCIDENTS_BEFORE == $INCIDENTS_AFTER")"
echo
cat "$OUT/summary.txt"
