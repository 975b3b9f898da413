#!/usr/bin/env bash
# Customer Accounts page under load, on PostgreSQL, with its baseline measured in the same run.
#
#   bench/accounts-page.sh            # 10,000 accounts, 2,000 requests per case, 20 concurrent clients
#   bench/accounts-page.sh --drop     # the same, then drop the benchmark database
#   ACCOUNTS=50000 REQUESTS=5000 CONCURRENCY=20 bench/accounts-page.sh
#
# What it does: builds the jar if missing; creates a fresh database; starts the packaged jar on it
# (start-up time of a first start, which creates the schema); seeds ACCOUNTS accounts with products,
# services, incidents, Last Received and Security Compliance by SQL; restarts the jar (start-up time
# of a start on an existing schema); logs on as admin; then, with CONCURRENCY clients sharing that
# session and after a warm-up round, measures
#   sorted    /accounts?sort=incidents&dir=desc            first page sorted by incidents
#   search    /accounts?q=$Q                               a filter that matches a few hundred accounts
#   baseline  $BASELINE_PATH (a static file, /css/tmsp.css) the same server doing almost nothing
# and prints p50 / p95 (ms) and requests/s of each, the ratio to the baseline and whether p95 is under
# the target (TARGET_P95_MS, 100), and the CPU time per request of the app and of PostgreSQL (a figure
# that load from other work on the machine hardly changes, unlike latency). Every measured response
# must be a 200 page with account rows: a redirect to /login or an error page fails the run.
#
# Settings (environment): ACCOUNTS REQUESTS CONCURRENCY WARMUP Q TARGET_P95_MS BASELINE_PATH
#   BENCH_DB (tmsp_bench) PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) PORT (a free one)
#   JAVA_OPTS (extra JVM options for the app) APP_ARGS (extra Spring arguments, e.g. to try a setting)
# Needs: java 17, a running PostgreSQL that PGUSER may create databases on; installs curl, ab
# (apache2-utils) and psql (postgresql-client) with apt-get when they are missing.
set -Eeuo pipefail
trap 'echo "FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

ACCOUNTS=${ACCOUNTS:-10000}
REQUESTS=${REQUESTS:-2000}
CONCURRENCY=${CONCURRENCY:-20}
WARMUP=${WARMUP:-500}
Q=${Q:-zephyr}
TARGET_P95_MS=${TARGET_P95_MS:-100}
BASELINE_PATH=${BASELINE_PATH:-/css/tmsp.css}
BENCH_DB=${BENCH_DB:-tmsp_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
ADMIN_PASSWORD="bench-$(date +%s)-$RANDOM"
DROP=false
for arg in "$@"; do
    case "$arg" in
        --drop) DROP=true ;;
        -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- tools
