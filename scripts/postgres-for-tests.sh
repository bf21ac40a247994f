#!/usr/bin/env bash
# Prints the postgres:// URL the server's tests use (JINDU_TEST_DATABASE_URL): starts the machine's
# PostgreSQL cluster (Debian's postgresql package) if it is down and makes the role jindu_test, which
# may create databases (each test makes its own and drops it). Needs root. Exits 1, printing nothing
# on standard output, when PostgreSQL is not installed.
set -euo pipefail
command -v pg_lsclusters >/dev/null || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
read -r version name port status _ < <(pg_lsclusters -h | head -1) || true
[ -n "${version:-}" ] || { echo "PostgreSQL has no cluster (pg_createcluster)" >&2; exit 1; }
case "$status" in online*) ;; *) pg_ctlcluster "$version" "$name" start >&2 ;; esac
(cd / && su postgres -c "psql -p $port -q -v ON_ERROR_STOP=1") >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jindu_test') THEN
    CREATE ROLE jindu_test LOGIN CREATEDB PASSWORD 'jindu_test';
  END IF;
END $$;
-- A test drops its database WITH (FORCE); an autovacuum worker busy in it (after a test wrote many
-- rows) may only be ended by a member of pg_signal_backend.
GRANT pg_signal_backend TO jindu_test;
SQL
echo "postgres://jindu_test:jindu_test@127.0.0.1:$port/postgres"
