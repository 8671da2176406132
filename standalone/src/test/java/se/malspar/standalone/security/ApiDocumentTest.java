package se.malspar.standalone.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.malspar.platform.test.ApiClient.Response;
import se.malspar.platform.test.ApiClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live {@code /v3/api-docs}, read as an integrator's tools read it: valid for swagger-parser
 * (a validator Målspår did not write), and what client generators need — login schemes on every
 * operation that needs login, the problem detail on every error, stable and unique operation ids.
 */
@SecurityTestApplication
class ApiDocumentTest {

    @LocalServerPort
    int port;
    OpenAPI api;

    @BeforeEach
    void read() {
        Response response = new ApiClient(port).get("auditor", "/v3/api-docs");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(response.body(), null, options);
        assertThat(result.getMessages()).as("swagger-parser's findings").isEmpty();
        api = result.getOpenAPI();
    }

    @Test
    void documentIsValidAndSaysWhatItIs() {
        assertThat(api.getInfo().getTitle()).isEqualTo("Målspår API");
        assertThat(api.getInfo().getDescription()).contains("problem details");
        assertThat(api.getServers()).singleElement().satisfies(server -> assertThat(server.getUrl()).isEqualTo("/"));
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("basic", "bearer");
        assertThat(api.getComponents().getSecuritySchemes().get("bearer").getBearerFormat()).isEqualTo("JWT");
    }

