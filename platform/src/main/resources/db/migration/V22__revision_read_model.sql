-- Query side: the revisors' verifications, what each covers, and the sequence of every change a
-- decision authorised (for the revision status). One projection ("revision") owns all three.
create table revision_verification (
    verification_id    uuid         not null,
    decision_id        varchar(64)  not null,
    global_index       bigint       not null,
    outcome            varchar(16)  not null,
    protocol_reference text         not null,
    note               text,
    tree_size          bigint       not null,
    recorded_at        timestamptz  not null,
    recorded_by        text,
    constraint pk_revision_verification primary key (verification_id)
);
create index ix_revision_verification_decision on revision_verification (decision_id, global_index);

create table revision_verification_cover (
    verification_id uuid   not null,
    sequence        bigint not null,
    constraint pk_revision_verification_cover primary key (verification_id, sequence)
);

create table revision_change (
    sequence    bigint      not null,
    decision_id varchar(64) not null,
    constraint pk_revision_change primary key (sequence)
);
create index ix_revision_change_decision on revision_change (decision_id, sequence);
