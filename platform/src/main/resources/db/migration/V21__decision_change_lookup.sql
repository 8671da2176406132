-- Command side: which stored events are changes a decision authorised, for the revisors'
-- verifications (what a checkpoint covers). Written by a subscribing projector in the same
-- transaction as the events; joined to domain_event_entry by event_identifier for the sequence.
create table decision_change_lookup (
    event_identifier varchar(255) not null,
    decision_id      varchar(64)  not null,
    constraint pk_decision_change_lookup primary key (event_identifier)
);
create index ix_decision_change_lookup_decision on decision_change_lookup (decision_id);

-- The projector never replays: changes recorded before this migration are filled in from the store.
insert into decision_change_lookup (event_identifier, decision_id)
select e.event_identifier, convert_from(e.payload, 'UTF8')::jsonb -> 'decision' ->> 'decisionId'
  from domain_event_entry e
 where e.payload_type in ('se.malspar.kernel.programme.ProgrammeCreated', 'se.malspar.kernel.programme.GoalAdded',
                          'se.malspar.kernel.programme.DelmalAdded', 'se.malspar.kernel.programme.DelmalRenamed',
                          'se.malspar.kernel.programme.DelmalRetired', 'se.malspar.kernel.programme.IndicatorDefined',
                          'se.malspar.kernel.programme.IndicatorRetired', 'se.malspar.kernel.programme.AmbitionLevelSet',
                          'se.malspar.kernel.programme.TargetValueSet')
   and convert_from(e.payload, 'UTF8')::jsonb -> 'decision' ->> 'decisionId' is not null
on conflict (event_identifier) do nothing;
