-- Issue 14: where each recorded change comes from (its event's provenance metadata: origin, file
-- and version for the history import, source document, locator, quote, document date, note).
-- Null for events that carry none. Filled by the programme projection (a replay fills old rows).
alter table programme_fact add column provenance jsonb;
