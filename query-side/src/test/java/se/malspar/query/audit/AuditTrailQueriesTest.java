package se.malspar.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailQueriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AuditTrail.Event event(long sequence) {
        return new AuditTrail.Event(sequence, "id-" + sequence, "T", "x.T", null, null, null, null, null, Instant.EPOCH);
    }

    @Test
    void aGapIsFoundAfterTheRequestedSequenceOrBetweenEvents() {
        assertThat(AuditTrailQueries.firstGap(0, List.of(event(1), event(2), event(3)))).isEqualTo(-1);
        assertThat(AuditTrailQueries.firstGap(0, List.of(event(1), event(3)))).isEqualTo(1);
        assertThat(AuditTrailQueries.firstGap(10, List.of(event(12)))).isZero();
        assertThat(AuditTrailQueries.firstGap(10, List.of())).isEqualTo(-1);
    }

    @Test
    void theDecisionIsTheEventsDecisionOrTheEntryACorrectionCorrects() throws Exception {
        assertThat(AuditTrailQueries.decision(JSON.readTree("""
                {"goalId": "KF4", "decision": {"decisionId": "kf-2020-10-26-p1", "citation": "KF 2020-10-26 § 1"}}""")))
                .isEqualTo(new AuditTrail.Decision("kf-2020-10-26-p1", "KF 2020-10-26 § 1"));
        assertThat(AuditTrailQueries.decision(JSON.readTree("""
                {"corrects": {"decisionId": "ks-2022-03-09-p70", "citation": "KS 2022-03-09 § 70"}, "reason": "r"}""")))
                .isEqualTo(new AuditTrail.Decision("ks-2022-03-09-p70", "KS 2022-03-09 § 70"));
        assertThat(AuditTrailQueries.decision(JSON.readTree("""
                {"decisionId": "ks-2022-03-09-p70", "citation": "KS 2022-03-09 § 70"}"""))).isNull();
        assertThat(AuditTrailQueries.decision(JSON.readTree("{\"decision\": null}"))).isNull();
    }
}
