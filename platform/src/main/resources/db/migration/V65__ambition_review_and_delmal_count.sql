-- Query side (issue 14), two small read models of their own (not the programme fact table):
-- ambition_review: the programme's ambition levels under review (omarbetning), from the adopted
--   assignment that opened it until the decision that closed it; "review", because "revision" is
--   the revisor's verification in this code base. Projection "ambition-review".
-- goal_delmal_count: how many delmål a paper says a goal has (named or not). Projection "delmal-count".
-- Both keep the recording instant, so the tree's knownAt applies to them too.
create table ambition_review (
    review_id          varchar(64)  not null,
    programme_id       varchar(200) not null,
    subject            text         not null,
    opened_decision_id varchar(64)  not null,
    opened_citation    text         not null,
    opened_from        date         not null,
    opened_recorded_at timestamptz  not null,
    opened_recorded_by text,
    opened_provenance  jsonb,
    opened_sequence    bigint       not null,
    closed_decision_id varchar(64),
    closed_citation    text,
    closed_from        date,
    closed_outcome     text,
    closed_recorded_at timestamptz,
    closed_recorded_by text,
    closed_provenance  jsonb,
    closed_sequence    bigint,
    constraint pk_ambition_review primary key (review_id)
);
create index ix_ambition_review_programme on ambition_review (programme_id, opened_from);

create table goal_delmal_count (
    event_id       varchar(64)  not null,
    programme_id   varchar(200) not null,
    goal_id        varchar(200) not null,
    stated         integer      not null,
    decision_id    varchar(64)  not null,
    citation       text         not null,
    effective_from date         not null,
    precision      varchar(8)   not null,
    recorded_at    timestamptz  not null,
    provenance     jsonb,
    sequence       bigint       not null,
    recorded_by    text,
    constraint pk_goal_delmal_count primary key (event_id)
);
create index ix_goal_delmal_count_programme on goal_delmal_count (programme_id, goal_id);
-- A decision's changes (GET /api/decisions/{id}) list these too, by the decision that authorised them.
create index ix_ambition_review_opened_decision on ambition_review (opened_decision_id);
create index ix_ambition_review_closed_decision on ambition_review (closed_decision_id);
create index ix_goal_delmal_count_decision on goal_delmal_count (decision_id);
