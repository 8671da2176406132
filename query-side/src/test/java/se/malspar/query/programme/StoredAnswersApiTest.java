package se.malspar.query.programme;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionTemplate;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.DecisionRegistered;
import se.malspar.kernel.decision.MeetingDate;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.structure.DelmalAdded;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.kernel.programme.structure.DelmalRenamed;
import se.malspar.kernel.programme.structure.ProgrammeCreated;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.query.QuerySideApplication;
import se.malspar.query.ambitionreview.AmbitionReview;
import se.malspar.query.delmalcount.StatedDelmalCount;
import se.malspar.query.etag.ReadModelPositions;
import se.malspar.query.goallinks.GoalLinks;
import se.malspar.query.period.PeriodState;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.malspar.query.programme.ProgrammeEvents.decision;

/**
 * A full answer already written for an ETag is written again from the store of answers: byte for
 * byte what Spring writes for a freshly built one, and never once a read model it was built from
 * has advanced. Over HTTP, on embedded PostgreSQL.
 */
@MalsparApplicationTest(classes = QuerySideApplication.class)
class StoredAnswersApiTest {

    private static final DecisionReference KF = decision("kf-2020-11-26-p5", "KF 2020-11-26 § 5");
    private static final LocalDate ADOPTED = LocalDate.of(2020, 11, 26);

    @LocalServerPort
    int port;
    @Autowired
    EventStore store;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ReadModelPositions positions;
    @Autowired
    ProgrammeReadController controller;
    @Autowired
    MappingJackson2HttpMessageConverter json;

    ApiClient api;
    ProgrammeEvents events;
    String programme;
    Instant recorded;

    @BeforeEach
    void programmeWithOneIndicator() {
        api = new ApiClient(port);
        events = new ProgrammeEvents(store, transactions, jdbc);
        programme = ProgrammeEvents.unique("stored-answer");
        String goal = programme + "-g";
        String delmal = programme + "-d";
        events.publish(programme, new ProgrammeCreated(ProgrammeId.of(programme), "Målprogram för Vaggeryd", "KF", KF,
                ADOPTED, DatePrecision.DAY));
        events.publish(goal, new GoalAdded(GoalId.of(goal), ProgrammeId.of(programme), "Trygg och säker kommun", null, KF,
                ADOPTED, DatePrecision.DAY));
        events.publish(delmal, new DelmalAdded(DelmalId.of(delmal), GoalId.of(goal), ProgrammeId.of(programme),
                "Ökad trygghet", null, KF, ADOPTED, DatePrecision.DAY));
        events.publish(delmal + "-i", new IndicatorDefined(IndicatorId.of(delmal + "-i"), DelmalId.of(delmal),
                GoalId.of(goal), "Andel som känner sig trygga", "%", IndicatorKind.MEASURED, Direction.HIGHER_IS_BETTER,
                false, null, KF, ADOPTED));
        events.awaitApplied();
        recorded = Instant.now();
    }

    private ApiClient.Response get(String path) {
        return api.send("auditor", "GET", path, null, Map.of());
    }

    private double gets(String result) {
        return meters.get("cache.gets").tag("cache", "answers").tag("result", result).functionCounter().count();
    }

    @Test
    void aRepeatedFullReadIsWrittenFromTheStoreByteForByteAsSpringWritesAFreshAnswer() throws IOException {
        String tree = "/api/programmes/" + programme + "?validAt=2022-01-01&knownAt=" + recorded;
        double hits = gets("hit");
        ApiClient.Response first = get(tree);
        ApiClient.Response repeat = get(tree);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(gets("hit")).as("the repeat came from the store").isEqualTo(hits + 1);
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(repeat.header("Content-Type")).isEqualTo(first.header("Content-Type")).startsWith("application/json");
        assertThat(repeat.body()).isEqualTo(first.body()).contains("Trygg och säker kommun");

        // Built anew (another path, so another ETag: nothing stored) and written by Spring's own converter.
        MockHttpServletRequest fresh = new MockHttpServletRequest("GET", "/fresh/" + programme);
        ProgrammeTree built = controller.tree(programme, LocalDate.of(2022, 1, 1), recorded, null, null, null, null, fresh)
                .getBody();
        Written written = new Written();
        json.write(built, ProgrammeTree.class, MediaType.APPLICATION_JSON, written);
        assertThat(repeat.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(written.body.toByteArray());
    }

    @Test
    void aStoredAnswerIsNeverServedOnceAnyReadModelItWasBuiltFromHasAdvanced() {
        String tree = "/api/programmes/" + programme + "?validAt=2022-01-01&knownAt=" + recorded;
        ApiClient.Response before = get(tree);
        // Each of the tree's read models advancing (here without changing what it answers) makes a new answer.
        for (String readModel : List.of(ProgrammeProjection.GROUP, GoalLinks.READ_MODEL, AmbitionReview.READ_MODEL,
                StatedDelmalCount.READ_MODEL, PeriodState.READ_MODEL)) {
            positions.advance(readModel, 0);
            double misses = gets("miss");
            ApiClient.Response after = get(tree);
            assertThat(after.header("ETag")).as(readModel).isNotEqualTo(before.header("ETag"));
            assertThat(gets("miss")).as(readModel + ": built again, not taken from the store").isEqualTo(misses + 1);
            assertThat(after.body()).as(readModel).isEqualTo(before.body());
            before = after;
        }
        // A change the tree shows: the next full answer has it (knownAt left out: everything applied so far).
        String now = "/api/programmes/" + programme + "?validAt=2022-01-01";
        assertThat(get(now).body()).contains("Ökad trygghet");
        events.publish(programme + "-d", new DelmalRenamed(DelmalId.of(programme + "-d"), GoalId.of(programme + "-g"),
                "Ökad trygghet", "Tryggare offentliga miljöer", KF, LocalDate.of(2021, 6, 1)));
        events.awaitApplied();
        assertThat(get(now).body()).contains("Tryggare offentliga miljöer").doesNotContain("Ökad trygghet");
    }

    @Test
    void everyStoredEndpointWritesARepeatFromTheStoreUnchanged() {
        String indicator = programme + "-d-i";
        String decision = "ks-2021-03-04-p" + ProgrammeEvents.number();
        events.publish(decision, new DecisionRegistered(new DecisionId(decision), "KS 2021-03-04 § " + decision.substring(15),
                "KS", MeetingDate.parse("2021-03-04"), Integer.valueOf(decision.substring(15)), null, "Beslut", null,
                LocalDate.of(2021, 3, 4), false, null));
        events.awaitApplied("decision-register");
        for (String path : List.of("/api/programmes", "/api/decisions/" + decision,
                "/api/programmes/" + programme + "/diff?from=2020-01-01&to=2022-01-01&knownAt=" + recorded,
                "/api/indicators/" + indicator + "/history", "/api/indicators/" + indicator + "/fulfilment",
                "/api/programmes/" + programme + "/delmal/" + programme + "-d?knownAt=" + recorded)) {
            ApiClient.Response first = get(path);
            double hits = gets("hit");
            ApiClient.Response repeat = get(path);
            assertThat(repeat.status()).as(path).isEqualTo(200);
            assertThat(gets("hit")).as(path + ": from the store").isEqualTo(hits + 1);
            assertThat(repeat.body()).as(path).isEqualTo(first.body());
            assertThat(repeat.header("Content-Type")).as(path).isEqualTo(first.header("Content-Type"));
        }
    }

    private static final class Written implements HttpOutputMessage {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final HttpHeaders headers = new HttpHeaders();

        @Override
        public ByteArrayOutputStream getBody() {
            return body;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