    @Test
    void everyOperationNeedingLoginSaysSoAndDocumentsItsProblems() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((name, operation) -> {
            boolean isPublic = name.contains(" /problem/") || name.contains(" /login");
            if (!isPublic && (operation.getSecurity() == null || operation.getSecurity().size() != 2)) {
                wrong.add(name + ": no basic/bearer security");
            }
            boolean problem4xx = operation.getResponses().entrySet().stream()
                    .anyMatch(r -> r.getKey().startsWith("4") && r.getValue().getContent() != null
                            && r.getValue().getContent().containsKey("application/problem+json"));
            if (!problem4xx) {
                wrong.add(name + ": no 4xx application/problem+json response");
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(operations().get("GET /api/decisions/{decisionId}").getResponses().get("404").getContent()
                .get("application/problem+json").getSchema().get$ref()).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void operationIdsAreUniqueAndMeaningful() {
        Map<String, String> ids = new TreeMap<>();
        operations().forEach((name, operation) -> {
            assertThat(operation.getOperationId()).as(name).matches("[a-z][A-Za-z]+");
            assertThat(ids.put(operation.getOperationId(), name)).as("id %s of %s", operation.getOperationId(), name).isNull();
        });
        assertThat(ids).containsKeys("getProgrammeTree", "recordMeasurement", "getDecision", "registerDecision", "uploadKoladaDocument");
    }

    @Test
    void successStatusIsTheRealOne() {
        assertThat(operations().get("POST /api/admin/indicators/{indicatorId}/measurements").getResponses()).containsKey("201")
                .doesNotContainKey("200");
        assertThat(operations().get("POST /api/admin/decisions").getResponses()).containsKey("201");
        assertThat(operations().get("POST /api/admin/projections/{name}/replay").getResponses()).containsKey("202");
    }

    /** Writes say they take Idempotency-Key; changes to a known version also If-Match; reads take neither. */
    @Test
    void writesListTheHeadersTheyTake() {
        Map<String, List<String>> headers = new TreeMap<>();
        operations().forEach((name, operation) -> {
            List<String> names = operation.getParameters() == null ? List.of() : operation.getParameters().stream()
                    .filter(p -> "header".equals(p.getIn())).map(p -> p.getName()).toList();
            if (!names.isEmpty()) {
                headers.put(name, names);
            }
        });
        List<String> key = List.of("Idempotency-Key");
        List<String> keyAndVersion = List.of("Idempotency-Key", "If-Match");
        assertThat(headers).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("POST /api/admin/decisions", key),
                Map.entry("POST /api/admin/decisions/{decisionId}/corrections", key),
                Map.entry("POST /api/admin/decisions/{decisionId}/adoption", key),
                Map.entry("POST /api/admin/imports/kolada", key),
                Map.entry("POST /api/admin/imports/kolada/fetch", key),
                Map.entry("POST /api/admin/programmes", key),
                Map.entry("POST /api/admin/programmes/{programmeId}/goals", key),
                Map.entry("POST /api/admin/goals/{goalId}/delmal", key),
                Map.entry("POST /api/admin/delmal/{delmalId}/rename", keyAndVersion),
                Map.entry("POST /api/admin/delmal/{delmalId}/retire", keyAndVersion),
                Map.entry("POST /api/admin/delmal/{delmalId}/indicators", key),
                Map.entry("PUT /api/admin/indicators/{indicatorId}/source", keyAndVersion),
                Map.entry("POST /api/admin/indicators/{indicatorId}/retire", keyAndVersion),
                Map.entry("PUT /api/admin/indicators/{indicatorId}/ambition-level", keyAndVersion),
                Map.entry("POST /api/admin/indicators/{indicatorId}/ambition-level/corrections", keyAndVersion),
                Map.entry("PUT /api/admin/indicators/{indicatorId}/target-value", keyAndVersion),
                Map.entry("POST /api/admin/indicators/{indicatorId}/measurements", keyAndVersion),
                Map.entry("POST /api/admin/indicators/{indicatorId}/assessments", keyAndVersion),
                Map.entry("POST /api/admin/consultations", key),
                Map.entry("POST /api/admin/consultations/{consultationId}/responses", key),
                Map.entry("POST /api/admin/consultations/{consultationId}/responses/{responseId}/changes", key),
                Map.entry("PUT /api/admin/goals/{goalId}/child-rights", key),
                Map.entry("POST /api/admin/goals/{goalId}/delmal-count", key),
                Map.entry("POST /api/admin/programmes/{programmeId}/ambition-reviews", key),
                Map.entry("POST /api/admin/programmes/{programmeId}/ambition-reviews/close", key),
                Map.entry("POST /api/admin/periods/{period}/close", key),
                Map.entry("POST /api/admin/periods/{period}/reopen", key))));
        Operation measurement = operations().get("POST /api/admin/indicators/{indicatorId}/measurements");
        assertThat(measurement.getParameters()).filteredOn(p -> "header".equals(p.getIn())).hasSize(2)
                .allSatisfy(p -> {
                    assertThat(p.getRequired()).isNotEqualTo(Boolean.TRUE);
                    Schema<?> schema = p.getSchema();
                    assertThat(schema.getType() != null ? List.of(schema.getType()) : List.copyOf(schema.getTypes()))
                            .containsExactly("string");
                });
    }

