-- Issue 16 (rebuild): every new measurement or verdict closes the recorded time of the one it
-- supersedes (superseded_at, superseded_by), an UPDATE of a row written shortly before. With full
-- pages that update writes the new row version on another page and adds it to every index; with
-- room left on the page it is a heap-only update (neither column is indexed): no index entries.
-- Applies to pages written from now on (a rebuild rewrites all of them).
alter table programme_measurement set (fillfactor = 80);
alter table programme_verdict set (fillfactor = 80);

-- A replay empties both tables with TRUNCATE (ObservationRows.deleteAll): a DELETE left every row
-- dead in the tables and their indexes, and the replay's inserts and lookups went through them.
-- Only these two read-model tables; never the event table (V8).
do $$
declare
    app text := '${appRole}';
begin
    if app = '' or app = current_user then
        return;
    end if;
    execute format('grant truncate on programme_measurement, programme_verdict to %I', app);
end
$$;
