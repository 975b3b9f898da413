#!/usr/bin/env bash
# The night's reports of 1,000 accounts, made and mailed, against the 10-minute target; with its baseline.
#
#   bench/reports.sh                                 # 1,000 accounts, 40 incidents each on the day
#   BENCH_ACCOUNTS=200 BENCH_INCIDENTS=100 bench/reports.sh
#
# What it does: runs ReportNightBench (test sources, not part of ./mvnw verify) on its own PostgreSQL database
# (BENCH_DB, tmsp_bench_reports, created by the tests' PostgresTestDatabase), with Camunda's job executor on and
# GreenMail as a local SMTP server in the same JVM. It seeds the accounts, their products, the day's incidents and
# one recipient each by SQL; then publishes the nightly CorrelationFinished event of every account for the worst
# night (a Saturday that ends its month: daily, weekly and monthly reports), and waits until every
# report-distribution process has ended and every mail has arrived. Prints
#   night     reports made and mailed, seconds, reports/s, PASS/FAIL against 600 s
#   cpu       the portal JVM's CPU seconds for the night, per report, and the night of 3,000 reports that gives on
#             the machine's cores when nothing else runs (the wall clock of a shared machine says little)
#   heap      used heap before and its peak during the night (sampled every 200 ms)
#   one PDF   p50/p95 (wall clock and CPU) of rendering one monthly report's PDF, beside the baseline: the HTML view
#             of the same content
# The run fails (exit code not 0) if a mail is missing after 45 minutes.
# Settings (environment): BENCH_ACCOUNTS (1000) BENCH_INCIDENTS (40) BENCH_DB (tmsp_bench_reports)
# Needs: java 17, PostgreSQL on 127.0.0.1:5432 (user postgres may create databases).
set -Eeuo pipefail
trap 'echo "FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
export BENCH_ACCOUNTS=${BENCH_ACCOUNTS:-1000}
export BENCH_INCIDENTS=${BENCH_INCIDENTS:-40}
export TMSP_TEST_DB=${BENCH_DB:-tmsp_bench_reports}
LOG="$OUT/reports-$(date +%Y%m%d-%H%M%S).log"

case "${1:-}" in
    -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

echo "reports bench: $BENCH_ACCOUNTS accounts, $BENCH_INCIDENTS incidents each, database $TMSP_TEST_DB; log $LOG"
status=0
./mvnw -B -q verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReportNightBench \
    -Dfailsafe.failIfNoSpecifiedTests=false > "$LOG" 2>&1 || status=$?
grep -h "^RESULT\|^seeded" "$LOG" "$ROOT"/target/failsafe-reports/tmsp.report.internal.ReportNightBench-output.txt 2>/dev/null \
    | sed 's/^RESULT //' | sort -u || true
if [ "$status" != 0 ]; then
    echo "FAILED: see $LOG and target/failsafe-reports/" >&2
    exit "$status"
fi
