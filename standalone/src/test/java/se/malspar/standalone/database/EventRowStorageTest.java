package se.malspar.standalone.database;

import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.MarginUnit;
import se.malspar.kernel.ambition.RuleComparator;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.fulfilment.FulfilmentComputed;
import se.malspar.kernel.fulfilment.IndicatorEvidence;
import se.malspar.kernel.fulfilment.VerdictTrigger;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ambition.AmbitionLevel;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.StandaloneApplication;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How PostgreSQL keeps an event row (README, Database; BENCHMARKS.md, issue 16, third session): a row over its
 * TOAST threshold (~2 kB) is stored with its payload compressed, and its short columns and metadata stay in the row
 * (the compressed payload itself may go to the TOAST table: measured, that takes less room than keeping it in the row).
 * Fails if the payload's compression is switched off (e.g. {@code SET STORAGE EXTERNAL}) or if
 * {@code toast_tuple_target} is lowered or only the payload set to {@code MAIN}, which push the event id, the type name
 * and the metadata out of the row. The row is inserted in a transaction that is rolled back: no event is written.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class EventRowStorageTest {

    private static final IndicatorId INDICATOR = IndicatorId.of("kf2-gymnasiebehorighet");

    @Autowired
    DataSource dataSource;
    @Autowired
    Serializer serializer;

    /** A verdict against two rules, the kind of event that is the largest in the store (bench: 2.7 kB). */
    private static FulfilmentComputed verdictWithTwoRules() {
        IndicatorEvidence evidence = new IndicatorEvidence();
        DecisionReference ks = new DecisionReference(new DecisionId("ks-2021-01-13-p12"), "KS 2021-01-13 § 12");
        evidence.apply(new IndicatorDefined(INDICATOR, new DelmalId("kf2-larande"), new GoalId("KF2"), "Gymnasiebehörighet",
                "%", IndicatorKind.MEASURED, Direction.HIGHER_IS_BETTER, false, new IndicatorSource(SourceKind.KOLADA, "N15428"),
                ks, LocalDate.of(2021, 1, 13)), 0);
        evidence.apply(new AmbitionLevelSet(INDICATOR, new AmbitionLevel("positiv trend och +4 procentenheter över riket 2022",
                List.of(new AmbitionRule(RuleComparator.POSITIVE_TREND, RuleReference.OWN_BASELINE, null, null, null, null),
                        new AmbitionRule(RuleComparator.ABOVE, RuleReference.NATIONAL, new BigDecimal("4"),
                                MarginUnit.PERCENTAGE_POINTS, 2022, null)),
                2022, false, List.of(), AmbitionLevel.RulesSource.CLIENT), ks, LocalDate.of(2021, 1, 13)), 1);
        evidence.apply(new MeasurementRecorded(INDICATOR, "2021-AR", new BigDecimal("84.2"), null, "2021",
                Map.of(ReferenceArea.NATIONAL, new BigDecimal("85.6"), ReferenceArea.COUNTY, new BigDecimal("83.9")),
                MeasurementSource.of(SourceKind.KOLADA, "N15428", null, null), null), 2);
        evidence.apply(new MeasurementRecorded(INDICATOR, "2022-AR", new BigDecimal("86.1"), null, "2022",
                Map.of(ReferenceArea.NATIONAL, new BigDecimal("84.9"), ReferenceArea.COUNTY, new BigDecimal("84.0")),
                MeasurementSource.of(SourceKind.KOLADA, "N15428", null, null), null), 3);
        return evidence.compute(INDICATOR, "2022-AR", new VerdictTrigger("MeasurementRecorded", 3, null));
    }

    @Test
    void aVerdictOverTheToastThresholdIsStoredCompressedWithItsShortColumnsInTheRow() throws Exception {
        byte[] payload = serializer.serialize(verdictWithTwoRules(), byte[].class).getData();
        byte[] metaData = ("{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\"" + UUID.randomUUID()
                + "\",\"userId\":\"strategy\",\"loginMode\":\"basic\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(payload.length).as("the verdict must exceed PostgreSQL's TOAST threshold for this test").isGreaterThan(2100);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // A negative global index never meets the sequence's; the row is rolled back below.
                try (PreparedStatement insert = c.prepareStatement("""
                        insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                        type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        values (-1, ?, ?, 4, 'Indicator', '2023-03-01T10:15:30Z', ?, '2', ?, ?)""")) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "row-storage-" + UUID.randomUUID());
                    insert.setString(3, FulfilmentComputed.class.getName());
                    insert.setBytes(4, payload);
                    insert.setBytes(5, metaData);
                    insert.executeUpdate();
                }
                try (ResultSet row = c.createStatement().executeQuery("""
                        select octet_length(payload) raw, pg_column_size(payload) stored, pg_column_compression(payload) method,
                        concat_ws(' ', case when pg_column_toast_chunk_id(event_identifier) is not null then 'event_identifier' end,
                            case when pg_column_toast_chunk_id(aggregate_identifier) is not null then 'aggregate_identifier' end,
                            case when pg_column_toast_chunk_id(type) is not null then 'type' end,
                            case when pg_column_toast_chunk_id(time_stamp) is not null then 'time_stamp' end,
                            case when pg_column_toast_chunk_id(payload_type) is not null then 'payload_type' end,
                            case when pg_column_toast_chunk_id(payload_revision) is not null then 'payload_revision' end,
                            case when pg_column_toast_chunk_id(meta_data) is not null then 'meta_data' end) moved_out
                        from domain_event_entry where global_index = -1""")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("method")).as("payload compressed").isNotNull();
                    assertThat(row.getInt("stored")).as("stored bytes of %d", row.getInt("raw"))
                            .isLessThan(row.getInt("raw") * 3 / 4);
                    assertThat(row.getString("moved_out")).as("short columns moved out of the row to the TOAST table")
                            .isEmpty();
                }
            } finally {
                c.rollback();
            }
        }
    }
}
