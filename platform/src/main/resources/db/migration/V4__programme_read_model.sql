-- Query side: the bitemporal programme read model. Every decided change is a fact with its valid
-- time (valid_from = effectiveFrom; it holds until the next fact of the same entity and attribute
-- takes effect) and its recorded time (recorded_at until superseded_at, when a correction
-- replaced it). Rows are only inserted; a correction closes the recorded time of the fact it
-- corrects (superseded_at, superseded_by) and adds the corrected fact. Nothing is lost.
create table programme_fact (
    fact_id           varchar(80)  not null,
    global_index      bigint       not null,
    -- Orders facts that take effect on the same day: the global index of the decided change
    -- (a correction keeps the place of the entry it corrects).
    order_index       bigint       not null,
    event_type        varchar(64)  not null,
    programme_id      varchar(100),
    entity_kind       varchar(16)  not null,
    entity_id         varchar(100) not null,
    parent_id         varchar(100),
    attribute         varchar(16)  not null,
    value             jsonb        not null,
    valid_from        date         not null,
    decision_id       varchar(64),
    citation          varchar(128),
    recorded_at       timestamptz  not null,
    recorded_by       text,
    superseded_at     timestamptz,
    superseded_by     varchar(80),
    correction_of     varchar(80),
    correction_reason text,
    constraint pk_programme_fact primary key (fact_id)
);
create index ix_programme_fact_tree on programme_fact (programme_id, entity_kind, entity_id, attribute, valid_from, order_index);
create index ix_programme_fact_entity on programme_fact (entity_id, entity_kind, attribute);
create index ix_programme_fact_decision on programme_fact (decision_id);

-- Measurements per follow-up period; a later one for the same period supersedes (recorded time).
create table programme_measurement (
    fact_id          varchar(80)  not null,
    global_index     bigint       not null,
    indicator_id     varchar(100) not null,
    period           varchar(7)   not null,
    period_order     integer      not null,
    value            numeric,
    done             boolean,
    data_period      varchar(20),
    reference_values jsonb        not null,
    source           jsonb,
    note             text,
    recorded_at      timestamptz  not null,
    recorded_by      text,
    superseded_at    timestamptz,
    superseded_by    varchar(80),
    constraint pk_programme_measurement primary key (fact_id)
);
create index ix_programme_measurement_indicator on programme_measurement (indicator_id, period_order, global_index);
