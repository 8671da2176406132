-- Closed follow-up periods (PeriodClosed / PeriodReopened; new events, so nothing to fill in from the store).

-- Command side: which periods are closed now, and by which decision. Written by a subscribing
-- projector (ClosedPeriods) in the transaction that stores the event; consulted before a
-- measurement or an assessment reaches its indicator, and by the Kolada import.
create table closed_period_lookup (
    period      varchar(7)   not null,
    decision_id varchar(64)  not null,
    citation    varchar(200) not null,
    constraint pk_closed_period_lookup primary key (period)
);

-- Query side: every closing and reopening as recorded, so the tree and the indicator history can
-- show a period's state as known at any instant. Owned by the projection "follow-up-periods".
create table follow_up_period_change (
    period      varchar(7)   not null,
    sequence    bigint       not null,
    state       varchar(8)   not null,
    decision_id varchar(64)  not null,
    citation    varchar(200) not null,
    reason      text,
    -- the event's place in the store (a decision's changes are listed, and proved, by it)
    global_index bigint      not null,
    recorded_at timestamptz  not null,
    recorded_by text,
    constraint pk_follow_up_period_change primary key (period, sequence),
    constraint ck_follow_up_period_change_state check (state in ('CLOSED', 'OPEN'))
);
