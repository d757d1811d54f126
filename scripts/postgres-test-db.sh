#!/usr/bin/env bash
# Start a local PostgreSQL (Debian's packages) with a test user and database, idempotently.
#
# Used by .ci/run and by developers who want the database tests to run on PostgreSQL too:
#   bash scripts/postgres-test-db.sh
#   export WEGWIJS_TEST_POSTGRES_URL=postgresql+psycopg://wegwijs:wegwijs@127.0.0.1:5432/wegwijs_test
# Needs root (apt-get, and running commands as the `postgres` system user). Prints the URL last.
set -euo pipefail

PGUSER_NAME="${WEGWIJS_PG_USER:-wegwijs}"
PGPASSWORD_VALUE="${WEGWIJS_PG_PASSWORD:-wegwijs}"
PGDATABASE_NAME="${WEGWIJS_PG_DATABASE:-wegwijs_test}"
PGPORT_VALUE="${WEGWIJS_PG_PORT:-5432}"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
}

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "postgres-test-db: installing postgresql from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main --port "$PGPORT_VALUE" >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$version" main start
fi

# Wait until the server accepts connections (a fresh cluster needs a moment).
for _ in $(seq 1 30); do
  if as_postgres psql -p "$PGPORT_VALUE" -qAtc "select 1" >/dev/null 2>&1; then break; fi
  sleep 1
done

if [ "$(as_postgres psql -p "$PGPORT_VALUE" -qAtc "select 1 from pg_roles where rolname='${PGUSER_NAME}'")" != 1 ]; then
  as_postgres psql -p "$PGPORT_VALUE" -qc "create role ${PGUSER_NAME} login password '${PGPASSWORD_VALUE}'"
fi
if [ "$(as_postgres psql -p "$PGPORT_VALUE" -qAtc "select 1 from pg_database where datname='${PGDATABASE_NAME}'")" != 1 ]; then
  as_postgres psql -p "$PGPORT_VALUE" -qc "create database ${PGDATABASE_NAME} owner ${PGUSER_NAME}"
fi

echo "postgresql+psycopg://${PGUSER_NAME}:${PGPASSWORD_VALUE}@127.0.0.1:${PGPORT_VALUE}/${PGDATABASE_NAME}"
