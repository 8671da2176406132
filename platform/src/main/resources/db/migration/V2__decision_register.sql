-- Command side: the decision lookup, written in the same transaction as the decision events.
create table decision_lookup (
    decision_id    varchar(64)  not null,
    citation       varchar(128) not null,
    organ          varchar(16)  not null,
    meeting_date   varchar(10)  not null,
    effective_from date,
    incomplete     boolean      not null,
    constraint pk_decision_lookup primary key (decision_id),
    constraint uk_decision_lookup_citation unique (citation)
);

-- Query side: the decision register as revisors read it, and every correction of an entry.
create table decision_register (
    decision_id    varchar(64)  not null,
    citation       varchar(128) not null,
    organ          varchar(16)  not null,
    meeting_date   varchar(10)  not null,
    paragraph      integer,
    case_number    text,
    title          text         not null,
    protocol_url   text,
    effective_from date,
    incomplete     boolean      not null,
    note           text,
    registered_at  timestamptz  not null,
    registered_by  text,
    version        bigint       not null,
    constraint pk_decision_register primary key (decision_id)
);
create index ix_decision_register_meeting on decision_register (meeting_date, organ, paragraph);

create table decision_register_correction (
    event_id         varchar(64)  not null,
    decision_id      varchar(64)  not null,
    sequence_number  bigint       not null,
    citation         varchar(128) not null,
    corrected_fields text         not null,
    reason           text         not null,
    recorded_at      timestamptz  not null,
    recorded_by      text,
    constraint pk_decision_register_correction primary key (event_id)
);
create index ix_decision_register_correction_decision on decision_register_correction (decision_id, sequence_number);
