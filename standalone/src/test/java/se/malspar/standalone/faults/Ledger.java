package se.malspar.standalone.faults;

import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.platform.test.ApiClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Checks the client ledger against the event store and the read model against the store. */
final class Ledger {

    private Ledger() {
    }

    /**
     * Every acknowledged write (its decision id is unique by construction) is in the store exactly
     * once, and nothing is in it twice.
     */
    static Map<String, Integer> assertStoreHoldsEachAcknowledgedWriteOnce(ApiClient api, Map<String, String> acknowledged) {
        Map<String, Integer> registrations = new HashMap<>();
        String after = "";
        while (true) {
            var page = api.get("auditor", "/api/audit/events?limit=1000" + after);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            for (JsonNode event : page.json().get("events")) {
                if (event.get("payloadType").asText().endsWith(".DecisionRegistered")) {
                    String id = event.get("aggregate").get("id").asText();
                    registrations.merge(id, 1, Integer::sum);
                }
            }
            JsonNode next = page.json().get("nextAfterSequence");
            if (next == null || next.isNull()) {
                break;
            }
            after = "&afterSequence=" + next.asLong();
        }
        assertThat(registrations).as("no decision is registered twice").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(registrations.keySet()).as("every acknowledged write is in the store").containsAll(acknowledged.keySet());
        return registrations;
    }

    /** The decision register (a read model) lists exactly the decisions of the store, also after a rebuild. */
    static void assertReadModelEqualsStoreAndARebuild(ApiClient api, Set<String> stored) {
        awaitRegisterEquals(api, stored);
        // A killed instance's segment claims outlive it until they time out: until then the replay is
        // refused (409, naming the holder), as an operator would see, and asked for again.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var replay = api.post("operator", "/api/admin/projections/decision-register/replay", null);
            if (replay.status() == 409) {
                assertThat(replay.json().get("code").asText()).as(replay.toString()).isEqualTo("CONFLICT");
                return false;
            }
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            return true;
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode p = api.get("operator", "/api/admin/projections/decision-register").json();
            return p.get("state").asText().equals("RUNNING") && p.get("lag").asLong() == 0 && p.get("progress").isNull();
        });
        awaitRegisterEquals(api, stored);
    }

    static void awaitRegisterEquals(ApiClient api, Set<String> stored) {
        Set<String> expected = new TreeSet<>(stored);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            var list = api.get("auditor", "/api/decisions");
            assertThat(list.status()).isEqualTo(200);
            Set<String> listed = new TreeSet<>(list.json().findValuesAsText("decisionId"));
            assertThat(listed).isEqualTo(expected);
        });
    }
}
