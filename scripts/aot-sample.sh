#!/usr/bin/env bash
# Builds the sample with Spring's ahead-of-time processing (profile "aot": spring-boot:process-aot), starts the jar
# with -Dspring.aot.enabled=true on embedded H2 and calls the endpoints that go through farming-orm. Where GraalVM's
# native-image is installed it also builds and checks the native executable (profile "native"); elsewhere it says so.
#
#   AOT_PORT     port the sample listens on (default 18081)
#   AOT_TIMEOUT  seconds to wait for it to answer (default 120)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${AOT_PORT:-18081}"
TIMEOUT="${AOT_TIMEOUT:-120}"
BASE="http://127.0.0.1:$PORT"
LOG="$(mktemp -t farming-orm-aot.XXXXXX.log)"
JAR=farming-orm-samples/sample-app/target/farming-orm-sample-app.jar

log() { printf '[aot-sample] %s\n' "$*"; }
fail() { printf '[aot-sample] FAILED: %s\n' "$*" >&2; tail -n 60 "$LOG" >&2 || true; exit 1; }

PROFILES=aot
command -v native-image >/dev/null && PROFILES=aot,native
log "building the sample with -P$PROFILES"
./mvnw -B -ntp -q -pl farming-orm-samples/sample-app -am -DskipTests -P"$PROFILES" package

check() { # check COMMAND...: start the sample with COMMAND, call its endpoints, stop it
  SERVER_PORT="$PORT" setsid "$@" >"$LOG" 2>&1 &
  local pid=$!
  trap 'kill -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
  local deadline=$((SECONDS + TIMEOUT))
  until curl -fsS "$BASE/actuator/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || fail "the sample exited before it answered"
    ((SECONDS < deadline)) || fail "the sample did not answer on $BASE within ${TIMEOUT}s"
    sleep 1
  done
  grep -q "Starting AOT-processed" "$LOG" || fail "the sample did not start from its AOT-processed classes"
  expect "the backend is H2" '"dialect":"h2"' "$BASE/api/backend"
  expect "an account with an enum plan opens" '"plan":"pro"' -X POST -H 'Content-Type: application/json' -d '{"plan":"pro"}' "$BASE/api/billing/aot"
  expect "a KV item is created" '"version":1' -X POST -H 'Content-Type: application/json' -d '{"on":true}' "$BASE/api/kv/flags/aot"
  expect "the endpoint shows the schema" '"datetimePrecision":"MICROS"' "$BASE/actuator/farmingorm"
  expect "health is UP" '"status":"UP"' "$BASE/actuator/health"
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  trap - EXIT
}

expect() { # expect DESCRIPTION EXPECTED-SUBSTRING CURL-ARGS...
  local description="$1" expected="$2"; shift 2
  local body
  body="$(curl -sS "$@")" || fail "$description: request failed"
  [[ "$body" == *"$expected"* ]] || fail "$description: expected '$expected' in: $body"
  log "ok: $description"
}

check java -Dspring.aot.enabled=true -jar "$JAR"
log "the AOT-processed sample works"
if [[ "$PROFILES" == *native* ]]; then
  check farming-orm-samples/sample-app/target/farming-orm-sample-app
  log "the native sample works"
else
  log "GraalVM native-image is not installed: native executable not built"
fi
