-- Integrity: the sealed Merkle tree over domain_event_entry (README "Integrity and revision").
-- Leaf i is global_index i + 1: a stored event or an explicit gap; both are append-only.
create table integrity_leaf (
    sequence bigint  not null,
    gap      boolean not null,
    hash     bytea   not null,
    constraint pk_integrity_leaf primary key (sequence)
);

-- Perfect subtrees above the leaves (level >= 1), node_index = first leaf index >> level:
-- every proof is then O(log n) lookups.
create table integrity_node (
    level      smallint not null,
    node_index bigint   not null,
    hash       bytea    not null,
    constraint pk_integrity_node primary key (level, node_index)
);

-- Every key that ever signed a checkpoint stays here, so rotation keeps old checkpoints verifiable.
create table integrity_public_key (
    key_id        varchar(16) not null,
    algorithm     varchar(16) not null,
    public_key    bytea       not null,
    registered_at timestamptz not null,
    constraint pk_integrity_public_key primary key (key_id)
);

create table integrity_checkpoint (
    tree_size bigint      not null,
    root_hash bytea       not null,
    issued_at varchar(20) not null,
    key_id    varchar(16) not null references integrity_public_key (key_id),
    signature bytea       not null,
    constraint pk_integrity_checkpoint primary key (tree_size)
);

-- Full verifications of the store against the sealed tree, with their progress and outcome.
create table integrity_verification (
    verification_id        uuid        not null,
    state                  varchar(16) not null,
    requested_by           text,
    started_at             timestamptz not null,
    finished_at            timestamptz,
    events_checked         bigint      not null,
    events_total           bigint      not null,
    checkpoint_tree_size   bigint,
    first_mismatch_sequence bigint,
    first_mismatch_kind    varchar(16),
    message                text,
    constraint pk_integrity_verification primary key (verification_id)
);

create function malspar_refuse_seal_rewrite() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is refused', tg_table_name, tg_op;
end
$$;
create trigger integrity_leaf_append_only before update or delete on integrity_leaf
    for each row execute function malspar_refuse_seal_rewrite();
create trigger integrity_leaf_no_truncate before truncate on integrity_leaf
    for each statement execute function malspar_refuse_seal_rewrite();
create trigger integrity_node_append_only before update or delete on integrity_node
    for each row execute function malspar_refuse_seal_rewrite();
create trigger integrity_node_no_truncate before truncate on integrity_node
    for each statement execute function malspar_refuse_seal_rewrite();
create trigger integrity_checkpoint_append_only before update or delete on integrity_checkpoint
    for each row execute function malspar_refuse_seal_rewrite();
create trigger integrity_checkpoint_no_truncate before truncate on integrity_checkpoint
    for each statement execute function malspar_refuse_seal_rewrite();
create trigger integrity_public_key_append_only before update or delete on integrity_public_key
    for each row execute function malspar_refuse_seal_rewrite();
create trigger integrity_public_key_no_truncate before truncate on integrity_public_key
    for each statement execute function malspar_refuse_seal_rewrite();
