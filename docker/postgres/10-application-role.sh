#!/bin/sh
# Runs once, when the PostgreSQL volume is new (the image's docker-entrypoint-initdb.d): the
# application's own login role. Flyway migrates as the owner (POSTGRES_USER) and grants this role
# what it may do (V8__least_privilege.sql): read and append events, never rewrite them.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<EOSQL
create role malspar_app login password '${MALSPAR_APP_PASSWORD}';
revoke all on database ${POSTGRES_DB} from public;
grant connect on database ${POSTGRES_DB} to malspar_app;
EOSQL
