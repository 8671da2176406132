package se.malspar.standalone.programme;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.standalone.Paragraphs;
import se.malspar.standalone.StandaloneApplication;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One history told bitemporally: a decided change, a later retroactive decision and a
 * correction. The tree as of several (validAt, knownAt) pairs is what the rules say.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeAsOfTest {

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore store;

    ApiClient api;
    String programme;
    String indicator;
    String tillganglighet;
    String ks12;
    String ks70;
    String ksRetro;
    Instant t1;
    Instant t2;
    Instant t3;
    Instant t4;

    private String register(String citation) {
        var created = api.post("strategy", "/api/admin/decisions", "{\"citation\": \"" + citation + "\", \"title\": \"t\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("citation").asText();
    }

    private JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }

    private Instant settle() throws InterruptedException {
        CaughtUp.await(processing, store);
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }

    @BeforeAll
    void tellTheHistory() throws Exception {
        api = new ApiClient(port);
        int p = Paragraphs.next();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String kf = register("KF 2020-10-26 § " + p);
        ks12 = register("KS 2021-01-13 § " + p);
        ks70 = register("KS 2022-03-09 § " + p);
        ksRetro = register("KS 2022-06-01 § " + p);
        programme = "asof-" + suffix;
        ok(api.post("strategy", "/api/admin/programmes", """
                {"programmeId": "%s", "name": "Program %s", "ownerOrgan": "KF", "decision": "%s"}""".formatted(programme, suffix, kf)));
        ok(api.post("strategy", "/api/admin/programmes/" + programme + "/goals", """
                {"goalId": "KF4-%s", "name": "Delaktighet, tillgänglighet och trygghet", "decision": "%s"}""".formatted(suffix, kf)));
        String delmal = ok(api.post("strategy", "/api/admin/goals/KF4-" + suffix + "/delmal",
                "{\"name\": \"Upplevd effekt\", \"decision\": \"" + kf + "\"}")).get("id").asText();
        indicator = ok(api.post("strategy", "/api/admin/delmal/" + delmal + "/indicators", """
                {"name": "Trygghet", "unit": "procent", "kind": "MEASURED", "direction": "HIGHER_IS_BETTER",
                 "politicallyDecidedTarget": false, "decision": "%s"}""".formatted(ks12))).get("id").asText();
        ok(api.put("strategy", "/api/admin/indicators/" + indicator + "/ambition-level",
                "{\"text\": \"över riket\", \"decision\": \"" + ks12 + "\"}"));
        t1 = settle();
        tillganglighet = ok(api.post("strategy", "/api/admin/goals/KF4-" + suffix + "/delmal",
                "{\"name\": \"Tillgänglighet\", \"decision\": \"" + ks70 + "\"}")).get("id").asText();
        t2 = settle();
        // Decided in June 2022, in force from June 2021: a retroactive decision.
        ok(api.put("strategy", "/api/admin/indicators/" + indicator + "/ambition-level",
                "{\"text\": \"positiv trend och över riket\", \"decision\": \"" + ksRetro + "\", \"effectiveFrom\": \"2021-06-01\"}"));
        t3 = settle();
        ok(api.post("strategy", "/api/admin/indicators/" + indicator + "/ambition-level/corrections",
                "{\"correctsDecision\": \"" + ks12 + "\", \"text\": \"över länet\", \"reason\": \"fel referens vid inmatningen\"}"));
        t4 = settle();
    }

    private JsonNode tree(String validAt, Instant knownAt) {
        return ok(api.get("auditor", "/api/programmes/" + programme + "?validAt=" + validAt + "&knownAt=" + knownAt));
    }

    private static JsonNode onlyGoal(JsonNode tree) {
        assertThat(tree.get("goals")).hasSize(1);
        return tree.get("goals").get(0);
    }

    private static List<String> delmalNames(JsonNode tree) {
        List<String> names = new java.util.ArrayList<>();
        onlyGoal(tree).get("delmal").forEach(d -> names.add(d.get("name").asText()));
        return names;
    }

    private String ambitionText(String validAt, Instant knownAt) {
        JsonNode tree = tree(validAt, knownAt);
        JsonNode delmal = onlyGoal(tree).get("delmal");
        for (JsonNode d : delmal) {
            for (JsonNode i : d.get("indicators")) {
                if (i.get("indicatorId").asText().equals(indicator)) {
                    return i.path("ambitionLevel").path("text").asText(null);
                }
            }
        }
        throw new AssertionError("indicator not in the tree " + tree);
    }

    @Test
    void beforeTheProgrammeTookEffectNothingIsInForce() {
        JsonNode tree = tree("2020-01-01", t4);
        assertThat(tree.get("inForce").asBoolean()).isFalse();
        assertThat(tree.get("goals")).isEmpty();
    }

    @Test
    void aDelmalIsInForceFromItsDecisionOnceItIsRecorded() {
        assertThat(delmalNames(tree("2021-06-01", t4))).containsExactly("Upplevd effekt");
        assertThat(delmalNames(tree("2022-03-10", t1))).containsExactly("Upplevd effekt");
        assertThat(delmalNames(tree("2022-03-10", t2))).containsExactlyInAnyOrder("Upplevd effekt", "Tillgänglighet");
        assertThat(delmalNames(tree("2022-03-08", t4))).containsExactly("Upplevd effekt");
    }

    @Test
    void aRetroactiveDecisionChangesThePastOnlyFromWhenItWasRecorded() {
        assertThat(ambitionText("2021-07-01", t2)).isEqualTo("över riket");
        assertThat(ambitionText("2021-07-01", t3)).isEqualTo("positiv trend och över riket");
        assertThat(ambitionText("2021-05-01", t3)).isEqualTo("över riket");
        assertThat(onlyGoal(tree("2021-01-12", t4)).findValues("indicators")).allSatisfy(list -> assertThat(list).isEmpty());
    }

    @Test
    void aCorrectionReplacesTheEntryFromWhenItWasRecordedAndIsMarked() {
        assertThat(ambitionText("2021-05-01", t3)).isEqualTo("över riket");
        assertThat(ambitionText("2021-05-01", t4)).isEqualTo("över länet");
        assertThat(ambitionText("2021-07-01", t4)).isEqualTo("positiv trend och över riket");
        JsonNode ambition = onlyGoal(tree("2021-05-01", t4)).findValue("ambitionLevel");
        assertThat(ambition.get("corrected").asBoolean()).isTrue();
        assertThat(ambition.get("decision").get("citation").asText()).isEqualTo(ks12);
        assertThat(ambition.get("effectiveFrom").asText()).isEqualTo("2021-01-13");
    }

    @Test
    void historyShowsEveryVersionWithItsPeriodsAndTheCorrectionAsACorrection() {
        JsonNode versions = ok(api.get("auditor", "/api/indicators/" + indicator + "/history")).get("versions");
        List<JsonNode> ambitions = new java.util.ArrayList<>();
        versions.forEach(v -> {
            if (v.get("kind").asText().equals("AMBITION_LEVEL")) {
                ambitions.add(v);
            }
        });
        assertThat(ambitions).hasSize(3);
        JsonNode original = ambitions.get(0);
        JsonNode retro = ambitions.get(1);
        JsonNode correction = ambitions.get(2);
        assertThat(original.get("value").get("text").asText()).isEqualTo("över riket");
        assertThat(original.get("supersededBy").asText()).isEqualTo(correction.get("versionId").asText());
        assertThat(original.get("correction").asBoolean()).isFalse();
        assertThat(correction.get("correction").asBoolean()).isTrue();
        assertThat(correction.get("corrects").asText()).isEqualTo(original.get("versionId").asText());
        assertThat(correction.get("reason").asText()).isEqualTo("fel referens vid inmatningen");
        assertThat(correction.get("validTo").asText()).isEqualTo("2021-06-01");
        assertThat(retro.get("effectiveFrom").asText()).isEqualTo("2021-06-01");
        assertThat(retro.get("validTo").isNull()).isTrue();
        assertThat(retro.get("decision").get("citation").asText()).isEqualTo(ksRetro);
        assertThat(retro.get("recordedBy").asText()).isEqualTo("strategy");
    }

    @Test
    void diffNamesEachChangeWithItsDecision() {
        JsonNode changes = ok(api.get("auditor", "/api/programmes/" + programme + "/diff?from=2021-05-01&to=2022-03-10")).get("changes");
        assertThat(changes).hasSize(2);
        Map<String, JsonNode> byKind = Map.of(changes.get(0).get("change").asText(), changes.get(0),
                changes.get(1).get("change").asText(), changes.get(1));
        assertThat(byKind.get("AMBITION_LEVEL_CHANGED").get("decision").get("citation").asText()).isEqualTo(ksRetro);
        assertThat(byKind.get("AMBITION_LEVEL_CHANGED").get("before").get("text").asText()).isEqualTo("över länet");
        assertThat(byKind.get("ADDED").get("entityId").asText()).isEqualTo(tillganglighet);
        assertThat(byKind.get("ADDED").get("decision").get("citation").asText()).isEqualTo(ks70);
        assertThat(api.get("auditor", "/api/programmes/" + programme + "/diff?from=2022-03-10&to=2021-05-01").status()).isEqualTo(400);
    }

    @Test
    void theRegisterEntryListsEveryChangeTheDecisionAuthorised() {
        JsonNode changes70 = ok(api.get("revisor", "/api/decisions/" + ks70.replace(" ", "%20").replace("§", "%C2%A7"))).get("changes");
        assertThat(changes70).hasSize(1);
        assertThat(changes70.get(0).get("event").asText()).isEqualTo("DelmalAdded");
        assertThat(changes70.get(0).get("entityName").asText()).isEqualTo("Tillgänglighet");
        assertThat(changes70.get(0).get("before").isNull()).isTrue();

        JsonNode changes12 = ok(api.get("revisor", "/api/decisions/" + ks12.replace(" ", "%20").replace("§", "%C2%A7"))).get("changes");
        assertThat(changes12.findValuesAsText("event")).containsExactly("IndicatorDefined", "AmbitionLevelSet");
        assertThat(changes12.get(1).get("correctedAt").isNull()).isFalse();

        JsonNode retro = ok(api.get("revisor", "/api/decisions/" + ksRetro.replace(" ", "%20").replace("§", "%C2%A7"))).get("changes");
        assertThat(retro.get(0).get("before").get("text").asText()).isEqualTo("över riket");
        assertThat(retro.get(0).get("after").get("text").asText()).isEqualTo("positiv trend och över riket");
    }

    @Test
    void unknownProgrammeAndBadDatesAreRefused() {
        assertThat(api.get("auditor", "/api/programmes/nope-" + UUID.randomUUID()).status()).isEqualTo(404);
        var bad = api.get("auditor", "/api/programmes/" + programme + "?validAt=2022-13-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("validAt");
        assertThat(api.get("auditor", "/api/programmes/" + programme + "?knownAt=" + t1.minusSeconds(86400 * 365 * 20)).status())
                .isEqualTo(404);
        assertThat(api.get("auditor", "/api/programmes").json().findValuesAsText("programmeId")).contains(programme);
    }
}
