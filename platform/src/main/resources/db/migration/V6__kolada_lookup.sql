-- Command side: which indicators name which Kolada KPI, for the Kolada import. Written by a
-- subscribing projector in the same transaction as IndicatorDefined / IndicatorRetired.
create table kolada_kpi_lookup (
    indicator_id   varchar(100) not null,
    kpi            varchar(50)  not null,
    indicator_kind varchar(16)  not null,
    retired        boolean      not null,
    constraint pk_kolada_kpi_lookup primary key (indicator_id)
);
create index ix_kolada_kpi_lookup_kpi on kolada_kpi_lookup (kpi) where not retired;

-- The projector is subscribing: it never replays, so indicators defined before this migration
-- are filled in here from the event store (payloads are the JSON of the events).
insert into kolada_kpi_lookup (indicator_id, kpi, indicator_kind, retired)
select e.payload_json ->> 'indicatorId',
       upper(btrim(e.payload_json -> 'source' ->> 'kpi')),
       coalesce(e.payload_json ->> 'kind', 'MEASURED'),
       false
  from (select convert_from(payload, 'UTF8')::jsonb as payload_json
          from domain_event_entry
         where payload_type = 'se.malspar.kernel.programme.IndicatorDefined') e
 where e.payload_json -> 'source' ->> 'kind' = 'KOLADA'
   and coalesce(btrim(e.payload_json -> 'source' ->> 'kpi'), '') <> ''
on conflict (indicator_id) do nothing;

update kolada_kpi_lookup l
   set retired = true
 where exists (select 1 from domain_event_entry d
                where d.payload_type = 'se.malspar.kernel.programme.IndicatorRetired'
                  and d.aggregate_identifier = l.indicator_id);
