#!/usr/bin/env bash
# Issue 8, publication: two portal nodes on loopback share one PostgreSQL database; an analyst submits a rule set
# draft on node 1 (/rules/drafts/{id}/review), another analyst approves it in node 1's task list over HTTP, and both
# nodes' GET /api/v1/rule-sets/published are polled until each says it correlates with the new version. Prints the
# time from the approval to node 1 using it and to node 2 using it (target: under TARGET_SECONDS, 5), and in the same
# run the baseline: the time to compile the rule set once (tmsp.bench.CompileRuleSet, as an approval compiles it).
# Usage: bench/publication.sh      (PORT1=18081 PORT2=18082 REFRESH=2s BENCH_DB=tmsp_bench_publication PORTAL_START_TIMEOUT=600
#                                   REVIEW_SECONDS=30: how long the reviewer reads before approving)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/publication"
PORT1=${PORT1:-18081}
PORT2=${PORT2:-18082}
REFRESH=${REFRESH:-2s}                  # tmsp.rules.refresh of both nodes (the default)
REVIEW_SECONDS=${REVIEW_SECONDS:-30}    # how long the reviewer reads before approving (the nodes compile the draft meanwhile)
TARGET_SECONDS=${TARGET_SECONDS:-5}
POLL_TIMEOUT=${POLL_TIMEOUT:-60}        # seconds to wait for both nodes
export PORTAL_START_TIMEOUT=${PORTAL_START_TIMEOUT:-600}   # a busy machine starts a node in minutes
BENCH_DB=${BENCH_DB:-tmsp_bench_publication}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
say() { echo "$*" | tee -a "$OUT/summary.txt"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN {printf "%.2f", ms / 1000}'; }
pass() { if awk "BEGIN {exit !($1)}"; then echo PASS; else echo FAIL; fi; }
for tool in curl psql jq java; do command -v $tool >/dev/null || fail "needs $tool"; done

rm -rf "$OUT" && mkdir -p "$OUT" && : > "$OUT/summary.txt"
JAR=$(ls "$ROOT"/target/tmsp-*.jar 2>/dev/null | head -1 || true)
[ -n "$JAR" ] || { (cd "$ROOT" && ./mvnw -B -q -DskipTests package); JAR=$(ls "$ROOT"/target/tmsp-*.jar | head -1); }
[ -f "$ROOT/target/test-classes/tmsp/bench/CompileRuleSet.class" ] || (cd "$ROOT" && ./mvnw -B -q test-compile)

source bench/lib/portal.sh
fresh_database
trap 'kill ${NODE1:-} ${NODE2:-} ${APP:-} 2>/dev/null || true' EXIT
# One after the other: the first seeds the schema, version 1 of the rule set and the administrator.
PORT=$PORT1 PORTAL_LOG=node1.log start_portal TMSP_SYSLOG_ENABLED=false TMSP_RULES_REFRESH="$REFRESH"
NODE1=$APP
PORT=$PORT2 PORTAL_LOG=node2.log start_portal TMSP_SYSLOG_ENABLED=false TMSP_RULES_REFRESH="$REFRESH"
NODE2=$APP
log "node 1 (pid $NODE1) on $PORT1, node 2 (pid $NODE2) on $PORT2, one database $BENCH_DB"

# Two analysts with the administrator's password (its hash copied): ann writes the draft, bob reviews it.
psql -q -d "$BENCH_DB" <<SQL
insert into users (username, password_hash, display_name, created_at)
  select u.name, a.password_hash, u.name, now() from users a, (values ('ann'), ('bob')) as u(name)
  where a.username = 'admin';
insert into user_roles (user_id, role) select id, 'ANALYST' from users where username in ('ann', 'bob');
SQL
# The draft: a copy of the published version with one parameter changed, made as RuleSetStore.createDraft makes it
# (the editor's pages are not what is measured here).
DRAFT=$(psql -At -d "$BENCH_DB" <<SQL | grep -E '^[0-9]+$'
with base as (select id from rule_set_versions where state = 'PUBLISHED'),
draft as (insert into rule_set_versions (state, author, title, base_version_id, created_at, updated_at)
          select 'DRAFT', 'ann', 'bench: outbreaks from five hosts', id, now(), now() from base returning id),
files as (insert into rule_set_files (version_id, file_name, drl)
          select draft.id, f.file_name, f.drl from draft, rule_set_files f, base where f.version_id = base.id)
insert into rule_set_parameters (version_id, rule_id, param_name, param_value)
  select id, 'malware-outbreak', 'hosts', '5' from draft returning version_id;
SQL
)
[ -n "$DRAFT" ] || fail "no draft made"

form_token() { grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)"/\1/' | head -1; }
PORT=$PORT1 web_session "$OUT/ann.cookies" ann
PORT=$PORT1 web_session "$OUT/bob1.cookies" bob
PORT=$PORT2 web_session "$OUT/bob2.cookies" bob

log "ann submits draft #$DRAFT on node 1"
csrf=$(curl -fs -b "$OUT/ann.cookies" "http://127.0.0.1:$PORT1/rules/drafts/$DRAFT/review" | form_token)
[ -n "$csrf" ] || fail "no submit form on /rules/drafts/$DRAFT/review"
curl -fs -o /dev/null -b "$OUT/ann.cookies" --data-urlencode "_csrf=$csrf" --data-urlencode "comment=bench" \
  "http://127.0.0.1:$PORT1/rules/drafts/$DRAFT/review"
[ "$(psql -At -d "$BENCH_DB" -c "select state from rule_set_versions where id = $DRAFT")" = IN_REVIEW ] \
  || fail "the draft is not in review after submitting"
TASK=$(psql -At -d "$BENCH_DB" -c "select t.id_ from act_ru_task t join rule_set_versions v
  on t.proc_inst_id_ = v.review_process_id where v.id = $DRAFT")
[ -n "$TASK" ] || fail "no review task for draft #$DRAFT"
csrf=$(curl -fs -b "$OUT/bob1.cookies" "http://127.0.0.1:$PORT1/tasks/$TASK" | tee "$OUT/task.html" | form_token)
grep -q 'id="rule-review-form"' "$OUT/task.html" || fail "the task page has no review form"

published() { curl -s -b "$OUT/$1" "http://127.0.0.1:$2/api/v1/rule-sets/published"; }
BEFORE=$(published bob1.cookies "$PORT1" | jq -r .inUseOnThisNode)
[ "$(published bob2.cookies "$PORT2" | jq -r .inUseOnThisNode)" = "$BEFORE" ] || fail "the nodes start on different versions"

# A reviewer reads the diff and the test before deciding; meanwhile every node compiles the version in review
# (ReviewPreparation). REVIEW_SECONDS=0 approves at once, before they can: then the approval compiles.
log "bob reads the review for ${REVIEW_SECONDS}s"
sleep "$REVIEW_SECONDS"
log "bob approves in node 1's task list (nodes use $BEFORE)"
T0=$(now_ms)
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$OUT/bob1.cookies" --data-urlencode "_csrf=$csrf" \
  --data-urlencode "decision=approve" --data-urlencode "comment=bench approval" "http://127.0.0.1:$PORT1/tasks/$TASK")
T_ANSWER=$(now_ms)
[ "$code" = 302 ] || fail "completing the task answered $code"
T1=""; T2=""; NEW=""
while [ -z "$T1" ] || [ -z "$T2" ]; do
  [ $(( $(now_ms) - T0 )) -lt $(( POLL_TIMEOUT * 1000 )) ] || fail "not in use on both nodes after ${POLL_TIMEOUT}s (node 1: ${T1:-no}, node 2: ${T2:-no})"
  if [ -z "$T1" ]; then
    r=$(published bob1.cookies "$PORT1")
    if [ "$(jq -r .versionId <<<"$r")" = "$DRAFT" ] && [ "$(jq -r '.inUseOnThisNode == .version' <<<"$r")" = true ]; then
      T1=$(now_ms); NEW=$(jq -r .version <<<"$r")
    fi
  fi
  if [ -z "$T2" ]; then
    r=$(published bob2.cookies "$PORT2")
    if [ "$(jq -r .versionId <<<"$r")" = "$DRAFT" ] && [ "$(jq -r '.inUseOnThisNode == .version' <<<"$r")" = true ]; then
      T2=$(now_ms); NEW=$(jq -r .version <<<"$r")
    fi
  fi
  sleep 0.05
done
# The publish step is a Camunda job: whichever node's job executor took it compiled and swapped in at once.
RAN_ON=$(grep -l "Published rule set $NEW " "$OUT/node1.log" "$OUT/node2.log" 2>/dev/null | sed 's/.*node\([12]\).log/node \1/' | head -1)

log "baseline: compiling the rule set (rules/, one parameter changed) in a fresh JVM, 5 rounds"
java -Dloader.path="$ROOT/target/test-classes" -Dloader.main=tmsp.bench.CompileRuleSet -cp "$JAR" \
  org.springframework.boot.loader.launch.PropertiesLauncher "$ROOT/rules" 5 > "$OUT/compile.txt" 2>>"$OUT/compile.err"
# Drools logs to standard output too: only the tool's own lines count.
grep '^round=' "$OUT/compile.txt" > "$OUT/rounds.txt" || fail "no compile rounds in $OUT/compile.txt"
COMPILE_FIRST=$(head -1 "$OUT/rounds.txt" | sed 's/.*approval_compile_ms=\([0-9]*\).*/\1/')
COMPILE_WARM=$(tail -3 "$OUT/rounds.txt" | sed 's/.*approval_compile_ms=\([0-9]*\).*/\1/' | sort -n | sed -n 2p)
REFRESH_WARM=$(tail -3 "$OUT/rounds.txt" | sed 's/.*refresh_compile_ms=\([0-9]*\).*/\1/' | sort -n | sed -n 2p)

say ""
say "== publication: $BEFORE -> $NEW (draft #$DRAFT), two nodes, tmsp.rules.refresh=$REFRESH, $(nproc) CPUs =="
say "task completed (HTTP answer):       $(secs $(( T_ANSWER - T0 ))) s"
say "approval -> node 1 uses $NEW:          $(secs $(( T1 - T0 ))) s"
say "approval -> node 2 uses $NEW:          $(secs $(( T2 - T0 ))) s"
say "publish job ran on:                 ${RAN_ON:-unknown}"
say "baseline, compile once (approval):  first $(secs "$COMPILE_FIRST") s in a fresh JVM, warm $(secs "$COMPILE_WARM") s (median of the last 3)"
say "baseline, compile once (refresh):   warm $(secs "$REFRESH_WARM") s"
LAST=$(( T1 > T2 ? T1 : T2 ))
say "every node within ${TARGET_SECONDS} s: $(secs $(( LAST - T0 ))) s $(pass "$(( LAST - T0 )) < $TARGET_SECONDS * 1000")"
