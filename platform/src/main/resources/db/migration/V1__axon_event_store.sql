-- Axon Framework's tables, owned by Flyway (Hibernate only validates them).
-- Payload, metadata, token and saga columns are bytea; see META-INF/axon-orm.xml.
-- The event store is append-only: rows are public records and are never updated or deleted.

create sequence domain_event_entry_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index         bigint       not null,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint pk_domain_event_entry primary key (global_index),
    constraint uk_domain_event_entry_aggregate_sequence unique (aggregate_identifier, sequence_number),
    constraint uk_domain_event_entry_event_identifier unique (event_identifier)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint pk_snapshot_event_entry primary key (aggregate_identifier, sequence_number, type),
    constraint uk_snapshot_event_entry_event_identifier unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255) not null,
    owner          varchar(255),
    constraint pk_token_entry primary key (processor_name, segment)
);

create table saga_entry (
    saga_id         varchar(255) not null,
    saga_type       varchar(255),
    revision        varchar(255),
    serialized_saga bytea,
    constraint pk_saga_entry primary key (saga_id)
);

create sequence association_value_entry_seq start with 1 increment by 1;

create table association_value_entry (
    id                bigint       not null,
    saga_id           varchar(255) not null,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_type         varchar(255),
    constraint pk_association_value_entry primary key (id)
);
create index ix_association_value_entry_lookup on association_value_entry (saga_type, association_key, association_value);
create index ix_association_value_entry_saga on association_value_entry (saga_id, saga_type);

create table dead_letter_entry (
    dead_letter_id       varchar(255) not null,
    processing_group     varchar(255) not null,
    sequence_identifier  varchar(255) not null,
    sequence_index       bigint       not null,
    message_type         varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    type                 varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          timestamp(6) with time zone not null,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    constraint pk_dead_letter_entry primary key (dead_letter_id),
    constraint uk_dead_letter_entry_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index ix_dead_letter_entry_group on dead_letter_entry (processing_group);
create index ix_dead_letter_entry_group_sequence on dead_letter_entry (processing_group, sequence_identifier);

-- Auditors rely on the store never changing: the database itself refuses to rewrite or delete events.
create function malspar_refuse_event_rewrite() returns trigger language plpgsql as $$
begin
    raise exception 'domain_event_entry is append-only: % is refused', tg_op;
end
$$;
create trigger domain_event_entry_append_only
    before update or delete on domain_event_entry
    for each row execute function malspar_refuse_event_rewrite();
create trigger domain_event_entry_no_truncate
    before truncate on domain_event_entry
    for each statement execute function malspar_refuse_event_rewrite();
