#!/usr/bin/env bash
# Installs Debian's PostgreSQL when it is missing, starts its cluster as the postgres user and creates the
# optimlab database and user, so the postgres profile and its tests have a server on localhost:5432.
# Runs as root (as CI does); safe to run again. Settings: OPTIMLAB_PG_DB, OPTIMLAB_PG_USER, OPTIMLAB_PG_PASSWORD.
set -euo pipefail
db=${OPTIMLAB_PG_DB:-optimlab}
user=${OPTIMLAB_PG_USER:-optimlab}
password=${OPTIMLAB_PG_PASSWORD:-optimlab}

if ! command -v pg_ctlcluster > /dev/null || ! compgen -G "/usr/lib/postgresql/*/bin/postgres" > /dev/null; then
  echo "== installing postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main"; then
  echo "== creating cluster $version/main"
  pg_createcluster "$version" main > /dev/null
fi
if ! pg_lsclusters -h | awk '$1 == "'"$version"'" && $2 == "main" {print $4}' | grep -qx online; then
  echo "== starting cluster $version/main"
  pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h localhost -p 5432 && break
  sleep 1
done
pg_isready -h localhost -p 5432

# Role and database only when absent; psql's \gexec runs the CREATE DATABASE the query returns, if any.
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -v user="$user" -v password="$password" -v db="$db" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
echo "PostgreSQL $version is up: jdbc:postgresql://localhost:5432/$db (user $user)"