    /** A generated client sends the Kolada document as a JSON object, and always with its report period. */
    @Test
    void koladaUploadIsATypedJsonBodyWithARequiredReportPeriod() {
        Operation upload = operations().get("POST /api/admin/imports/kolada");
        assertThat(upload.getRequestBody().getContent().get("application/json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/KoladaDocument");
        assertThat(upload.getParameters()).filteredOn(p -> p.getName().equals("reportPeriod"))
                .singleElement().satisfies(p -> assertThat(p.getRequired()).isTrue());
        assertThat(api.getComponents().getSchemas()).containsKeys("KoladaEntry", "KoladaFigure");
    }

    /** A generator makes "any" of a property without a type: none is left so. */
    @SuppressWarnings("rawtypes")
    @Test
    void everyPropertyHasAType() {
        List<String> untyped = new ArrayList<>();
        api.getComponents().getSchemas().forEach((name, component) -> {
            // a variant's own properties sit in the inline part of its allOf
            List<Schema> parts = new ArrayList<>(List.of(component));
            if (component.getAllOf() != null) {
                parts.addAll(component.getAllOf());
            }
            for (Schema<?> schema : parts) {
                if (schema.getProperties() == null) {
                    continue;
                }
                schema.getProperties().forEach((property, value) -> {
                    Schema<?> s = (Schema<?>) value;
                    if ("#/components/schemas/JsonNode".equals(s.get$ref())) {
                        untyped.add(name + "." + property + " (JsonNode)");
                    } else if (s.getType() == null && (s.getTypes() == null || s.getTypes().isEmpty()) && s.get$ref() == null
                            && s.getOneOf() == null && s.getAnyOf() == null && s.getAllOf() == null) {
                        untyped.add(name + "." + property);
                    }
                });
            }
        });
        assertThat(untyped).isEmpty();
        assertThat(api.getComponents().getSchemas()).doesNotContainKey("JsonNode");
        Map<String, Schema<?>> measurementVersion = properties("MeasurementVersion");
        assertThat(measurementVersion.get("source").get$ref()).isEqualTo("#/components/schemas/MeasurementSource");
        Schema<?> referenceValues = measurementVersion.get("referenceValues");
        assertThat(referenceValues.getTypes() != null ? referenceValues.getTypes() : java.util.Set.of(referenceValues.getType()))
                .containsExactly("object");
        assertThat(properties("VerdictVersion").get("inputs").get$ref()).isEqualTo("#/components/schemas/AssessmentInput");
        assertThat(properties("VerdictVersion").get("steps").getItems().getTypes()).containsExactly("string");
    }

    /**
     * What a change holds depends on its kind, and an audit event's payload on its payloadType: each
     * is a oneOf of one variant per kind, told apart by a discriminator on the kind's own property.
     */
    @Test
    void valuesThatDependOnAKindAreOneOfWithADiscriminator() {
        Map<String, String> discriminators = Map.of("Event", "payloadType", "DecisionChange", "event",
                "ProgrammeChange", "change", "Version", "kind");
        discriminators.forEach((name, property) -> {
            Schema<?> union = api.getComponents().getSchemas().get(name);
            assertThat(union.getOneOf()).as(name).isNotEmpty();
            assertThat(union.getDiscriminator().getPropertyName()).as(name).isEqualTo(property);
            assertThat(union.getDiscriminator().getMapping()).as(name).hasSameSizeAs(union.getOneOf());
        });
        assertThat(api.getComponents().getSchemas().get("Event").getDiscriminator().getMapping())
                .containsEntry("se.malspar.kernel.programme.MeasurementRecorded", "#/components/schemas/MeasurementRecordedEvent")
                .containsEntry("se.malspar.kernel.decision.DecisionRegistered", "#/components/schemas/DecisionRegisteredEvent");
        Schema<?> measurementEvent = api.getComponents().getSchemas().get("MeasurementRecordedEvent");
        assertThat(((Schema<?>) measurementEvent.getAllOf().get(1).getProperties().get("payload")).get$ref())
                .isEqualTo("#/components/schemas/MeasurementRecorded");
        Schema<?> ambitionChange = api.getComponents().getSchemas().get("AmbitionLevelSetChange");
        assertThat(((Schema<?>) ambitionChange.getAllOf().get(1).getProperties().get("after")).get$ref())
                .isEqualTo("#/components/schemas/AmbitionLevel");
        Schema<?> renamed = api.getComponents().getSchemas().get("ProgrammeRenamed");
        assertThat(((Schema<?>) renamed.getAllOf().get(1).getProperties().get("before")).getTypes()).containsExactly("string");
        assertThat(properties("DecisionDetail").get("changes").getItems().get$ref()).isEqualTo("#/components/schemas/DecisionChange");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<String, Schema<?>> properties(String schema) {
        assertThat(api.getComponents().getSchemas()).containsKey(schema);
        return (Map) api.getComponents().getSchemas().get(schema).getProperties();
    }

    private Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method + " " + path, operation)));
        return operations;
    }
}
