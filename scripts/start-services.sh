#!/usr/bin/env bash
# Makes sure the database servers that the integration tests use are installed and running on this machine:
# PostgreSQL (127.0.0.1:5432, trust auth on loopback, database `test`), MariaDB (127.0.0.1:3306, user app/app)
# Redis (127.0.0.1:6379) and dynalite, the DynamoDB-compatible test server (127.0.0.1:8000, installed with npm into
# DYNALITE_DIR). Idempotent: a server that is already up is left alone, so on a machine where all
# three run this only checks them. Debian only; run as root (CI does). Follows shared/infra/README.md.
#
#   SERVICES_TIMEOUT  seconds to wait for each server to accept connections (default 60)
#   DYNALITE_DIR      where dynalite is installed and logs (default ~/.cache/farming-orm/dynalite)
set -euo pipefail

TIMEOUT="${SERVICES_TIMEOUT:-60}"

log() { printf '[start-services] %s\n' "$*"; }
die() { printf '[start-services] ERROR: %s\n' "$*" >&2; exit 1; }

# wait_until NAME COMMAND...: polls COMMAND once a second until it succeeds or TIMEOUT seconds have passed.
wait_until() {
  local name="$1"; shift
  local deadline=$((SECONDS + TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      die "$name not ready after ${TIMEOUT}s (checked with: $*)"
    fi
    sleep 1
  done
  log "$name is ready"
}

[[ "$(id -u)" -eq 0 ]] || die "must run as root (installs packages, starts servers as their own users)"

# --- packages --------------------------------------------------------------------------------------------------
missing=()
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null && command -v pg_ctlcluster >/dev/null \
  || missing+=(postgresql)
[[ -x /usr/sbin/mariadbd ]] && command -v mariadb >/dev/null || missing+=(mariadb-server)
command -v redis-server >/dev/null && command -v redis-cli >/dev/null || missing+=(redis-server)
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)

if ((${#missing[@]} > 0)); then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  log "packages present: postgresql, mariadb-server, redis-server"
fi

# --- PostgreSQL ------------------------------------------------------------------------------------------------
pg_psql() { (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"); }

PGVER="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1 || true)"
[[ -n "$PGVER" ]] || die "no PostgreSQL cluster configuration under /etc/postgresql"
PG_HBA="/etc/postgresql/$PGVER/main/pg_hba.conf"
[[ -f "$PG_HBA" ]] || die "no cluster $PGVER/main (missing $PG_HBA)"

# The project's machines trust loopback connections; a fresh Debian install asks for a password instead.
if ! grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$PG_HBA"; then
  log "PostgreSQL: adding trust auth for 127.0.0.1 and ::1 to $PG_HBA"
  { printf 'host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n'; cat "$PG_HBA"; } >"$PG_HBA.new"
  chown --reference="$PG_HBA" "$PG_HBA.new"
  chmod --reference="$PG_HBA" "$PG_HBA.new"
  mv "$PG_HBA.new" "$PG_HBA"
  pg_hba_changed=1
fi

if pg_ctlcluster "$PGVER" main status >/dev/null 2>&1; then
  log "PostgreSQL $PGVER already running"
  if [[ -n "${pg_hba_changed:-}" ]]; then
    pg_ctlcluster --skip-systemctl-redirect "$PGVER" main reload
  fi
else
  log "starting PostgreSQL $PGVER"
  pg_ctlcluster --skip-systemctl-redirect "$PGVER" main start
fi
wait_until "PostgreSQL (127.0.0.1:5432)" pg_isready -q -h 127.0.0.1 -p 5432

if [[ "$(pg_psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'")" == "1" ]]; then
  log "PostgreSQL database 'test' exists"
else
  log "creating PostgreSQL database 'test'"
  pg_psql -c 'CREATE DATABASE test'
fi

# --- MariaDB ---------------------------------------------------------------------------------------------------
if mariadb-admin ping >/dev/null 2>&1; then
  log "MariaDB already running"
else
  log "starting MariaDB"
  install -d -o mysql -g mysql /run/mysqld
  # Without --user=mysql mariadbd refuses to run as root, yet start-stop-daemon still exits 0: the wait below
  # is what tells whether it came up.
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
fi
wait_until "MariaDB (unix socket)" mariadb-admin ping
# Root authenticates over the unix socket only; tests connect over TCP as app/app.
mariadb --batch <<'SQL'
CREATE USER IF NOT EXISTS 'app'@'127.0.0.1' IDENTIFIED BY 'app';
CREATE USER IF NOT EXISTS 'app'@'localhost' IDENTIFIED BY 'app';
GRANT ALL ON *.* TO 'app'@'127.0.0.1';
GRANT ALL ON *.* TO 'app'@'localhost';
SQL
wait_until "MariaDB (127.0.0.1:3306 as app)" mariadb --protocol=TCP -h 127.0.0.1 -P 3306 -u app -papp -e 'SELECT 1'
log "MariaDB user 'app'@'127.0.0.1' and 'app'@'localhost' ensured"

# --- Redis -----------------------------------------------------------------------------------------------------
redis_up() { [[ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" == "PONG" ]]; }
if redis_up; then
  log "Redis already running"
else
  # Only when nothing answers: a second daemon on the same port silently dies.
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >/dev/null
fi
wait_until "Redis (127.0.0.1:6379)" redis_up

# --- dynalite (DynamoDB) ----------------------------------------------------------------------------------------
DYNALITE_VERSION=4.0.0
DYNALITE_DIR="${DYNALITE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/farming-orm/dynalite}"
dynalite_up() { (exec 3<>/dev/tcp/127.0.0.1/8000) 2>/dev/null; }
if dynalite_up; then
  log "dynalite already running"
else
  if [[ "$(node -p "require('$DYNALITE_DIR/node_modules/dynalite/package.json').version" 2>/dev/null)" != "$DYNALITE_VERSION" ]]; then
    log "installing dynalite@$DYNALITE_VERSION into $DYNALITE_DIR"
    mkdir -p "$DYNALITE_DIR"
    npm install --prefix "$DYNALITE_DIR" --no-audit --no-fund --loglevel=error "dynalite@$DYNALITE_VERSION" >/dev/null
  fi
  log "starting dynalite (in memory)"
  nohup setsid node "$DYNALITE_DIR/node_modules/dynalite/cli.js" --host 127.0.0.1 --port 8000 \
    --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 >"$DYNALITE_DIR/dynalite.log" 2>&1 </dev/null &
fi
wait_until "dynalite (127.0.0.1:8000)" dynalite_up

log "all services up"