need_pkgs=()
command -v curl >/dev/null || need_pkgs+=(curl)
command -v ab   >/dev/null || need_pkgs+=(apache2-utils)
command -v psql >/dev/null || need_pkgs+=(postgresql-client)
command -v awk  >/dev/null || need_pkgs+=(gawk)
if ((${#need_pkgs[@]})); then
    log "installing ${need_pkgs[*]}"
    [ "$(id -u)" = 0 ] || fail "missing ${need_pkgs[*]}; run as root or install them"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need_pkgs[@]}" >/dev/null
fi
command -v java >/dev/null || fail "java (17) is not on the PATH"

psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
pg_isready -q 2>/dev/null || psql_q -d postgres -c 'select 1' >/dev/null 2>&1 \
    || fail "PostgreSQL does not answer at $PGHOST:$PGPORT as $PGUSER"

# ---------------------------------------------------------------- jar
JAR=$(ls "$ROOT"/target/tmsp-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
if [ -z "$JAR" ]; then
    log "building the jar (./mvnw -B -q -DskipTests package)"
    ./mvnw -B -q -DskipTests package
    JAR=$(ls "$ROOT"/target/tmsp-*.jar | grep -v '\.original$' | head -1)
fi
log "jar: ${JAR#"$ROOT"/}"

# ---------------------------------------------------------------- app lifecycle
APP_PID=
APP_LOG=
cleanup() {
    local rc=$?
    stop_app || true
    if $DROP; then
        psql_q -d postgres -c "drop database if exists $BENCH_DB" >/dev/null 2>&1 || true
        echo "dropped database $BENCH_DB"
    else
        echo "database $BENCH_DB kept for inspection (psql -h $PGHOST -U $PGUSER $BENCH_DB); --drop removes it"
    fi
    rm -f "$OUT/cookies.txt" "$OUT/login.html"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
    done
    fail "no free port found"
}

stop_app() {
    [ -n "$APP_PID" ] || return 0
    if kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
}

now_ms() { date +%s%3N; }

# start_app NAME: starts the jar, waits for the first HTTP answer; sets STARTUP_HTTP_MS and STARTUP_LOG_S
start_app() {
    local name=$1 t0 code
    APP_LOG="$OUT/app-$name.log"
    PORT=${PORT:-$(free_port)}
    BASE="http://127.0.0.1:$PORT"
    t0=$(now_ms)
    # shellcheck disable=SC2086
    TMSP_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" TMSP_DB_USER="$PGUSER" TMSP_DB_PASSWORD="${PGPASSWORD:-}" \
        TMSP_ADMIN_PASSWORD="$ADMIN_PASSWORD" TMSP_PORT="$PORT" TMSP_DEMO_DATA=false \
        java ${JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=postgres ${APP_ARGS:-} >"$APP_LOG" 2>&1 &
    APP_PID=$!
    # Tomcat answers before the context has finished (Camel starts after it): wait for both the first
    # HTTP 200 and the "Started TmspApplication in X seconds" line, and report both.
    STARTUP_HTTP_MS= STARTUP_READY_MS= STARTUP_LOG_S=
    while [ -z "$STARTUP_HTTP_MS" ] || [ -z "$STARTUP_LOG_S" ]; do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            tail -40 "$APP_LOG" >&2; fail "the app died while starting (log: ${APP_LOG#"$ROOT"/})"
        fi
        if [ -z "$STARTUP_HTTP_MS" ]; then
            code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/login" || true)
            [ "$code" = 200 ] && STARTUP_HTTP_MS=$(( $(now_ms) - t0 ))
        fi
        if [ -z "$STARTUP_LOG_S" ]; then
            STARTUP_LOG_S=$(grep -o 'Started TmspApplication in [0-9.]* seconds' "$APP_LOG" | awk '{print $4}' | tail -1 || true)
            [ -n "$STARTUP_LOG_S" ] && STARTUP_READY_MS=$(( $(now_ms) - t0 ))
        fi
        if (( $(now_ms) - t0 > 600000 )); then
            fail "not started after 600 s (log: ${APP_LOG#"$ROOT"/})"
        fi
        sleep 0.1
    done
    if grep -q 'Application run failed\|Error starting ApplicationContext' "$APP_LOG"; then
        tail -40 "$APP_LOG" >&2; fail "the app failed to start (log: ${APP_LOG#"$ROOT"/})"
    fi
    log "$name start: first HTTP 200 after $STARTUP_HTTP_MS ms; 'Started TmspApplication in $STARTUP_LOG_S seconds' seen after $STARTUP_READY_MS ms (port $PORT)"
}

# ---------------------------------------------------------------- 1. fresh database, first start
log "creating database $BENCH_DB on $PGHOST:$PGPORT"
psql_q -d postgres -c "drop database if exists $BENCH_DB" >/dev/null
psql_q -d postgres -c "create database $BENCH_DB" >/dev/null
start_app first
FIRST_HTTP_MS=$STARTUP_HTTP_MS FIRST_READY_MS=$STARTUP_READY_MS FIRST_LOG_S=$STARTUP_LOG_S
# The admin is created by an ApplicationRunner, which may run just after the port opens.
for _ in $(seq 1 300); do
    ADMIN_ID=$(psql_q -At -d "$BENCH_DB" -c "select id from users where username = 'admin'")
    [ -n "$ADMIN_ID" ] && break
    sleep 0.1
done
[ -n "$ADMIN_ID" ] || fail "user admin was not created"

# ---------------------------------------------------------------- 2. seed
log "seeding $ACCOUNTS accounts with products and services"
t0=$(now_ms)
psql_q -d "$BENCH_DB" -v accounts="$ACCOUNTS" -v admin_id="$ADMIN_ID" <<'SQL'
begin;
select setseed(0.42) \g /dev/null
-- Company names: word (1 of 40) + trade + suffix, so one word matches about ACCOUNTS/40 accounts.
insert into accounts (name, name_key, company_name, company_country, contact_first_name, contact_last_name,
                      contact_email, registration_user, registration_password_hash, managed_by_id, valid_from,
                      valid_to, report_language, incident_count, incidents_computed_at, last_received,
                      security_compliance, created_at, updated_at)
select 'Bench ' || lpad(i::text, 7, '0'),
       'bench ' || lpad(i::text, 7, '0'),
       (array['Acme','Borealis','Cobalt','Delta','Ember','Falcon','Granite','Harbor','Iris','Juniper',
              'Kestrel','Lumen','Meridian','Nimbus','Onyx','Pioneer','Quartz','Raven','Summit','Tundra',
              'Umber','Vertex','Willow','Xenon','Yarrow','Zephyr','Aurora','Beacon','Cedar','Dune',
              'Echo','Fjord','Glacier','Helix','Indigo','Jade','Krypton','Lotus','Magnet','Nova'])[1 + i % 40]
         || ' ' || (array['Manufacturing','Logistics','Health','Finance','Energy','Retail','Research','Media'])[1 + (i / 40) % 8]
         || ' ' || (array['GmbH','Ltd','Inc.','SA','KK','AG','BV','Oy'])[1 + (i / 320) % 8],
       (array['Germany','United Kingdom','United States','France','Japan'])[1 + i % 5],
       'First' || i, 'Last' || i, 'contact' || i || '@bench.example',
       'bench-reg-' || i, '$2a$10$benchbenchbenchbenchbuBenchBenchBenchBenchBenchBenchBe',
       :admin_id, current_date - (random() * 1500)::int, null,
       (array['en','de','fr','ja'])[1 + i % 4],
       case when random() < 0.10 then null else floor(power(random(), 3) * 250)::int end,
       null,
       case when random() < 0.05 then null else now() - random() * interval '30 days' end,
       case when random() < 0.10 then null when random() < 0.75 then 'ENABLED' else 'DISABLED' end,
       now(), now()
from generate_series(1, :accounts) as g(i);
update accounts set incidents_computed_at = now() - random() * interval '24 hours' where incident_count is not null;
update accounts set valid_to = valid_from + 365 where id % 5 = 0;

-- Services: Threat Discovery always, each other one with probability 1/2; the label as the app writes it.
insert into account_services (account_id, service_id)
select a.id, s.id from accounts a cross join services s
where s.code = 'THREAT_DISCOVERY' or random() + 0 * a.id < 0.5;  -- a.id keeps random() per row
update accounts a set services_label = l.label
from (select x.account_id, string_agg(s.name, ', ' order by s.sort_order) as label
      from account_services x join services s on s.id = x.service_id group by x.account_id) l
where l.account_id = a.id;
update accounts a set search_text = lower(a.name || ' ' || a.company_name || ' ' || a.services_label || ' '
    || coalesce((select coalesce(u.display_name, '') || ' ' || u.username from users u where u.id = a.managed_by_id), ''));

-- Products: 1-3 per account, the first a discovery appliance.
insert into products (account_id, type, hostname, guid, version, registered_at, last_received, last_heartbeat_at,
                      security_compliance, enabled)
select a.id, case when n = 1 then 'DISCOVERY' else 'MITIGATOR' end,
       'appliance-' || a.id || '-' || n || '.bench.example',
       md5('bench-' || a.id || '-' || n), '5.' || (n % 3) || '.0',
       a.created_at, a.last_received, now() - random() * interval '1 hour',
       case when n = 1 then a.security_compliance end, true
from accounts a cross join lateral generate_series(1, 1 + floor(random() * 3)::int + (a.id * 0)::int) as p(n);
commit;
analyze;
SQL
SEED_MS=$(( $(now_ms) - t0 ))
read -r N_ACC N_PROD N_SVC N_NULL <<<"$(psql_q -At -F ' ' -d "$BENCH_DB" -c "select (select count(*) from accounts),
    (select count(*) from products), (select count(*) from account_services),
    (select count(*) from accounts where incident_count is null)")"
# The same filter as AccountListQuery, to know how many rows the search should find.
Q_LOWER=$(printf '%s' "$Q" | tr '[:upper:]' '[:lower:]')
N_MATCH=$(psql_q -At -d "$BENCH_DB" -v q="%$Q_LOWER%" <<'SQL'
select count(*) from accounts a left join users u on u.id = a.managed_by_id
where a.search_text like :'q';
SQL
)
log "seeded in $SEED_MS ms: $N_ACC accounts ($N_NULL with incidents pending), $N_PROD products, $N_SVC account services; q=$Q matches $N_MATCH"
(( N_ACC == ACCOUNTS )) || fail "expected $ACCOUNTS accounts, found $N_ACC"
(( N_MATCH > 0 )) || fail "the search term '$Q' matches no account"

# ---------------------------------------------------------------- restart on the existing schema
stop_app
start_app restart
RESTART_HTTP_MS=$STARTUP_HTTP_MS RESTART_READY_MS=$STARTUP_READY_MS RESTART_LOG_S=$STARTUP_LOG_S

# ---------------------------------------------------------------- 3. log on
COOKIES="$OUT/cookies.txt"
rm -f "$COOKIES"
curl -s -c "$COOKIES" -b "$COOKIES" -o "$OUT/login.html" "$BASE/login"
CSRF=$(grep -o 'name="_csrf"[^>]*value="[^"]*"' "$OUT/login.html" | sed 's/.*value="\([^"]*\)"/\1/' | head -1 || true)
[ -n "$CSRF" ] || fail "no _csrf token in GET /login"
LOCATION=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$COOKIES" -b "$COOKIES" \
    --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASSWORD" \
    --data-urlencode "_csrf=$CSRF" "$BASE/login")
case "$LOCATION" in *"/login"*|"") fail "log on as admin failed (redirected to '$LOCATION')" ;; esac
SESSION=$(awk '$6 == "JSESSIONID" {print $7}' "$COOKIES" | tail -1)
[ -n "$SESSION" ] || fail "no JSESSIONID after log on"
log "logged on as admin (session ${SESSION:0:6}...)"

# ---------------------------------------------------------------- 4/5. measure
SORTED_PATH="/accounts?sort=incidents&dir=desc"
SEARCH_PATH="/accounts?q=$(printf '%s' "$Q" | sed 's/ /+/g')"

# check_page NAME PATH EXPECT_ROWS EXPECT_TOTAL: a 200 page with the accounts table, its rows and total
check_page() {
    local name=$1 path=$2 rows=$3 total=$4 file="$OUT/page-$1.html" code n
    code=$(curl -s -o "$file" -w '%{http_code}' -b "JSESSIONID=$SESSION" "$BASE$path")
    [ "$code" = 200 ] || fail "$name: GET $path answered $code, not 200 (not logged on?)"
    grep -q 'id="accounts"' "$file" || fail "$name: GET $path has no accounts table (see ${file#"$ROOT"/})"
    n=$(grep -c 'id="account-[0-9]' "$file" || true)
    [ "$n" = "$rows" ] || fail "$name: GET $path shows $n account rows, expected $rows"
    n=$( { grep -o "[0-9][0-9,. ]* in all" "$file" || true; } | head -1 | tr -cd "0-9")
    [ "$n" = "$total" ] || fail "$name: GET $path says ${n:-no} accounts in all, expected $total"
    PAGE_BYTES=$(wc -c <"$file")
}

# run_ab NAME PATH N COOKIE(yes|no): sets P50 P95 RPS; fails on any non-2xx or broken request
# CPU time (user + system) the app has used so far, in clock ticks: per request, a figure that other
# work on the machine hardly changes (unlike latency). PostgreSQL's share is not in it.
CLK_TCK=$(getconf CLK_TCK)
app_cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
# The same for the PostgreSQL backends serving the benchmark database, when they run on this machine
# (the pool keeps its connections for the whole run); empty when none can be seen.
pg_cpu_ticks() {
    local pids
    pids=$(ps -eo pid=,args= | awk -v db=" $BENCH_DB " 'index($0, "postgres: ") && index($0, db) {print $1}')
    [ -n "$pids" ] || return 0
    (cd /proc && cat $(printf '%s/stat ' $pids) 2>/dev/null || true) | awk '{s += $14 + $15} END {print s + 0}'
}
per_request_ms() {  # TICKS_BEFORE TICKS_AFTER N
    if [ -z "$1" ] || [ -z "$2" ]; then echo n/a; return; fi
    awk -v d=$(($2 - $1)) -v hz="$CLK_TCK" -v n="$3" 'BEGIN {printf "%.1f", d * 1000 / hz / n}'
}

run_ab() {
    local name=$1 path=$2 n=$3 cookie=$4 out="$OUT/ab-$1.txt" csv="$OUT/ab-$1.csv" non2xx failed exc len
    local c0 c1 p0 p1
    # No -k: ab speaks HTTP/1.0, whose keep-alive needs a Content-Length, which the (chunked) pages do
    # not have and the static file has; a new connection per request keeps the cases comparable.
    local args=(-q -n "$n" -c "$CONCURRENCY" -e "$csv")
    [ "$cookie" = yes ] && args+=(-C "JSESSIONID=$SESSION")
    c0=$(app_cpu_ticks) p0=$(pg_cpu_ticks)
    ab "${args[@]}" "$BASE$path" >"$out" 2>&1 || { cat "$out" >&2; fail "$name: ab failed"; }
    c1=$(app_cpu_ticks) p1=$(pg_cpu_ticks)
    CPU_MS=$(per_request_ms "$c0" "$c1" "$n") PG_MS=$(per_request_ms "$p0" "$p1" "$n")
    non2xx=$(awk -F: '/^Non-2xx responses/ {gsub(/ /,"",$2); print $2}' "$out"); non2xx=${non2xx:-0}
    failed=$(awk -F: '/^Failed requests/ {gsub(/ /,"",$2); print $2}' "$out")
    exc=$( { grep -Eo '(Connect|Receive|Exceptions): [0-9]+' "$out" || true; } | awk '{s+=$2} END {print s+0}')
    len=$(awk '/^Document Length/ {print $3}' "$out")
    [ "$(awk '/^Complete requests/ {print $3}' "$out")" = "$n" ] || fail "$name: ab did not complete $n requests"
    (( non2xx == 0 )) || fail "$name: $non2xx of $n responses were not 2xx (redirect to /login?) - see ${out#"$ROOT"/}"
    (( exc == 0 )) || fail "$name: $exc requests broke (connect/receive/exceptions) - see ${out#"$ROOT"/}"
    (( failed == 0 )) || log "$name: ab counted $failed length mismatches (page size varies), all 2xx"
    AB_LEN=$len
    P50=$(awk -F, '$1 == "50" {printf "%.1f", $2}' "$csv")
    P95=$(awk -F, '$1 == "95" {printf "%.1f", $2}' "$csv")
    RPS=$(awk '/^Requests per second/ {printf "%.1f", $4}' "$out")
}

check_page sorted "$SORTED_PATH" 25 "$N_ACC"; SORTED_BYTES=$PAGE_BYTES
check_page search "$SEARCH_PATH" "$(( N_MATCH < 25 ? N_MATCH : 25 ))" "$N_MATCH"; SEARCH_BYTES=$PAGE_BYTES
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$BASELINE_PATH")
[ "$code" = 200 ] || fail "baseline $BASELINE_PATH answered $code"

# CPU busy over 3 s while our app is idle: work of others on the machine, which skews the figures.
cpu_busy() {
    local a b
    a=($(head -1 /proc/stat)); sleep 3; b=($(head -1 /proc/stat))
    awk -v u=$(( b[1]+b[2]+b[3]+b[6]+b[7]+b[8] - a[1]-a[2]-a[3]-a[6]-a[7]-a[8] )) \
        -v t=$(( b[1]+b[2]+b[3]+b[4]+b[5]+b[6]+b[7]+b[8] - a[1]-a[2]-a[3]-a[4]-a[5]-a[6]-a[7]-a[8] )) \
        'BEGIN {printf "%.0f%%", (t > 0 ? 100 * u / t : 0)}'
}
LOAD_BEFORE="CPU $(cpu_busy) busy with the app idle, load average $(cut -d' ' -f1-3 /proc/loadavg)"
log "before the runs: $LOAD_BEFORE ($(nproc) CPUs)"
log "warm-up: $WARMUP requests per case, $CONCURRENCY concurrent"
run_ab warmup-sorted "$SORTED_PATH" "$WARMUP" yes
run_ab warmup-search "$SEARCH_PATH" "$WARMUP" yes
run_ab warmup-baseline "$BASELINE_PATH" "$WARMUP" no

declare -A R_P50 R_P95 R_RPS R_CPU R_PG
# The baseline before and after the pages: if the two differ much, the machine's load changed meanwhile.
CASES=(baseline sorted search baseline-after)
for c in "${CASES[@]}"; do
    case $c in
        baseline*) path=$BASELINE_PATH cookie=no ;;
        sorted)    path=$SORTED_PATH   cookie=yes ;;
        search)    path=$SEARCH_PATH   cookie=yes ;;
    esac
    log "measuring $c: GET $path, $REQUESTS requests, $CONCURRENCY concurrent"
    run_ab "$c" "$path" "$REQUESTS" "$cookie"
    R_P50[$c]=$P50 R_P95[$c]=$P95 R_RPS[$c]=$RPS R_CPU[$c]=$CPU_MS R_PG[$c]=$PG_MS
    case $c in
        sorted) [ "$AB_LEN" = "$SORTED_BYTES" ] || fail "sorted: ab saw $AB_LEN-byte pages, the checked page has $SORTED_BYTES" ;;
        search) [ "$AB_LEN" = "$SEARCH_BYTES" ] || fail "search: ab saw $AB_LEN-byte pages, the checked page has $SEARCH_BYTES" ;;
    esac
    printf '    %-14s p50 %8s ms   p95 %8s ms   %8s req/s   CPU per request: app %s ms, PostgreSQL %s ms   (%s-byte answers, all 2xx)\n' \
        "$c" "$P50" "$P95" "$RPS" "$CPU_MS" "$PG_MS" "$AB_LEN"
