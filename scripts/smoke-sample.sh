#!/usr/bin/env bash
# Runs the sample exactly as README.md tells a new user to (the command in the block after the marker
# "<!-- run-sample -->"), waits until it answers, exercises a few endpoints over HTTP and stops it. Fails when the
# README's command does not build, does not start, or the endpoints do not answer as the README says.
#
#   SMOKE_PORT     port the sample listens on (default 18080; passed as SERVER_PORT, the command stays verbatim)
#   SMOKE_TIMEOUT  seconds to wait for the sample to come up, building included (default 600)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends curl; }

PORT="${SMOKE_PORT:-18080}"
TIMEOUT="${SMOKE_TIMEOUT:-600}"
BASE="http://127.0.0.1:$PORT"
LOG="$(mktemp -t farming-orm-sample.XXXXXX.log)"

log() { printf '[smoke-sample] %s\n' "$*"; }
fail() {
  printf '[smoke-sample] FAILED: %s\n' "$*" >&2
  tail -n 60 "$LOG" >&2 || true
  exit 1
}

command="$(awk '/<!-- run-sample -->/ { marked = 1; next }
  marked && /^```/ { if (inside) exit; inside = 1; next }
  inside { print }' README.md)"
[[ -n "$command" ]] || fail "README.md has no command block after <!-- run-sample -->"
log "README's run command: $command"

SERVER_PORT="$PORT" setsid bash -c "$command" >"$LOG" 2>&1 &
pid=$!
trap 'kill -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT

deadline=$((SECONDS + TIMEOUT))
until curl -fsS "$BASE/actuator/health" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || fail "the command exited before the sample answered"
  ((SECONDS < deadline)) || fail "the sample did not answer on $BASE within ${TIMEOUT}s"
  sleep 2
done
log "the sample answers on $BASE"

expect() { # expect DESCRIPTION EXPECTED-SUBSTRING CURL-ARGS...
  local description="$1" expected="$2"; shift 2
  local body
  body="$(curl -sS "$@")" || fail "$description: request failed"
  [[ "$body" == *"$expected"* ]] || fail "$description: expected '$expected' in: $body"
  log "ok: $description"
}

expect "the backend is the embedded H2" '"dialect":"h2"' "$BASE/api/backend"
expect "state is saved" '"scope":"smoke"' -X PUT -H 'Content-Type: application/json' -d '{"step":1}' "$BASE/api/state/smoke"
expect "state is read back" '"state":{"step":1}' "$BASE/api/state/smoke"
expect "a KV item is created" '"version":1' -X POST -H 'Content-Type: application/json' -d 'true' "$BASE/api/kv/flags/smoke"
expect "a duplicate KV key is a conflict" 'The framework key already exists.' -X POST -H 'Content-Type: application/json' -d 'false' "$BASE/api/kv/flags/smoke"
expect "the actuator endpoint shows the schema" '"frameworkSchema"' "$BASE/actuator/farmingorm"
expect "health is UP" '"status":"UP"' "$BASE/actuator/health"
log "the README's run command works"
