package se.malspar.standalone.operations;

import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.platform.test.ApiClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /api/admin/projections as the operator, for the operations tests. */
final class ProjectionsApi {

    private final ApiClient api;

    ProjectionsApi(ApiClient api) {
        this.api = api;
    }

    List<JsonNode> all() {
        var response = api.get("operator", "/api/admin/projections");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> projections = new ArrayList<>();
        response.json().forEach(projections::add);
        return projections;
    }

    JsonNode one(String name) {
        var response = api.get("operator", "/api/admin/projections/" + name);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    JsonNode awaitOne(String name, Duration atMost, Predicate<JsonNode> condition) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> one(name), condition);
    }

    /** Running, not rebuilding, and at the head of the event store. */
    static boolean caughtUp(JsonNode projection) {
        return projection.get("state").asText().equals("RUNNING") && projection.get("lag").asLong() == 0
                && projection.get("progress").isNull() && projection.get("error").isNull();
    }

    void awaitAllCaughtUp() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> all().stream().allMatch(ProjectionsApi::caughtUp));
    }
}
