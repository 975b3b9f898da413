# Shared by the ingest benchmarks: start the packaged portal on a database of its own, and register an
# account and a discovery appliance through the API as an appliance would. Source it; it needs ROOT, OUT,
# BENCH_DB, PORT, PGHOST and PGUSER set, and `log` / `fail` defined.

# start_portal [extra env assignments...]: starts the jar in the background (log: $OUT/${PORTAL_LOG:-app.log},
# JVM options from JAVA_OPTS; seconds to wait from PORTAL_START_TIMEOUT (180); the collector the README recommends, or PORTAL_GC, e.g. PORTAL_GC=-XX:+UseG1GC), sets APP (its pid), waits until it answers and the first administrator exists.
start_portal() {
  ls "$ROOT"/target/tmsp-*.jar >/dev/null 2>&1 || (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
  JAR=$(ls "$ROOT"/target/tmsp-*.jar | head -1)
  log "starting $(basename "$JAR") on port $PORT"
  env TMSP_DB_URL="jdbc:postgresql://$PGHOST:5432/$BENCH_DB" TMSP_DB_USER="$PGUSER" TMSP_DB_PASSWORD= \
    TMSP_ADMIN_PASSWORD=bench-admin-password TMSP_PORT="$PORT" TMSP_DEMO_DATA=false "$@" \
    java ${PORTAL_GC:--XX:+UseParallelGC} ${JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=postgres >> "$OUT/${PORTAL_LOG:-app.log}" 2>&1 &
  APP=$!
  # Health answers once the server is up; the first administrator is created a moment later. A busy machine may
  # need longer than the default 180 s: PORTAL_START_TIMEOUT.
  for _ in $(seq 1 "${PORTAL_START_TIMEOUT:-180}"); do
    curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 \
      && [ "$(psql -At -d "$BENCH_DB" -c "select count(*) from users where username = 'admin'" 2>/dev/null)" = 1 ] && return 0
    sleep 1
  done
  fail "the portal did not start (see $OUT/${PORTAL_LOG:-app.log})"
}

fresh_database() {
  psql -q -d postgres -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
}

# register_appliance GUID: creates the account "Bench" (registration user bench-reg) once and registers the
# appliance through the API, as an appliance would; sets TOKEN.
register_appliance() {
  local guid=$1
  local admin_id service_id
  admin_id=$(psql -At -d "$BENCH_DB" -c "select id from users where username = 'admin'")
  service_id=$(psql -At -d "$BENCH_DB" -c "select id from services where code = 'THREAT_DISCOVERY'")
  curl -fs -u admin:bench-admin-password -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/accounts" -d \
    "{\"name\":\"Bench\",\"companyName\":\"Bench Ltd\",\"contactFirstName\":\"B\",\"contactLastName\":\"B\",
      \"registrationUser\":\"bench-reg\",\"registrationPassword\":\"bench-registration\",\"portalUser\":\"bench\",
      \"portalPassword\":\"bench-portal-pw\",\"serviceIds\":[$service_id],\"managedById\":$admin_id,
      \"validFrom\":\"2026-01-01\",\"reportLanguage\":\"en\"}" > /dev/null || true
  TOKEN=$(curl -fs -u bench-reg:bench-registration -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/products" \
    -d "{\"type\":\"DISCOVERY\",\"hostname\":\"bench-tda\",\"guid\":\"$guid\",\"version\":\"6.0\"}" \
    | sed 's/.*"token":"\([^"]*\)".*/\1/')
  [[ $TOKEN == tmsp_* ]] || fail "registration gave no token"
}

# The columns a raw COPY baseline writes, in the table's order.
DETECTION_COLUMNS="event_time, received_at, account_id, product_id, upload_id, format, severity, vendor, product_name, product_version, event_id, event_name, device_external_id, threat_type, threat_name, rule_id, rule_name, action, src_address, src_host, src_port, src_mac, dst_address, dst_host, dst_port, dst_mac, interested_address, peer_address, file_name, file_hash, url, direction, attack_phase, event_count, extra, raw"

# copy_baseline: exports the stored detections, truncates, and times a raw psql \copy of them back; sets COPY_MS.
copy_baseline() {
  psql -At -d "$BENCH_DB" -c "\\copy (select $DETECTION_COLUMNS from detections) to '$OUT/rows.csv' with (format csv)"
  psql -q -d "$BENCH_DB" -c "truncate detections"
  local t0
  t0=$(date +%s%3N)
  psql -q -d "$BENCH_DB" -c "\\copy detections ($DETECTION_COLUMNS) from '$OUT/rows.csv' with (format csv)"
  COPY_MS=$(( $(date +%s%3N) - t0 ))
}

# web_session COOKIES [USER] [PASSWORD]: logs on (as admin unless USER is given) through the login form (CSRF token
# from GET /login) and keeps the session cookie in COOKIES. A poll with that cookie costs no password check: HTTP Basic
# runs BCrypt on every request, ~0.1 s of CPU each, which polling every 100 ms would take from the run being measured.
web_session() {
  local cookies=$1 user=${2:-admin} password=${3:-bench-admin-password} csrf location
  rm -f "$cookies"
  csrf=$(curl -s -c "$cookies" -b "$cookies" "http://127.0.0.1:$PORT/login" \
    | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)"/\1/' | head -1 || true)
  [ -n "$csrf" ] || fail "no _csrf token in GET /login"
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$cookies" -b "$cookies" \
    --data-urlencode "username=$user" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/login")
  case "$location" in *"/login"*|"") fail "log on as $user failed (redirected to '$location')" ;; esac
}