done
# Still logged on after the runs: the last responses were pages, not the log-on form.
check_page sorted-after "$SORTED_PATH" 25 "$N_ACC"

# ---------------------------------------------------------------- summary
secs() { awk -v m="$1" 'BEGIN {printf "%.1f", m / 1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", (b > 0 ? a / b : 0)}'; }
echo
echo "== Customer Accounts page, PostgreSQL, $N_ACC accounts / $N_PROD products; $REQUESTS requests per case, $CONCURRENCY concurrent clients sharing one session"
echo "   machine: $(nproc) CPUs shared by ab, the app and PostgreSQL; before the runs: $LOAD_BEFORE"
[ -z "${APP_ARGS:-}${JAVA_OPTS:-}" ] || echo "   app started with: ${JAVA_OPTS:-} ${APP_ARGS:-}"
printf 'startup   first start (fresh database, schema created): first HTTP 200 after %s s, started after %s s (log: Started TmspApplication in %s seconds)\n' \
    "$(secs "$FIRST_HTTP_MS")" "$(secs "$FIRST_READY_MS")" "$FIRST_LOG_S"
printf 'startup   restart (existing schema, %s accounts): first HTTP 200 after %s s, started after %s s (log: Started TmspApplication in %s seconds)\n' \
    "$N_ACC" "$(secs "$RESTART_HTTP_MS")" "$(secs "$RESTART_READY_MS")" "$RESTART_LOG_S"
