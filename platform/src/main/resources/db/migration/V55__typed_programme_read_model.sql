-- Issue 16: the programme read model in tables per kind of fact with typed columns, replacing the
-- generic programme_fact (attribute names as strings, values as jsonb). The bitemporal columns are
-- the same in every table: valid time (valid_from; a fact holds until the next one of the same
-- entity and kind takes effect; order_index orders facts of one day) and recorded time
-- (recorded_at until superseded_at, when a correction replaced it: superseded_by). Rows are only
-- inserted, and a correction closes the recorded time of what it corrects. fact_id is the event's
-- identifier, so a redelivered event writes nothing twice.
create table programme_created (
    fact_id          varchar(80)  not null primary key,
    global_index     bigint       not null,
    order_index      bigint       not null,
    valid_from       date         not null,
    decision_id      varchar(64),
    citation         varchar(128),
    recorded_at      timestamptz  not null,
    recorded_by      text,
    -- the first day a paper gives the fact (documentedBy): its source paper, or the minutes of its decision
    documented_on date,
    superseded_at    timestamptz,
    superseded_by    varchar(80),
    programme_id     varchar(100) not null,
    name             text         not null,
    owner_organ      text,
    -- DAY, MONTH or YEAR: how precisely the paper gives valid_from (the interval's first day)
    date_precision   varchar(8)   not null
);
create index ix_programme_created on programme_created (programme_id);

create table programme_goal_added (
    fact_id          varchar(80)  not null primary key,
    global_index     bigint       not null,
    order_index      bigint       not null,
    valid_from       date         not null,
    decision_id      varchar(64),
    citation         varchar(128),
    recorded_at      timestamptz  not null,
    recorded_by      text,
    documented_on date,
    superseded_at    timestamptz,
    superseded_by    varchar(80),
    goal_id          varchar(100) not null,
    programme_id     varchar(100) not null,
    name             text         not null,
    goal_area        text,
    date_precision   varchar(8)   not null
);
create index ix_programme_goal_added on programme_goal_added (programme_id, goal_id);
create index ix_programme_goal_added_goal on programme_goal_added (goal_id);

create table programme_delmal_added (
    fact_id          varchar(80)  not null primary key,
    global_index     bigint       not null,
    order_index      bigint       not null,
    valid_from       date         not null,
    decision_id      varchar(64),
    citation         varchar(128),
    recorded_at      timestamptz  not null,
    recorded_by      text,
    documented_on date,
    superseded_at    timestamptz,
    superseded_by    varchar(80),
    delmal_id        varchar(100) not null,
    goal_id          varchar(100) not null,
    programme_id     varchar(100) not null,
    name             text         not null,
    description      text,
    date_precision   varchar(8)   not null
);
create index ix_programme_delmal_added on programme_delmal_added (programme_id, delmal_id);
create index ix_programme_delmal_added_delmal on programme_delmal_added (delmal_id);

create table programme_delmal_renamed (
    fact_id          varchar(80)  not null primary key,
    global_index     bigint       not null,
    order_index      bigint       not null,
    valid_from       date         not null,
    decision_id      varchar(64),
    citation         varchar(128),
    recorded_at      timestamptz  not null,
    recorded_by      text,
    documented_on date,
    superseded_at    timestamptz,
    superseded_by    varchar(80),
    delmal_id        varchar(100) not null,
    goal_id          varchar(100),
    name             text         not null,
    previous_name    text
);
create index ix_programme_delmal_renamed on programme_delmal_renamed (delmal_id);

create table programme_indicator_defined (
    fact_id                    varchar(80)  not null primary key,
    global_index               bigint       not null,
    order_index                bigint       not null,
    valid_from                 date         not null,
    decision_id                varchar(64),
    citation                   varchar(128),
    recorded_at                timestamptz  not null,
    recorded_by                text,
    documented_on date,
    superseded_at              timestamptz,
    superseded_by              varchar(80),
    indicator_id               varchar(100) not null,
    delmal_id                  varchar(100) not null,
    name                       text         not null,
    unit                       text,
    kind                       varchar(16)  not null,
    direction                  varchar(16)  not null,
    politically_decided_target boolean      not null,
    note                       text,
    direction_basis            varchar(16)  not null,
    direction_reason           text,
    date_precision             varchar(8)   not null,
    -- the data source as defined (null when none): kind and KPI id
    source_kind                varchar(16),
    source_kpi                 varchar(64)
);
create index ix_programme_indicator_defined on programme_indicator_defined (delmal_id, indicator_id);
create index ix_programme_indicator_defined_indicator on programme_indicator_defined (indicator_id);

-- A delmål or an indicator retired (parent_id: its goal or delmål).
create table programme_retired (
    fact_id          varchar(80)  not null primary key,
    global_index     bigint       not null,
    order_index      bigint       not null,
    valid_from       date         not null,
    decision_id      varchar(64),
    citation         varchar(128),
    recorded_at      timestamptz  not null,
    recorded_by      text,
    documented_on date,
    superseded_at    timestamptz,
    superseded_by    varchar(80),
    entity_kind      varchar(16)  not null check (entity_kind in ('DELMAL', 'INDICATOR')),
    entity_id        varchar(100) not null,
    parent_id        varchar(100)
);
create index ix_programme_retired on programme_retired (entity_id, entity_kind);

-- An ambition level set by a decision, or a correction of one (correction_of: the fact it
-- replaces, whose recorded time it closes; it keeps that entry's order_index).
create table programme_ambition_level (
    fact_id           varchar(80)  not null primary key,
    global_index      bigint       not null,
    order_index       bigint       not null,
    valid_from        date         not null,
    decision_id       varchar(64),
    citation          varchar(128),
    recorded_at       timestamptz  not null,
    recorded_by       text,
    documented_on date,
    superseded_at     timestamptz,
    superseded_by     varchar(80),
    indicator_id      varchar(100) not null,
    text              text         not null,
    target_year       integer,
    ambiguous         boolean      not null,
    findings          text[]       not null,
    rules_source      varchar(16),
    -- SET, or TO_BE_DISCUSSED: a level the paper leaves to dialogue (no rule)
    status            varchar(16)  not null,
    date_precision    varchar(8)   not null,
    -- an AmbitionLevelCorrected (true) or an AmbitionLevelSet
    correction        boolean      not null,
    correction_of     varchar(80),
    correction_reason text
);
create index ix_programme_ambition_level on programme_ambition_level (indicator_id, decision_id, valid_from);
create index ix_programme_ambition_level_decision on programme_ambition_level (decision_id);

-- The structured rules of an ambition level, in their order.
create table programme_ambition_rule (
    fact_id      varchar(80)  not null,
    position     integer      not null,
    comparator   varchar(24)  not null,
    reference    varchar(24)  not null,
    margin       numeric,
    margin_unit  varchar(24),
    target_year  integer,
    target_group text,
    primary key (fact_id, position)
);

create table programme_target_value (
    fact_id          varchar(80)  not null primary key,
    global_index     bigint       not null,
    order_index      bigint       not null,
    valid_from       date         not null,
    decision_id      varchar(64),
    citation         varchar(128),
    recorded_at      timestamptz  not null,
    recorded_by      text,
    documented_on date,
    superseded_at    timestamptz,
    superseded_by    varchar(80),
    indicator_id     varchar(100) not null,
    value            numeric      not null,
    year             integer      not null
);
create index ix_programme_target_value on programme_target_value (indicator_id);
create index ix_programme_target_value_decision on programme_target_value (decision_id);

-- An indicator's data source changed by Målspår's own mapping: no decision; valid from the day it
-- was recorded (UTC); the reason says why.
create table programme_indicator_source (
    fact_id          varchar(80)  not null primary key,
    global_index     bigint       not null,
    order_index      bigint       not null,
    valid_from       date         not null,
    recorded_at      timestamptz  not null,
    recorded_by      text,
    superseded_at    timestamptz,
    superseded_by    varchar(80),
    indicator_id     varchar(100) not null,
    before_kind      varchar(16),
    before_kpi       varchar(64),
    after_kind       varchar(16),
    after_kpi        varchar(64),
    reason           text
);
create index ix_programme_indicator_source on programme_indicator_source (indicator_id);

-- Where a recorded change comes from (its event's provenance metadata), one row per change that
-- carries any: the import's origin and file version, the source paper (document, locator,
-- quote, the paper's date) and a note. documentedBy reads source_document_date.
create table programme_provenance (
    fact_id              varchar(80) not null primary key,
    origin               varchar(64),
    history_file         text,
    history_file_version text,
    source_document      text,
    source_locator       text,
    source_quote         text,
    source_document_date date,
    note                 text
);

-- The decision indexes of the structure tables (a decision's changes).
create index ix_programme_created_decision on programme_created (decision_id);
create index ix_programme_goal_added_decision on programme_goal_added (decision_id);
create index ix_programme_delmal_added_decision on programme_delmal_added (decision_id);
create index ix_programme_delmal_renamed_decision on programme_delmal_renamed (decision_id);
create index ix_programme_indicator_defined_decision on programme_indicator_defined (decision_id);
create index ix_programme_retired_decision on programme_retired (decision_id);

-- Positions of the read models for ETags (issue 16): a read model's row changes in the same
-- transaction as every batch it writes (and on a reset), so a new ETag appears exactly when new
-- rows become visible.
create table read_model_position (
    read_model  varchar(64) not null primary key,
    position    bigint      not null,
    -- counts every batch and reset: a replay never repeats an earlier ETag
    generation  bigint      not null
);

drop table programme_fact;

-- Rebuild: the programme processor starts again from the first event (its initial token) and
-- rewrites measurements and verdicts as well.
delete from programme_measurement;
delete from programme_verdict;
delete from token_entry where processor_name = 'programme';

-- A measurement's reference values (riket, länet) and its source in columns instead of jsonb: the
-- figures as two arrays, area ids in order and their values (area i has value i).
alter table programme_measurement
    drop column reference_values,
    drop column source,
    add column reference_national   numeric,
    add column reference_county     numeric,
    add column source_kind          varchar(16),
    add column source_kpi           varchar(64),
    add column source_area_ids      text[],
    add column source_url           text,
    add column source_fetched_at    timestamptz,
    add column source_figure_areas  text[],
    add column source_figure_values numeric[];
