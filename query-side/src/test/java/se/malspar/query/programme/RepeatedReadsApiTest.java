package se.malspar.query.programme;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.RuleComparator;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.DecisionRegistered;
import se.malspar.kernel.decision.MeetingDate;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.ambition.AmbitionLevel;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.structure.DelmalAdded;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.kernel.programme.structure.ProgrammeCreated;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.query.QuerySideApplication;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.malspar.query.programme.ProgrammeEvents.decision;

/**
 * Read endpoints answer with an ETag from the read models' positions and the query; a repeated
 * read naming it gets 304 with no body until a write becomes visible. Over HTTP, on embedded
 * PostgreSQL.
 */
@MalsparApplicationTest(classes = QuerySideApplication.class)
class RepeatedReadsApiTest {

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

    ApiClient api;
    ProgrammeEvents events;
    String programme;

    @BeforeEach
    void programmeWithTwoGoals() {
        api = new ApiClient(port);
        events = new ProgrammeEvents(store, transactions, jdbc);
        programme = ProgrammeEvents.unique("rm-etag");
        events.publish(programme, new ProgrammeCreated(ProgrammeId.of(programme), "Program", "KF", KF, ADOPTED,
                DatePrecision.DAY));
        for (String goal : List.of("a", "b")) {
            events.publish(programme, new GoalAdded(GoalId.of(programme + "-" + goal), ProgrammeId.of(programme),
                    "Mål " + goal, null, KF, ADOPTED, DatePrecision.DAY));
            for (String delmal : List.of("1", "2")) {
                String id = programme + "-" + goal + delmal;
                events.publish(id, new DelmalAdded(DelmalId.of(id), GoalId.of(programme + "-" + goal),
                        ProgrammeId.of(programme), "Delmål " + goal + delmal, null, KF, ADOPTED, DatePrecision.DAY));
                events.publish(id + "-i", new IndicatorDefined(IndicatorId.of(id + "-i"), DelmalId.of(id),
                        GoalId.of(programme + "-" + goal), "Indikator " + goal + delmal, "%", IndicatorKind.MEASURED,
                        Direction.HIGHER_IS_BETTER, false, null, KF, ADOPTED));
            }
        }
        events.awaitApplied();
    }

    private ApiClient.Response get(String path, String ifNoneMatch) {
        return api.send("auditor", "GET", path, null, ifNoneMatch == null ? Map.of() : Map.of("If-None-Match", ifNoneMatch));
    }

    @Test
    void aRepeatedReadGets304UntilAWriteBecomesVisibleThenANewETag() {
        String tree = "/api/programmes/" + programme + "?validAt=2022-01-01";
        ApiClient.Response first = get(tree, null);
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"");
        assertThat(first.header("Cache-Control")).contains("no-cache");

        ApiClient.Response again = get(tree, etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(get("/api/programmes/" + programme + "?validAt=2022-01-02", etag).status())
                .as("another query, another ETag").isEqualTo(200);

        events.publish(programme + "-a1-i", new AmbitionLevelSet(IndicatorId.of(programme + "-a1-i"),
                new AmbitionLevel("över riket", List.of(AmbitionRule.of(RuleComparator.ABOVE, RuleReference.NATIONAL)),
                        null, false, List.of(), AmbitionLevel.RulesSource.READER), KF, ADOPTED));
        events.awaitApplied();

        ApiClient.Response changed = get(tree, etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.body()).contains("över riket");
        assertThat(get(tree, changed.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void everyReadEndpointAnswersARepeatWith304() {
        String indicator = programme + "-b2-i";
        String decision = "ks-2021-03-03-p" + ProgrammeEvents.number();
        events.publish(decision, new DecisionRegistered(new DecisionId(decision), "KS 2021-03-03 § " + decision.substring(15),
                "KS", MeetingDate.parse("2021-03-03"), Integer.valueOf(decision.substring(15)), null, "Beslut", null,
                LocalDate.of(2021, 3, 3), false, null));
        events.awaitApplied("decision-register");
        for (String path : List.of("/api/decisions", "/api/decisions/" + decision, "/api/programmes", "/api/programmes/" + programme + "/diff?from=2020-01-01&to=2022-01-01",
                "/api/indicators/" + indicator + "/history", "/api/indicators/" + indicator + "/fulfilment",
                "/api/programmes/" + programme + "/goals/" + programme + "-a")) {
            ApiClient.Response first = get(path, null);
            assertThat(first.status()).as(path).isEqualTo(200);
            assertThat(get(path, first.header("ETag")).status()).as(path).isEqualTo(304);
        }
    }

    @Test
    void badInputIsRefusedBeforeAnyETagIsCompared() {
        assertThat(get("/api/programmes/" + programme + "?period=2022-T9", "*").status()).isEqualTo(400);
        assertThat(get("/api/programmes/" + programme + "/goals/" + programme + "-x", null).status()).isEqualTo(404);
    }

    @Test
    void oneGoalOrOneDelmalOfALargeTreeAtATime() {
        ApiClient.Response goal = get("/api/programmes/" + programme + "/goals/" + programme + "-b?validAt=2022-01-01", null);
        assertThat(goal.status()).isEqualTo(200);
        assertThat(goal.json().path("goals")).hasSize(1);
        assertThat(goal.json().path("goals").get(0).path("goalId").asText()).isEqualTo(programme + "-b");
        assertThat(goal.json().path("goals").get(0).path("delmal")).hasSize(2);

        ApiClient.Response delmal = get("/api/programmes/" + programme + "/delmal/" + programme + "-b2?validAt=2022-01-01",
                null);
        assertThat(delmal.status()).isEqualTo(200);
        assertThat(delmal.json().path("goals")).hasSize(1);
        assertThat(delmal.json().path("goals").get(0).path("delmal")).singleElement()
                .satisfies(d -> assertThat(d.path("indicators").get(0).path("indicatorId").asText())
                        .isEqualTo(programme + "-b2-i"));
        assertThat(get("/api/programmes/" + programme + "?goal=" + programme + "-a&validAt=2022-01-01", null)
                .json().path("goals")).hasSize(1);
        assertThat(get("/api/programmes/" + programme + "?validAt=2022-01-01", null).json().path("goals")).hasSize(2);
    }
}