for c in baseline baseline-after; do
    printf '%-15s GET %s  p50 %s ms  p95 %s ms  %s req/s  CPU/req app %s ms\n' "$c" "$BASELINE_PATH" \
        "${R_P50[$c]}" "${R_P95[$c]}" "${R_RPS[$c]}" "${R_CPU[$c]}"
done
ALL_PASS=true
for c in sorted search; do
    case $c in sorted) path=$SORTED_PATH ;; search) path="$SEARCH_PATH ($N_MATCH matches)" ;; esac
    verdict=$(awk -v p="${R_P95[$c]}" -v t="$TARGET_P95_MS" 'BEGIN {print (p < t) ? "PASS" : "FAIL"}')
    [ "$verdict" = PASS ] || ALL_PASS=false
    printf '%-15s GET %s  p50 %s ms  p95 %s ms  %s req/s  CPU/req app %s ms + PostgreSQL %s ms | vs baseline: p95 x%s, req/s /%s, app CPU x%s | p95 < %s ms: %s\n' \
        "$c" "$path" "${R_P50[$c]}" "${R_P95[$c]}" "${R_RPS[$c]}" "${R_CPU[$c]}" "${R_PG[$c]}" \
        "$(ratio "${R_P95[$c]}" "${R_P95[baseline]}")" "$(ratio "${R_RPS[baseline]}" "${R_RPS[$c]}")" \
        "$(ratio "${R_CPU[$c]}" "${R_CPU[baseline]}")" "$TARGET_P95_MS" "$verdict"
done
echo "details: bench/out/ (app logs, ab outputs, the checked pages)"
if $ALL_PASS; then
    echo "RESULT: PASS - p95 < $TARGET_P95_MS ms in every case"
else
    echo "RESULT: FAIL - p95 >= $TARGET_P95_MS ms in some case"
fi
# The exit code says whether the run itself worked; PASS/FAIL of the target is the last line.
