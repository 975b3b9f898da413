#!/usr/bin/env bash
# Fuzzes ingest's parser entry points and the confinement of rule drafts with Jazzer, each for MINUTES
# (default 5), after a self-check.
#
#   bench/fuzz.sh [MINUTES] [TARGET...]      targets: the @FuzzTest methods of tmsp.ingest.internal.IngestFuzzTest
#                                            and tmsp.correlation.internal.ConfinementFuzzTest (all by default)
#
# First the self-check: PlantedBugFuzzTarget hides a bug behind a marker and a 32-bit number; the script fails
# unless the fuzzer finds it within a minute, so a set-up that only replays its corpus cannot pass for fuzzing.
# Then each target in fuzzing mode, and the corpus it grew replayed in regression mode, which adds the check
# fuzzing leaves out (what each input allocates: the fuzzer's own tracing would swamp it). Per target it prints
# the executions, their rate, the coverage the seed corpus alone reaches (the baseline of the same run) and the
# coverage after fuzzing, the inputs replayed, and the findings of both passes.
# A finding is written into the target's inputs folder under src/test/resources, where `./mvnw verify` replays
# it: it fails the build until it is fixed, and stays as a corpus entry afterwards. The corpus the fuzzer grows
# is kept in bench/out/fuzz/corpus/ for the next run.
#
# Jazzer is started from its own command line rather than through Maven (JAZZER_FUZZ=1 ./mvnw test ...) so
# libFuzzer's progress lines reach the log instead of surefire's stream dump; it runs the same JUnit fuzz tests.
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=${1:-5}
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(cefLine leefLine ndjsonLine syslogLine syslogStream uploadBody cefRoundTrip consequence wholeDraft)
fi

# class_of TARGET -> the fuzz test class that holds it
class_of() {
    case "$1" in
        consequence|wholeDraft) echo tmsp.correlation.internal.ConfinementFuzzTest ;;
        *) echo tmsp.ingest.internal.IngestFuzzTest ;;
    esac
}

# inputs_of TARGET -> its corpus folder under src/test/resources, where regression mode finds it
inputs_of() {
    local class
    class=$(class_of "$1")
    echo "src/test/resources/${class//.//}Inputs/$1"
}
SELF_CHECK_SECONDS=60
OUT=bench/out/fuzz
mkdir -p "$OUT/logs" "$OUT/corpus" "$OUT/self-check"

echo "== building the test classes"
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP="$PWD/target/test-classes:$PWD/target/classes:$(cat "$OUT/classpath.txt")"

# fuzz CLASS METHOD SECONDS CORPUS_DIR ARTIFACT_PREFIX LOG -> libFuzzer's exit code; it goes on after a
# finding, up to KEEP_GOING (20) distinct ones. Value profiling makes the
# fuzzer close in on compared values bit by bit (without it the self-check's magic number was not found in a minute).
fuzz() {
    local status=0
    JAZZER_FUZZ=1 java -Xmx1g -cp "$CP" com.code_intelligence.jazzer.Jazzer \
        --target_class="$1" --target_method="$2" --keep_going="${KEEP_GOING:-20}" \
        -max_total_time="$3" -timeout=10 -max_len=8192 -use_value_profile=1 -print_final_stats=1 \
        -artifact_prefix="$5" "$4" >"$6" 2>&1 || status=$?
    return $status
}

# field LOG LINE_KIND NAME -> the value of NAME (cov, ft, corp, exec/s) on the last libFuzzer line of LINE_KIND
field() {
    grep -a -E "^#[0-9]+[[:space:]]+$2" "$1" | tail -1 | sed -E "s/.*[[:space:]]$3: ([^[:space:]]+).*/\1/" || true
}

