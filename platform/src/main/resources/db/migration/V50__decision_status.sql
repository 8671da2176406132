-- Issue 14: a decision is ADOPTED or only PLANNED (the papers show a proposal, not the decision).
-- Every entry registered before this migration was registered as a decision, i.e. adopted.
alter table decision_lookup add column status varchar(16) not null default 'ADOPTED';
alter table decision_register add column status varchar(16) not null default 'ADOPTED';
-- The recorded step that adopted a planned decision: the day and what shows it.
alter table decision_register add column adopted_on date;
alter table decision_register add column adopted_by text;
alter table decision_register add column adoption_note text;
