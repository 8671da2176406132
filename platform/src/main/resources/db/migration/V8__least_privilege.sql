-- Least privilege: the application connects as its own role (placeholder appRole, see
-- DatabaseRolesAutoConfiguration), which may read and append events but never rewrite, delete or
-- truncate them, nor own any table (only an owner can disable the append-only triggers).
-- Flyway migrates as the schema owner. Tables of later migrations (created by the owner) give the
-- application SELECT, INSERT, UPDATE, DELETE through the default privileges set here; a table
-- that must be append-only revokes UPDATE and DELETE in its own migration.
-- When the application connects as the owner itself (one role for both), nothing is granted: it
-- already has every right, and least privilege needs a second role (README, Database).
do $$
declare
    app  text := '${appRole}';
    tbl  record;
begin
    if app = '' or app = current_user then
        raise notice 'the application connects as the schema owner %: no grants', current_user;
        return;
    end if;
    execute format('grant usage on schema %I to %I', current_schema(), app);
    for tbl in select tablename from pg_tables
                where schemaname = current_schema()
                  and tablename not in ('domain_event_entry', '${flyway:table}') loop
        execute format('grant select, insert, update, delete on %I to %I', tbl.tablename, app);
    end loop;
    execute format('revoke all on domain_event_entry from %I', app);
    execute format('grant select, insert on domain_event_entry to %I', app);
    execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), app);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                   current_schema(), app);
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I',
                   current_schema(), app);
end
$$;