# replay TARGET: the corpus fuzzing grew, first on the class path, replayed in regression mode; an input that
# fails there is copied into the target's inputs folder as a finding
replay() {
    local dir="$OUT/replay/$1" log="$OUT/logs/$1-replay.log" inputs
    inputs=$(inputs_of "$1")
    rm -rf "$dir" && mkdir -p "$dir/$(dirname "${inputs#src/test/resources/}")"
    cp -r "$OUT/corpus/$1" "$dir/${inputs#src/test/resources/}"
    env -u JAZZER_FUZZ java -Xmx1g -Djazzer.hooks=false -cp "$PWD/$dir:$CP" tmsp.fuzz.ReplayCorpus "$(class_of "$1")" "$1" \
        >"$log" 2>&1 || true
    sed -n -E 's/^failed input: (.*)/\1/p' "$log" | while read -r input; do
        if [ -f "$OUT/corpus/$1/$input" ]; then
            cp "$OUT/corpus/$1/$input" "$inputs/finding-replay-$input"
        fi
    done
}

echo "== self-check: the planted bug must be found within ${SELF_CHECK_SECONDS} s"
rm -rf "$OUT/self-check" && mkdir -p "$OUT/self-check/corpus"
SELF_LOG="$OUT/logs/self-check.log"
started=$(date +%s)
KEEP_GOING=0 fuzz tmsp.fuzz.PlantedBugFuzzTarget plantedBug "$SELF_CHECK_SECONDS" "$OUT/self-check/corpus" \
    "$OUT/self-check/" "$SELF_LOG" || true
took=$(( $(date +%s) - started ))
if grep -a -q "the planted bug was found" "$SELF_LOG"; then
    runs=$(sed -n -E 's/^stat::number_of_executed_units: *//p' "$SELF_LOG" | head -1)
    echo "self-check PASS: found after ${runs:-?} executions, ${took} s including the JVM's start"
else
    echo "self-check FAIL: the planted bug was not found in ${SELF_CHECK_SECONDS} s; see $SELF_LOG"
    exit 1
fi

printf "\n== fuzzing %d target(s), %s min each\n" "${#TARGETS[@]}" "$MINUTES"
printf "%-14s %12s %8s %14s %14s %9s %9s %9s\n" target executions exec/s "cov seeds" "cov fuzzed" corpus replayed findings
failed=0
for target in "${TARGETS[@]}"; do
    log="$OUT/logs/$target.log"
    inputs=$(inputs_of "$target")
    mkdir -p "$OUT/corpus/$target" "$inputs"
    before=$(ls "$inputs" | wc -l)
    fuzz "$(class_of "$target")" "$target" $((MINUTES * 60)) "$OUT/corpus/$target" "$inputs/finding-" "$log" || true
    replay "$target"
    after=$(ls "$inputs" | wc -l)
    findings=$((after - before))
    executions=$(grep -a -E "^stat::number_of_executed_units:" "$log" | sed -E 's/.*: *//' | tail -1)
    rate=$(grep -a -E "^stat::average_exec_per_sec:" "$log" | sed -E 's/.*: *//' | tail -1)
    replayed=$(sed -n -E 's/^replayed ([0-9]+) inputs.*/\1/p' "$OUT/logs/$target-replay.log")
    printf "%-14s %12s %8s %14s %14s %9s %9s %9s\n" "$target" "${executions:-?}" "${rate:-?}" \
        "$(field "$log" INITED cov)/$(field "$log" INITED ft)" \
        "$(field "$log" '(DONE|pulse|NEW|REDUCE)' cov)/$(field "$log" '(DONE|pulse|NEW|REDUCE)' ft)" \
        "$(field "$log" '(DONE|pulse|NEW|REDUCE)' corp)" "${replayed:-?}" "$findings"
    if [ "$findings" -gt 0 ] || ! grep -a -q "^stat::number_of_executed_units" "$log" || [ -z "$replayed" ]; then
        failed=1
        grep -a -A6 "== Java Exception" "$log" | head -40 || true
        grep -a -A8 "^failed input" "$OUT/logs/$target-replay.log" | head -40 || true
        echo "(see $log and $OUT/logs/$target-replay.log)"
    fi
done
echo "(cov/ft: libFuzzer's covered edges/features; 'cov seeds' is what replaying the seed corpus reaches)"
if [ $failed -ne 0 ]; then
    echo "FAIL: findings were written to the targets' inputs folders (finding-*); ./mvnw verify replays them until fixed"
    exit 1
fi
echo "PASS: no findings"
