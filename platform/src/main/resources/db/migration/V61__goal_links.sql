-- Issue 15: a goal's links beyond the programme tree, kept by the query side's "goal-links"
-- projection: its Barnkonventionen articles (each decided set a row, in force from effective_from,
-- known from recorded_at) and the goals of other programmes it contributes to (fixed when added).
create table goal_child_rights (
    goal_id           varchar(100) not null,
    global_index      bigint       not null,
    articles          integer[]    not null,
    decision_id       varchar(64)  not null,
    decision_citation text         not null,
    effective_from    date         not null,
    recorded_at       timestamptz  not null,
    recorded_by       text,
    constraint pk_goal_child_rights primary key (global_index)
);
create index ix_goal_child_rights_goal on goal_child_rights (goal_id, effective_from, global_index);

create table goal_contribution (
    goal_id        varchar(100) not null,
    contributes_to varchar(100) not null,
    position       integer      not null,
    constraint pk_goal_contribution primary key (goal_id, contributes_to)
);
