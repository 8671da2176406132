-- Command side: the programme structure as the set-based rules need it (parents, names, retired),
-- written in the same transaction as the structure events.
create table structure_lookup (
    kind      varchar(16)  not null,
    entity_id varchar(100) not null,
    parent_id varchar(100) not null,
    name      text         not null,
    name_key  text         not null,
    retired   boolean      not null,
    constraint pk_structure_lookup primary key (kind, entity_id)
);
-- Names are unique among the active children of one parent (NFC, case-insensitive).
create unique index uk_structure_lookup_name on structure_lookup (kind, parent_id, name_key) where not retired;

-- Idempotency keys, stored in the same transaction as the events the keyed request caused.
create table idempotency_record (
    user_id         varchar(200) not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    result_type     varchar(200),
    result_json     text,
    created_at      timestamptz  not null default now(),
    constraint pk_idempotency_record primary key (user_id, idempotency_key)
);
