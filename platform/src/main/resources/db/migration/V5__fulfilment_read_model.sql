-- Query side: fulfilment verdicts per indicator and report period. Computed verdicts (with the
-- principle's version, inputs and explanation) and human assessments are both kept; a newer one
-- of the same source for the same period supersedes the older in recorded time, never replaces it.
create table programme_verdict (
    fact_id           varchar(80)  not null,
    global_index      bigint       not null,
    indicator_id      varchar(100) not null,
    period            varchar(7)   not null,
    period_order      integer      not null,
    source            varchar(16)  not null,
    verdict           varchar(16)  not null,
    principle_version varchar(32),
    based_on_period   varchar(7),
    carried_forward   boolean,
    inputs            jsonb,
    steps             jsonb,
    explanation_sv    text,
    explanation_en    text,
    motivation        text,
    decision_id       varchar(64),
    citation          varchar(128),
    recorded_at       timestamptz  not null,
    recorded_by       text,
    superseded_at     timestamptz,
    superseded_by     varchar(80),
    constraint pk_programme_verdict primary key (fact_id)
);
create index ix_programme_verdict_indicator on programme_verdict (indicator_id, period_order, source, global_index);
