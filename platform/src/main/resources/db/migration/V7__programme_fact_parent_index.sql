-- The tree finds a programme's indicators through their delmål (an indicator's facts carry no
-- programme): without this index that lookup read the whole fact table on every tree request.
create index ix_programme_fact_parent on programme_fact (parent_id, entity_kind, attribute);
