-- Issue 15 (remiss and KS's own goals).
-- Command side: the organ that owns each programme, so that only its owner adds goals (KF's
-- programme by KF, KS's own by KS). Filled for programmes created before this migration from
-- their ProgrammeCreated events (ownerOrgan of the JSON payload).
alter table structure_lookup add column owner_organ varchar(10);
update structure_lookup s
   set owner_organ = convert_from(e.payload, 'UTF8')::jsonb ->> 'ownerOrgan'
  from domain_event_entry e
 where s.kind = 'PROGRAMME'
   and e.aggregate_identifier = s.entity_id
   and e.payload_type = 'se.malspar.kernel.programme.ProgrammeCreated';

-- Query side: consultation rounds (remiss), their responses and the changes each led to. One
-- projection ("consultations") owns all three.
create table consultation (
    consultation_id   varchar(100) not null,
    title             text         not null,
    decision_id       varchar(64),
    decision_citation text,
    sent_on           date,
    source            jsonb,
    recorded_at       timestamptz  not null,
    recorded_by       text,
    constraint pk_consultation primary key (consultation_id)
);

create table consultation_response (
    consultation_id varchar(100) not null,
    response_id     varchar(100) not null,
    global_index    bigint       not null,
    respondent      varchar(64)  not null,
    subject         text,
    subject_kind    varchar(16)  not null,
    comment         text         not null,
    proposed_answer text,
    outcome         varchar(32),
    outcome_text    text,
    source          jsonb,
    recorded_at     timestamptz  not null,
    recorded_by     text,
    constraint pk_consultation_response primary key (consultation_id, response_id)
);
create index ix_consultation_response_order on consultation_response (consultation_id, global_index);

create table consultation_response_change (
    consultation_id   varchar(100) not null,
    response_id       varchar(100) not null,
    decision_id       varchar(64)  not null,
    decision_citation text         not null,
    entity_id         varchar(100) not null,
    reason            text         not null,
    global_index      bigint       not null,
    recorded_at       timestamptz  not null,
    recorded_by       text,
    constraint pk_consultation_response_change primary key (consultation_id, response_id, decision_id, entity_id)
);
create index ix_consultation_response_change_entity on consultation_response_change (entity_id, decision_id);
