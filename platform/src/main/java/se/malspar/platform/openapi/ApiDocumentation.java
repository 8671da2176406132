package se.malspar.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.axonframework.serialization.Serializer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI document at {@code /v3/api-docs}, made for client generators: a title and
 * description, a server relative to the host that serves the document (never one hard-coded
 * host), the two login schemes (Basic, Bearer JWT) required on every operation but the public
 * ones, stable operation ids from the path (not springdoc's {@code list_1}), and every error an
 * operation can answer as the one {@code Problem} schema in {@code application/problem+json}.
 * Added here once, not annotated on every controller method.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<SecurityRequirement> LOGIN = List.of(
            new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("bearer"));

    @Bean
    OpenAPI malsparOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Målspår API").version("1")
                        .description("A municipality's goal programme (KF goals, delmål, indicators, ambition levels, "
                                + "target values, measurements, fulfilment), every change traceable to the board "
                                + "decision behind it and the paper it comes from. Errors are RFC 9457 problem details; each problem's `type` is "
                                + "a page that explains it (`/problem/{code}`). Writes take `Idempotency-Key`; "
                                + "changes to a known version take `If-Match`."))
                .servers(List.of(new Server().url("/").description("the host that serves this document")));
    }

    /** springdoc builds the components from the controllers; these are added to what it built. */
    private static void addComponents(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("user name and password (malspar.security.mode=basic)"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("a JWT from the organisation's issuer (malspar.security.mode=jwt)"))
                        .addSchemas(PROBLEM, problemSchema());
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema().description("one invalid field")
                .addProperty("field", new StringSchema().description("the field, as a JSON path (`values[1].period`)"))
                .addProperty("message", new StringSchema().description("what is wrong with it"))
                .required(List.of("field", "message"));
        return new ObjectSchema().description("An RFC 9457 problem detail")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("the page that explains this problem: /problem/{code}"))
                .addProperty("title", new StringSchema().description("the HTTP status's reason phrase"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what exactly was refused, for people"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("the refused request's path"))
                .addProperty("code", new StringSchema().description("machine-readable refusal code, e.g. DECISION_NOT_REGISTERED"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("the invalid fields, on a 400"))
                .required(List.of("type", "title", "status", "detail", "code"));
    }

    /** Done over the whole document, where each operation's path and HTTP method are known. */
    @Bean
    OpenApiCustomizer malsparResponsesAndIds(org.springframework.beans.factory.ObjectProvider<Serializer> serializer) {
        // An event's payloadType is the name the store gives its class: the serializer's, not the class's own.
        java.util.function.Function<Class<?>, String> storedName = type -> {
            Serializer events = serializer.getIfAvailable();
            return events == null ? type.getName() : events.typeForClass(type).getName();
        };
        return openApi -> {
            addComponents(openApi);
            TypedValues.apply(openApi, storedName);
            typeFreeFormValues(openApi);
            if (openApi.getTags() != null) {
                // Two controllers may share a tag (e.g. "Revision"); a tag is listed once.
                Map<String, Tag> tags = new LinkedHashMap<>();
                openApi.getTags().forEach(tag -> tags.merge(tag.getName(), tag,
                        (first, next) -> first.getDescription() == null ? next : first));
                openApi.setTags(new ArrayList<>(tags.values()));
            }
            if (openApi.getPaths() == null) {
                return;
            }
            Map<String, Integer> seen = new LinkedHashMap<>();
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String id = operationId(method.name(), path, operation.getOperationId());
                int count = seen.merge(id, 1, Integer::sum);
                operation.setOperationId(count == 1 ? id : id + count);
                operation.setSecurity(isPublic(path) ? List.of() : LOGIN);
                addProblems(operation, method.name(), path);
            }));
        };
    }

    /** Where the rule below gives a clumsy name (a handler called {@code register}, a path ending in a verb). */
    private static final Map<String, String> NAMED = Map.of(
            "GET /api/programmes/{programmeId}", "getProgrammeTree",
            "POST /api/admin/decisions", "registerDecision",
            "POST /api/admin/decisions/{decisionId}/corrections", "correctDecision",
            "POST /api/admin/imports/kolada", "uploadKoladaDocument",
            "POST /api/admin/imports/kolada/fetch", "fetchFromKolada",
            "POST /api/admin/projections/{name}/replay", "replayProjection",
            "POST /api/revision/decisions/{decisionId}/verifications", "recordRevisorVerification",
            "POST /api/integrity/verifications", "startIntegrityVerification");

    /**
     * {@code GET /api/programmes/{programmeId}/diff} is {@code getProgrammeDiff}; a write keeps its
     * handler's name when it says what it does ({@code recordMeasurement}), else gets the path's
     * nouns after it ({@code retire} would get {@code retireIndicator}).
     */
    static String operationId(String httpMethod, String path, String springdocId) {
        String named = NAMED.get(httpMethod + " " + path);
        if (named != null) {
            return named;
        }
        String handler = springdocId == null ? "" : springdocId.replaceAll("_\\d+$", "");
        String[] segments = path.split("/");
        StringBuilder nouns = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty() || s.startsWith("{") || s.equals("api") || s.equals("admin") || s.equals("v3")) {
                continue;
            }
            boolean followedByVariable = i + 1 < segments.length && segments[i + 1].startsWith("{");
            String word = followedByVariable && s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
            for (String part : word.split("[-_.]")) {
                if (!part.isEmpty()) {
                    nouns.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
        }
        if (httpMethod.equals("GET")) {
            return "get" + nouns;
        }
        boolean specific = !handler.isEmpty() && !handler.equals(handler.toLowerCase(Locale.ROOT));
        return specific ? handler : (handler.isEmpty() ? httpMethod.toLowerCase(Locale.ROOT) : handler) + nouns;
    }

    /**
     * The values the read side passes on as JSON it does not model itself: what a generator could
     * only call "any" becomes a documented object (or, for {@code steps}, a list of objects), so
     * no property is left untyped. A measurement's {@code source} is the MeasurementSource the
     * write side takes.
     */
    private static final String JSON_NODE = "#/components/schemas/JsonNode";

    private static final Map<String, String> FREE_FORM = Map.of(
            "value", "the recorded value of this kind of change: for DEFINITION the indicator's definition "
                    + "(name, unit, kind, direction, source …), AMBITION_LEVEL the ambition level (text, rules, "
                    + "targetYear …), TARGET_VALUE {value, year}, NAME {name}, SOURCE {before, after}, RETIREMENT {}",
            "before", "the entity's value before the change, of the change's kind (see value); null when it was added",
            "after", "the entity's value after the change, of the change's kind (see value); null when it was retired",
            "payload", "the event as stored: the public record named by payloadType, at its revision",
            "metadata", "the event's metadata: userId, roles, traceId, correlationId, idempotencyKey (when given)",
            "inputs", "what the computed verdict read: measurement, reference values and ambition rules, by name",
            "referenceValues", "reference figures by area: NATIONAL, COUNTY (numbers)",
            "definition", "the indicator's definition (see value)");

    private static void typeFreeFormValues(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        boolean measurementSource = openApi.getComponents().getSchemas().containsKey("MeasurementSource");
        openApi.getComponents().getSchemas().forEach((schemaName, schema) -> {
            if (schema.getProperties() == null) {
                return;
            }
            @SuppressWarnings({"unchecked", "rawtypes"}) // swagger-models keeps properties as a raw Map
            Map<String, Schema<?>> properties = (Map) schema.getProperties();
            properties.replaceAll((property, value) -> {
                if (!untyped(value)) {
                    return value;
                }
                if (property.equals("source") && measurementSource) {
                    return new Schema<>().$ref("#/components/schemas/MeasurementSource");
                }
                if (property.equals("steps")) {
                    return new ArraySchema().items(new ObjectSchema().additionalProperties(true))
                            .description("the verdict's steps, in order, each an object naming the rule and what it found");
                }
                if (property.equals("referenceValues")) {
                    return new ObjectSchema().additionalProperties(new io.swagger.v3.oas.models.media.NumberSchema())
                            .description(FREE_FORM.get(property));
                }
                return new ObjectSchema().additionalProperties(true)
                        .description(FREE_FORM.getOrDefault(property, "a JSON object"));
            });
        });
        openApi.getComponents().getSchemas().remove("JsonNode");
    }

    /** No type, no reference and no composition: what generators turn into "any". */
    static boolean untyped(Schema<?> schema) {
        // springdoc gives Jackson's JsonNode a component of its own that says nothing either.
        if (JSON_NODE.equals(schema.get$ref())) {
            return true;
        }
        return schema.getType() == null && (schema.getTypes() == null || schema.getTypes().isEmpty())
                && schema.get$ref() == null && schema.getOneOf() == null && schema.getAnyOf() == null
                && schema.getAllOf() == null;
    }

    /** What SecurityConfiguration and PageSecurity let anyone call. */
    static boolean isPublic(String path) {
        return path.startsWith("/problem/") || path.startsWith("/actuator/health") || path.equals("/login")
                || path.startsWith("/assets/") || path.equals("/nekad");
    }

    private static void addProblems(Operation operation, String method, String path) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean write = !method.equals("GET");
        boolean open = isPublic(path);
        List<String> statuses = new ArrayList<>(List.of("400"));
        if (!open) {
            statuses.addAll(List.of("401", "403"));
        }
        if (path.contains("{") || path.startsWith("/problem/")) {
            statuses.add("404");
        }
        if (write) {
            statuses.addAll(List.of("409", "412", "413", "415", "422"));
        }
        if (!open) {
            statuses.add("429");
        }
        statuses.addAll(List.of("500", "503"));
        for (String status : statuses) {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, problemResponse(status));
            }
        }
        operation.setResponses(responses);
    }

    private static ApiResponse problemResponse(String status) {
        String description = switch (status) {
            case "400" -> "invalid request: the problem's errors name each invalid field";
            case "401" -> "no valid credentials";
            case "403" -> "the caller's role may not do this";
            case "404" -> "no such resource";
            case "409" -> "conflicts with what is recorded (a duplicate, or a concurrent change)";
            case "412" -> "If-Match names a version that is no longer current";
            case "413" -> "request body over the limit";
            case "415" -> "request body not application/json";
            case "422" -> "understood but refused by a rule of the register (see the problem's code)";
            case "429" -> "too many failed logins; see Retry-After";
            case "500" -> "unexpected error, logged with the correlation id";
            default -> "temporarily unavailable (the database or a read model); see Retry-After";
        };
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
