#!/usr/bin/env bash
# The nightly correlation of one account-day: DETECTIONS (1,000,000) detections of one UTC day from the appliance
# simulator (noise plus its planted attacks) in PostgreSQL, correlated by a run of the portal's correlation job
# (POST /api/v1/accounts/{id}/correlation-runs), timed end to end, with the portal's peak heap and the detection
# quality against the simulator's plan. In the same run, SEC (the Simple Event Correlator) over the same events as a
# text log with equivalent rules (bench/sec/*.conf), with all three rules and without the pair rule.
# Usage: bench/correlate.sh      (DETECTIONS=1000000 APPLIANCES=30 DAY=yesterday HEAP_MAX=1g; see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/correlate"
DETECTIONS=${DETECTIONS:-1000000}
APPLIANCES=${APPLIANCES:-30}            # 66 hosts each (60 workstations, 6 servers): 1,980 hosts
SEED=${SEED:-42}
DAY=${DAY:-$(date -u -d yesterday +%F)}
BATCH=${BATCH:-5000}                    # lines per upload while loading
HEAP_MAX=${HEAP_MAX:-1g}
RUN_TIMEOUT=${RUN_TIMEOUT:-900}         # seconds to wait for a correlation run
RERUN=${RERUN:-1}                       # run the same day again: must raise nothing new
TARGET_SECONDS=${TARGET_SECONDS:-10}
TARGET_HEAP_MIB=${TARGET_HEAP_MIB:-1024}
TARGET_NOISE_PER_100K=${TARGET_NOISE_PER_100K:-1}
BENCH_DB=${BENCH_DB:-tmsp_bench_correlate}
PORT=${PORT:-18185}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
ADMIN=admin:bench-admin-password
BASE="http://127.0.0.1:$PORT"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
# Figures go to the summary as soon as they are known, so a run that breaks later still shows them.
say() { echo "$*" >> "$OUT/summary.txt"; }
fail() { printf '\n' >&2; cat "$OUT/summary.txt" >&2 2>/dev/null || true; printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
ms_of() { date -d "$1" +%s%3N; }
per_s() { awk -v n="$1" -v ms="$2" 'BEGIN {printf "%.0f", (ms > 0 ? n * 1000 / ms : 0)}'; }
secs() { awk -v ms="$1" 'BEGIN {printf "%.1f", ms / 1000}'; }
pass() { if awk "BEGIN {exit !($1)}"; then echo PASS; else echo FAIL; fi; }
# rule_param RULE_ID NAME DEFAULT: a parameter's default from the shipped rule's @params (windows in seconds), so that
# SEC's rules count and wait as ours do; DEFAULT when rules/ has no such rule or parameter.
rule_param() {
    local value
    value=$(cat rules/*.drl 2>/dev/null | awk -v id="@id(\"$1\")" -v name="$2" 'index($0, id) {found = 1}
        found && /@params\(/ {n = split(substr($0, index($0, "@params(\"") + 9), kv, /[,"]/)
            for (i = 1; i <= n; i++) {gsub(/ /, "", kv[i]); if (index(kv[i], name "=") == 1) print substr(kv[i], length(name) + 2)}
            exit}')
    case "$value" in
        *h) echo $(( ${value%h} * 3600 )) ;; *m) echo $(( ${value%m} * 60 )) ;; *s) echo "${value%s}" ;;
        [0-9]*) echo "$value" ;; *) echo "$3" ;;
    esac
}
# SEC's rules: thresholds and windows (seconds of SEC's own clock) as the shipped brute-force and download-then-callback.
SEC_BRUTE_COUNT=${SEC_BRUTE_COUNT:-$(rule_param brute-force attempts 20)}
SEC_BRUTE_WINDOW=${SEC_BRUTE_WINDOW:-$(rule_param brute-force window 3600)}
SEC_C2_WINDOW=${SEC_C2_WINDOW:-$(rule_param download-then-callback window 3600)}
for tool in curl psql jq python3 jstat jcmd; do command -v $tool >/dev/null || fail "needs $tool"; done
command -v sec >/dev/null || apt-get install -y sec >/dev/null || fail "needs sec (apt-get install -y sec)"

rm -rf "$OUT" && mkdir -p "$OUT/sec" && : > "$OUT/summary.txt"
JAR=$(ls "$ROOT"/target/tmsp-*.jar 2>/dev/null | head -1 || true)
[ -n "$JAR" ] || { (cd "$ROOT" && ./mvnw -B -q -DskipTests package); JAR=$(ls "$ROOT"/target/tmsp-*.jar | head -1); }
# The simulator for one whole day is a test class (tmsp.bench.SimulateDay), run from the jar's class path.
[ -f "$ROOT/target/test-classes/tmsp/bench/SimulateDay.class" ] || (cd "$ROOT" && ./mvnw -B -q test-compile)

source bench/lib/portal.sh
fresh_database
# The job runs inside the portal: its heap is capped at HEAP_MAX (running out fails the run) and every GC is
# logged with its wall-clock time, for the heap just before each collection during the run.
JAVA_OPTS="-Xmx$HEAP_MAX -Xlog:gc:file=$OUT/gc.log:timemillis ${JAVA_OPTS:-}"
trap 'kill ${APP:-} 2>/dev/null || true' EXIT
start_portal TMSP_SYSLOG_ENABLED=false TMSP_CORRELATION_LIVE=false
# Creates the account "Bench" (registration user bench-reg) and one appliance of its own that sends nothing.
register_appliance B3NCH000-0000-4000-8000-0000000000C0
ACCOUNT_ID=$(psql -At -d "$BENCH_DB" -c "select id from accounts where name = 'Bench'")

# --- The day's detections, sent by the simulator through the API as its appliances would -----------------------
log "simulator: $DETECTIONS detections of $DAY (UTC) from $APPLIANCES appliances, uploads of $BATCH lines"
t0=$(now_ms)
java -Xmx4g -Dloader.path="$ROOT/target/test-classes" -Dloader.main=tmsp.bench.SimulateDay -cp "$JAR" \
    org.springframework.boot.loader.launch.PropertiesLauncher --day "$DAY" --url "$BASE" \
    --registration-user bench-reg --registration-password bench-registration --appliances "$APPLIANCES" \
    --events "$DETECTIONS" --seed "$SEED" --batch "$BATCH" --transport http --heartbeat-every 1h \
    --plan-json "$OUT/plan.json" > "$OUT/simulator.txt" 2>&1 \
    || { tail -5 "$OUT/simulator.txt" >&2; fail "the simulator did not deliver everything (see $OUT/simulator.txt)"; }
LOAD_MS=$(( $(now_ms) - t0 ))
SEND_S=$(sed -n 's/^Sent in \([0-9.]*\) s.*/\1/p' "$OUT/simulator.txt")
LINES=$(jq .lines "$OUT/plan.json")
BENIGN=$(jq .noise "$OUT/plan.json")
DAY_FROM="${DAY}T00:00:00Z" DAY_TO="$(date -u -d "$DAY + 1 day" +%F)T00:00:00Z"
STORED=$(psql -At -d "$BENCH_DB" -c "select count(*) from detections where account_id = $ACCOUNT_ID
    and event_time >= '$DAY_FROM' and event_time < '$DAY_TO'")
HOSTS=$(psql -At -d "$BENCH_DB" -c "select count(distinct h) from (
      select coalesce(src_host, src_address) h from detections where account_id = $ACCOUNT_ID and src_address like '10.%'
      union all select coalesce(dst_host, dst_address) from detections where account_id = $ACCOUNT_ID and dst_address like '10.%') x")
say "== correlation of one account-day: $DAY (UTC), seed $SEED, $APPLIANCES appliances, PostgreSQL"
say "data        $STORED detections stored of $LINES sent ($BENIGN benign, $((LINES - BENIGN)) planted in $(jq '.planted | length' "$OUT/plan.json") scenarios), $HOSTS internal hosts; sent through the API in $SEND_S s ($(per_s "$STORED" "$(awk -v s="$SEND_S" 'BEGIN {printf "%.0f", s * 1000}')") detections/s), $(secs $LOAD_MS) s with generating them"
[ "$STORED" = "$LINES" ] || fail "$STORED detections stored for $DAY, the simulator sent $LINES"
psql -q -d "$BENCH_DB" -c "analyze detections"

# --- SEC over the same events as a text log -----------------------------------------------------------------------
log "exporting the day as a text log for SEC"
t0=$(now_ms)
psql -q -d "$BENCH_DB" -c "\\copy (select to_char(event_time at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')
    || ' sev=' || severity
    || ' host=' || coalesce(case when direction = 'INBOUND' then coalesce(dst_host, dst_address)
                                 else coalesce(src_host, src_address) end, '-')
    || ' src=' || coalesce(src_address, '-') || ' dst=' || coalesce(dst_address, '-')
    || ' dpt=' || coalesce(dst_port::text, '-') || ' threat=' || coalesce(replace(threat_name, ' ', '_'), '-')
    || ' event=' || coalesce(event_name, '-')
  from detections where account_id = $ACCOUNT_ID and event_time >= '$DAY_FROM' and event_time < '$DAY_TO'
  order by event_time, id) to '$OUT/events.log'"
EXPORT_MS=$(( $(now_ms) - t0 ))
EVENTS=$(wc -l < "$OUT/events.log")
[ "$EVENTS" = "$STORED" ] || fail "the text log has $EVENTS lines, $STORED detections are stored"
for conf in bench/sec/*.conf; do
    sed -e "s/BRUTE_FORCE_COUNT/$SEC_BRUTE_COUNT/; s/BRUTE_FORCE_WINDOW/$SEC_BRUTE_WINDOW/; s/C2_WINDOW/$SEC_C2_WINDOW/" \
        "$conf" > "$OUT/sec/$(basename "$conf")"
done
# run_sec NAME CONF...: SEC reads the log to its end and exits; sets SEC_MS and SEC_CPU_MS (its user + system
# time: steadier than the elapsed time when other work shares the CPUs) and leaves its matches in $OUT/NAME.out
run_sec() {
    local name=$1; shift
    local args=(--notail --nointevents --input="$OUT/events.log" --log="$OUT/$name.log" --debug=3)
    for conf in "$@"; do args+=(--conf="$OUT/sec/$conf"); done
    sec --testonly "${args[@]}" > /dev/null || fail "SEC does not accept $* (see $OUT/$name.log)"
    local t0; t0=$(now_ms)
    TIMEFORMAT='%U %S'
    { time sec "${args[@]}" > "$OUT/$name.out" ; } 2> "$OUT/$name.time" || fail "SEC failed on $* (see $OUT/$name.log)"
    SEC_MS=$(( $(now_ms) - t0 ))
    SEC_CPU_MS=$(awk '{printf "%.0f", ($1 + $2) * 1000}' "$OUT/$name.time")
}
log "SEC with all three rules"
run_sec sec-all brute-force.conf c2-callback.conf critical.conf
SEC_ALL_MS=$SEC_MS SEC_ALL_CPU_MS=$SEC_CPU_MS
log "SEC without the pair rule"
run_sec sec-nopair brute-force.conf critical.conf
SEC_NOPAIR_MS=$SEC_MS SEC_NOPAIR_CPU_MS=$SEC_CPU_MS
SEC_ALL_RATE=$(per_s "$EVENTS" "$SEC_ALL_MS") SEC_NOPAIR_RATE=$(per_s "$EVENTS" "$SEC_NOPAIR_MS")
matches() { grep -c "^$2 " "$OUT/$1.out" || true; }
ATTACKER=$(jq -r '.planted[] | select(.scenario == "BRUTE_FORCE") | .remote' "$OUT/plan.json")
C2_HOST=$(jq -r '.planted[] | select(.scenario == "C2_CALLBACK") | .hosts[0]' "$OUT/plan.json")
found_by_sec() { if grep -q -F -- "$2" "$OUT/sec-all.out"; then echo "found"; else echo "MISSED"; fi; }
say "sec log     $EVENTS lines exported with psql \\copy in $(secs $EXPORT_MS) s (rules: brute force $SEC_BRUTE_COUNT in ${SEC_BRUTE_WINDOW} s keyed on src+dst; download then C&C from one host within ${SEC_C2_WINDOW} s; any critical)"
say "sec         all three rules: $(secs $SEC_ALL_MS) s, $SEC_ALL_RATE events/s (CPU $(secs $SEC_ALL_CPU_MS) s: $(per_s "$EVENTS" "$SEC_ALL_CPU_MS") per CPU-second); matches: brute force $(matches sec-all brute-force), C&C pair $(matches sec-all c2-callback), critical $(matches sec-all critical); planted brute force ${ATTACKER:-none}: $( [ -n "$ATTACKER" ] && found_by_sec brute-force "src=$ATTACKER " || echo -), planted C&C on ${C2_HOST:-none}: $( [ -n "$C2_HOST" ] && found_by_sec c2-callback "host=$C2_HOST " || echo -)"
say "sec         without the pair rule: $(secs $SEC_NOPAIR_MS) s, $SEC_NOPAIR_RATE events/s (CPU $(secs $SEC_NOPAIR_CPU_MS) s: $(per_s "$EVENTS" "$SEC_NOPAIR_CPU_MS") per CPU-second); matches: brute force $(matches sec-nopair brute-force), critical $(matches sec-nopair critical)"
say "            (SEC times its windows by its own clock, never by the events' time: read at full speed, a window spans most of the day)"

# --- The correlation run, inside the portal -------------------------------------------------------------------------
heap_used_mib() {  # the used heap now (jstat: survivors + eden + old, KiB)
    jstat -gc "$APP" | awk 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i} NR == 2 {printf "%.0f", ($c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]) / 1024}'
}
machine_cpu_ms() { head -1 /proc/stat | awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f", ($2 + $3 + $4 + $7 + $8 + $9) * 1000 / hz}'; }
app_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) * 1000 / hz}' "/proc/$APP/stat"; }
# compiler_gc_cpu_ms: "<JIT compiler threads' CPU ms> <collector threads' CPU ms>" of the portal so far (threads that
# ended are not counted; these never end). What a first run after start-up pays beside a warm one shows here.
compiler_gc_cpu_ms() {
    local hz; hz=$(getconf CLK_TCK)
    for task in /proc/"$APP"/task/*; do
        printf '%s %s\n' "$(cat "$task/comm" 2>/dev/null)" "$(sed 's/.*) //' "$task/stat" 2>/dev/null | cut -d' ' -f12,13)"
    done | awk -v hz="$hz" '/^C[12] CompilerThre/ {c += $(NF-1) + $NF} /^GC Thread/ {g += $(NF-1) + $NF}
        END {printf "%.0f %.0f", c * 1000 / hz, g * 1000 / hz}'
}
# correlate NAME: POSTs a run of DAY, polls it until DONE (FAILED or no answer breaks the bench run), samples the
# heap every 100 ms meanwhile; sets RUN (the final JSON), RUN_WALL_MS, RUN_T0/RUN_T1, PEAK_SAMPLED_MIB and
# RUN_CPU_MS (the portal's CPU time from POST to DONE: every thread of it, the job, GC and JIT; of it RUN_JIT_MS the
# JIT compiler's threads and RUN_GC_MS the collector's) and RUN_MACHINE_MS
# (the CPU time of the whole machine meanwhile: PostgreSQL's share and other work on it).
correlate() {
    local name=$1 code location status t0
    jstat -gc "$APP" 100 > "$OUT/$name-jstat.txt" 2>&1 &
    local sampler=$!
    # jstat is a JVM of its own: let it take its first samples before the run starts.
    for _ in $(seq 1 100); do [ "$(wc -l < "$OUT/$name-jstat.txt")" -ge 3 ] && break; sleep 0.1; done
    local cpu0 machine0 split0 split1; cpu0=$(app_cpu_ms) machine0=$(machine_cpu_ms) split0=$(compiler_gc_cpu_ms)
    RUN_T0=$(now_ms)
    code=$(curl -s -u "$ADMIN" -H 'Content-Type: application/json' -d "{\"day\":\"$DAY\"}" -o "$OUT/$name-post.json" \
        -D "$OUT/$name-post.headers" -w '%{http_code}' "$BASE/api/v1/accounts/$ACCOUNT_ID/correlation-runs" || true)
    if [ "$code" != 202 ]; then
        kill $sampler 2>/dev/null || true
        fail "correlation-runs API not available: POST /api/v1/accounts/$ACCOUNT_ID/correlation-runs answered HTTP $code, not 202 ($(head -c 300 "$OUT/$name-post.json" 2>/dev/null))"
    fi
    location=$(tr -d '\r' < "$OUT/$name-post.headers" | awk 'tolower($1) == "location:" {print $2}')
    [ -n "$location" ] || fail "the correlation run was accepted without a Location header"
    [[ $location == http* ]] || location="$BASE$location"
    # One poller process on one connection: a shell loop of curl and jq cost ~70 ms of CPU a poll.
    local waited=0
    RUN=$(python3 "$ROOT/bench/tools/await-run.py" "$location" "$OUT/session.txt" "$RUN_TIMEOUT") || waited=$?
    RUN_T1=$(now_ms)
    [ "$waited" != 1 ] || fail "the correlation run did not finish within $RUN_TIMEOUT s ($location)"
    [ "$waited" = 0 ] || fail "GET $location failed"
    status=$(jq -r .status <<< "$RUN")
    RUN_WALL_MS=$(( RUN_T1 - RUN_T0 ))
    RUN_CPU_MS=$(( $(app_cpu_ms) - cpu0 )) RUN_MACHINE_MS=$(( $(machine_cpu_ms) - machine0 ))
    split1=$(compiler_gc_cpu_ms)
    RUN_JIT_MS=$(( ${split1% *} - ${split0% *} )) RUN_GC_MS=$(( ${split1#* } - ${split0#* } ))
    kill $sampler 2>/dev/null || true
    echo "$RUN" > "$OUT/$name-run.json"
    [ "$status" = DONE ] || fail "the correlation run ended $status: $(jq -r .error <<< "$RUN") (with HEAP_MAX=$HEAP_MAX an OutOfMemoryError means the heap target is missed; see $OUT/app.log)"
    PEAK_SAMPLED_MIB=$(awk 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i; next} $1 ~ /^[0-9.]+$/ {u = ($c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]) / 1024; if (u > m) m = u} END {printf "%.0f", m}' "$OUT/$name-jstat.txt")
}
# The heap just before each GC during the run, from the GC log ("[<epoch ms>ms] GC(n) Pause ... 612M->85M(1024M)").
peak_before_gc_mib() {
    awk -v t0="$RUN_T0" -v t1="$RUN_T1" 'match($0, /^\[[0-9]+ms\]/) {t = substr($0, 2, RLENGTH - 4) + 0}
        t >= t0 && t <= t1 && match($0, /[0-9]+M->/) {v = substr($0, RSTART, RLENGTH - 3) + 0; if (v > m) m = v}
        END {print m + 0}' "$OUT/gc.log"
}

web_session "$OUT/session.txt"   # polls the run with a session, not a password check each time
jcmd "$APP" GC.run > /dev/null
HEAP_BEFORE_MIB=$(heap_used_mib)
LOAD_BEFORE="CPU load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
log "correlation run of $DAY for account $ACCOUNT_ID (heap $HEAP_BEFORE_MIB MiB used after a GC; $LOAD_BEFORE)"
correlate run1
READ=$(jq .detectionsRead <<< "$RUN")
JOB_MS=$(( $(ms_of "$(jq -r .finishedAt <<< "$RUN")") - $(ms_of "$(jq -r .startedAt <<< "$RUN")") ))
WALL_MS=$RUN_WALL_MS CPU_MS=$RUN_CPU_MS MACHINE_MS=$RUN_MACHINE_MS JIT_MS=$RUN_JIT_MS GC_MS=$RUN_GC_MS
PEAK_MIB=$PEAK_SAMPLED_MIB
PEAK_GC_MIB=$(peak_before_gc_mib)
RULES=$(cat rules/*.drl | grep -c '@id(' || true)
RATE=$(per_s "$READ" "$WALL_MS")
say "tmsp        run $(jq -r .runId <<< "$RUN") (rule set $(jq -r .ruleSetVersion <<< "$RUN"), $RULES rules with an @id in $(ls rules/*.drl | wc -l) files of rules/): $READ detections read, $(jq .incidentsRaised <<< "$RUN") incidents raised, $(jq .incidentsUpdated <<< "$RUN") updated"
say "tmsp        job $(secs $JOB_MS) s (startedAt to finishedAt): $(per_s "$READ" "$JOB_MS") detections/s; end to end (POST to DONE) $(secs $WALL_MS) s: $RATE detections/s; CPU of the portal meanwhile $(secs $CPU_MS) s: $(per_s "$READ" "$CPU_MS") per CPU-second (of it the JIT compiler $(secs $JIT_MS) s, the collector $(secs $GC_MS) s); the whole machine $(secs $MACHINE_MS) s of $(secs $(( WALL_MS * $(nproc) ))) s ($(nproc) CPUs)"
say "heap        $HEAP_BEFORE_MIB MiB used before the run (after a GC); peak during it $PEAK_MIB MiB (jstat every 100 ms), $( [ "$PEAK_GC_MIB" = 0 ] && echo "no GC during it" || echo "$PEAK_GC_MIB MiB just before a GC (GC log)"); -Xmx$HEAP_MAX"
(( READ >= STORED )) || fail "the run read $READ detections, $STORED are stored for $DAY"

if [ "$RERUN" = 1 ]; then
    log "the same day again"
    correlate run2
    say "rerun       the same day again: $(jq .detectionsRead <<< "$RUN") read, $(jq .incidentsRaised <<< "$RUN") incidents raised (must be 0), $(jq .incidentsUpdated <<< "$RUN") updated, end to end $(secs $RUN_WALL_MS) s; peak heap $PEAK_SAMPLED_MIB MiB; CPU of the portal $(secs $RUN_CPU_MS) s (the JIT compiler $(secs $RUN_JIT_MS) s, the collector $(secs $RUN_GC_MS) s)"
    WARM_WALL_MS=$RUN_WALL_MS WARM_PEAK_MIB=$PEAK_SAMPLED_MIB
    (( $(jq .incidentsRaised <<< "$RUN") == 0 )) || fail "running the same day again raised incidents"
fi

# --- Detection quality against the simulator's plan ---------------------------------------------------------------
log "incidents of the account"
echo '[]' > "$OUT/incidents.json"
page=0 size=200
while :; do
    curl -fs -u "$ADMIN" "$BASE/api/v1/accounts/$ACCOUNT_ID/incidents?page=$page&size=$size" > "$OUT/incidents-page.json" \
        || fail "GET /api/v1/accounts/$ACCOUNT_ID/incidents?page=$page&size=$size failed"
    jq 'if type == "array" then . else (.items // .content) end' "$OUT/incidents-page.json" > "$OUT/incidents-items.json"
    jq -s '.[0] + .[1]' "$OUT/incidents.json" "$OUT/incidents-items.json" > "$OUT/incidents-all.json"
    mv "$OUT/incidents-all.json" "$OUT/incidents.json"
    got=$(jq length "$OUT/incidents-items.json") total=$(jq 'if type == "array" then null else (.total // .totalElements) end' "$OUT/incidents-page.json")
    if [ "$total" != null ]; then (( $(jq length "$OUT/incidents.json") < total && got > 0 )) || break
    else (( got == size )) || break; fi
    page=$((page + 1))
done
INCIDENTS=$(jq length "$OUT/incidents.json")
# The addresses of the planted hosts, as the stored detections give them.
psql -At -F ' ' -d "$BENCH_DB" -c "select distinct h, a from (
      select src_host h, src_address a from detections where account_id = $ACCOUNT_ID and event_time >= '$DAY_FROM' and event_time < '$DAY_TO'
      union all select dst_host, dst_address from detections where account_id = $ACCOUNT_ID and event_time >= '$DAY_FROM' and event_time < '$DAY_TO'
    ) x where h in ($(jq -r '[.planted[].hosts[] | "'\''\(.)'\''"] | join(",")' "$OUT/plan.json"))
    and a is not null" > "$OUT/planted-addresses.txt"
python3 bench/tools/correlate-quality.py "$OUT/plan.json" "$OUT/incidents.json" "$OUT/planted-addresses.txt" "$BENIGN" > "$OUT/quality.txt"
read -r _ PLANTED FOUND NOISE _ < <(tail -1 "$OUT/quality.txt")
NOISE_PER_100K=$(awk -v n="$NOISE" -v b="$BENIGN" 'BEGIN {printf "%.2f", (b > 0 ? n * 100000 / b : 0)}')
say "quality     $INCIDENTS incidents; planted scenarios found $FOUND of $PLANTED ($(awk -v f="$FOUND" -v p="$PLANTED" 'BEGIN {printf "%.0f", (p > 0 ? 100 * f / p : 100)}') %); incidents from noise $NOISE: $NOISE_PER_100K per 100,000 benign detections"
sed '$d' "$OUT/quality.txt" >> "$OUT/summary.txt"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
TMSP_PER_CPU=$(per_s "$READ" "$CPU_MS")
say "ratio       TMSP / SEC = $(ratio "$RATE" "$SEC_ALL_RATE") (all three rules), $(ratio "$RATE" "$SEC_NOPAIR_RATE") (without the pair rule): TMSP end to end with all its rules against SEC's elapsed time; per CPU-second $(ratio "$TMSP_PER_CPU" "$(per_s "$EVENTS" "$SEC_ALL_CPU_MS")") and $(ratio "$TMSP_PER_CPU" "$(per_s "$EVENTS" "$SEC_NOPAIR_CPU_MS")")"
say "targets     cold (the first run after start-up): $READ detections end to end in <= $TARGET_SECONDS s: $(pass "$WALL_MS <= $TARGET_SECONDS * 1000"); peak heap <= $TARGET_HEAP_MIB MiB: $(pass "$PEAK_MIB <= $TARGET_HEAP_MIB && $PEAK_GC_MIB <= $TARGET_HEAP_MIB"); faster than SEC with all three rules: $(pass "$RATE > $SEC_ALL_RATE"), without the pair rule: $(pass "$RATE > $SEC_NOPAIR_RATE")"
if [ "$RERUN" = 1 ]; then
    # The first run after start-up also pays for compiling the rules' constraints and the JIT's warm-up; a portal
    # that has been up runs every later account-day as warm as the rerun.
    WARM_RATE=$(per_s "$READ" "$WARM_WALL_MS")
    say "targets     warm (the rerun): end to end $(secs $WARM_WALL_MS) s <= $TARGET_SECONDS s: $(pass "$WARM_WALL_MS <= $TARGET_SECONDS * 1000"); peak heap $WARM_PEAK_MIB MiB: $(pass "$WARM_PEAK_MIB <= $TARGET_HEAP_MIB"); $WARM_RATE detections/s, faster than SEC with all three rules ($SEC_ALL_RATE/s): $(pass "$WARM_RATE > $SEC_ALL_RATE"), without the pair rule ($SEC_NOPAIR_RATE/s): $(pass "$WARM_RATE > $SEC_NOPAIR_RATE")"
fi
say "targets     recall 100 %: $(pass "$FOUND == $PLANTED"); <= $TARGET_NOISE_PER_100K incident from noise per 100,000 benign detections: $(pass "$NOISE_PER_100K <= $TARGET_NOISE_PER_100K")"
echo
cat "$OUT/summary.txt"
