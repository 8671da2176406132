package se.malspar.platform.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.axonframework.serialization.Revision;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON values the read side passes on as it stored them, typed as what they are: a change's
 * {@code before}/{@code after} and a history version's {@code value} follow the change's kind, an
 * audit event's {@code payload} is the public record its {@code payloadType} names. Where the kind
 * decides the shape, the object is a {@code oneOf} of one variant per kind with a discriminator on
 * the kind's own property (the truth: the kind is on the change, not inside the value), so a
 * generated client reads each variant as its own class. The value shapes are those the programme
 * projection stores (ProgrammeProjection) and the kernel's event records.
 */
final class TypedValues {

    private static final String REF = "#/components/schemas/";
    private static final String KERNEL = "se.malspar.kernel";

    private TypedValues() {
    }

    @SuppressWarnings({"rawtypes"})
    static void apply(OpenAPI openApi, java.util.function.Function<Class<?>, String> storedName) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        addValueSchemas(schemas);
        if (schemas.containsKey("Version")) {
            Map<String, Map<String, Schema<?>>> kinds = new LinkedHashMap<>();
            kinds.put("DEFINITION", Map.of("value", ref("IndicatorDefinitionValue")));
            kinds.put("AMBITION_LEVEL", Map.of("value", ref("AmbitionLevel")));
            kinds.put("TARGET_VALUE", Map.of("value", ref("TargetValueValue")));
            kinds.put("SOURCE", Map.of("value", ref("SourceChangeValue")));
            kinds.put("RETIREMENT", Map.of("value", ref("RetirementValue")));
            typeProperty(schemas, "Version", "provenance", ref("Provenance"));
            discriminate(schemas, "Version", "kind", kinds, kind -> camel(kind) + "Version",
                    "One version in an indicator's history; kind says what value holds");
        }
        if (schemas.containsKey("DecisionChange")) {
            Map<String, Map<String, Schema<?>>> events = new LinkedHashMap<>();
            events.put("ProgrammeCreated", beforeAfter(null, "ProgrammeValue"));
            events.put("GoalAdded", beforeAfter(null, "GoalValue"));
            events.put("DelmalAdded", beforeAfter(null, "DelmalValue"));
            events.put("DelmalRenamed", beforeAfter("NameValue", "NameValue"));
            events.put("DelmalRetired", beforeAfter("RetirementValue", "RetirementValue"));
            events.put("IndicatorDefined", beforeAfter(null, "IndicatorDefinitionValue"));
            events.put("IndicatorRetired", beforeAfter("RetirementValue", "RetirementValue"));
            events.put("AmbitionLevelSet", beforeAfter("AmbitionLevel", "AmbitionLevel"));
            events.put("TargetValueSet", beforeAfter("TargetValueValue", "TargetValueValue"));
            events.put("DelmalCountStated", beforeAfter(null, "DelmalCountValue"));
            events.put("AmbitionReviewOpened", beforeAfter(null, "AmbitionReviewValue"));
            events.put("AmbitionReviewClosed", beforeAfter("AmbitionReviewValue", "AmbitionReviewValue"));
            events.put("ChildRightsLinked", beforeAfter("ChildRightsValue", "ChildRightsValue"));
            events.put("PeriodClosed", beforeAfter("PeriodStateValue", "PeriodStateValue"));
            events.put("PeriodReopened", beforeAfter("PeriodStateValue", "PeriodStateValue"));
            typeProperty(schemas, "DecisionChange", "provenance", ref("Provenance"));
            discriminate(schemas, "DecisionChange", "event", events, event -> event + "Change",
                    "One change a decision authorised; event (the stored event's name) says what before and after hold");
        }
        if (schemas.containsKey("ProgrammeChange")) {
            Map<String, Map<String, Schema<?>>> changes = new LinkedHashMap<>();
            Schema<?> name = new StringSchema().description("the entity's name");
            changes.put("ADDED", Map.of("after", name, "state", ref("AddedState")));
            changes.put("RETIRED", Map.of("before", name));
            changes.put("RENAMED", Map.of("before", name, "after", name));
            changes.put("AMBITION_LEVEL_CHANGED", beforeAfter("AmbitionLevel", "AmbitionLevel"));
            changes.put("TARGET_VALUE_CHANGED", beforeAfter("TargetValueValue", "TargetValueValue"));
            // an ambition review (omarbetning) of the programme: after is its subject, or, closing it, its outcome
            changes.put("AMBITION_REVIEW_OPENED", Map.of("after", new StringSchema().description("what the review concerns")));
            changes.put("AMBITION_REVIEW_CLOSED", Map.of("before", new StringSchema().description("what the review concerned"),
                    "after", new StringSchema().description("the outcome of the review")));
            typeProperty(schemas, "ProgrammeChange", "provenance", ref("Provenance"));
            removeProperty(schemas, "ProgrammeChange", "state");
            discriminate(schemas, "ProgrammeChange", "change", changes, change -> "Programme" + camel(change),
                    "One change between two dates; change says what before and after hold");
        }
        if (schemas.containsKey("VerdictVersion")) {
            typeProperty(schemas, "VerdictVersion", "inputs", ref("AssessmentInput")
                    .description("what the computed verdict read (only in the fulfilment of one period)"));
            typeProperty(schemas, "VerdictVersion", "steps", new ArraySchema().items(new StringSchema())
                    .description("the principle's steps, in order, in plain words (only in the fulfilment of one period)"));
        }
        if (schemas.containsKey("Event")) {
            typeProperty(schemas, "Event", "metadata", ref("EventMetadata"));
            discriminate(schemas, "Event", "payloadType", eventPayloads(schemas, storedName), TypedValues::eventVariant,
                    "One stored event; payloadType names the public record payload holds, at its revision");
        }
    }

    private static Map<String, Schema<?>> beforeAfter(String before, String after) {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        if (before != null) {
            properties.put("before", ref(before));
        }
        properties.put("after", ref(after));
        return properties;
    }

    /**
     * {@code name} becomes {@code oneOf} its variants, discriminated by {@code property}; each
     * variant is the common part ({@code nameCommon}, without the varying properties) and its own
     * typed properties, with the discriminator fixed to its value.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void discriminate(Map<String, Schema> schemas, String name, String property,
                                     Map<String, Map<String, Schema<?>>> variants,
                                     java.util.function.Function<String, String> variantName, String description) {
        Schema common = schemas.remove(name);
        variants.values().forEach(typed -> typed.keySet().forEach(p -> common.getProperties().remove(p)));
        for (String p : List.of("before", "after", "value", "payload")) {
            if (common.getProperties() != null) {
                common.getProperties().remove(p);
            }
        }
        common.description("What every " + name + " has, whatever its " + property);
        List<String> required = new ArrayList<>(common.getRequired() == null ? List.of() : common.getRequired());
        if (!required.contains(property)) {
            required.add(property);
        }
        common.setRequired(required);
        schemas.put(name + "Common", common);
        Discriminator discriminator = new Discriminator().propertyName(property);
        ComposedSchema union = new ComposedSchema();
        union.description(description);
        variants.forEach((value, typed) -> {
            String variant = variantName.apply(value);
            // The discriminator stays the common part's string (the mapping says which value is which
            // variant): a generator then gives every variant the same accessor for it.
            ObjectSchema own = new ObjectSchema();
            typed.forEach(own::addProperty);
            ComposedSchema schema = new ComposedSchema();
            schema.allOf(List.of(ref(name + "Common"), own));
            schema.description(name + " with " + property + " " + value);
            schemas.put(variant, schema);
            union.addOneOfItem(ref(variant));
            discriminator.mapping(value, REF + variant);
        });
        union.discriminator(discriminator);
        schemas.put(name, union);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void typeProperty(Map<String, Schema> schemas, String schema, String property, Schema<?> type) {
        Schema owner = schemas.get(schema);
        if (owner != null && owner.getProperties() != null && owner.getProperties().containsKey(property)) {
            owner.getProperties().put(property, type);
        }
    }

    @SuppressWarnings("rawtypes")
    private static void removeProperty(Map<String, Schema> schemas, String schema, String property) {
        Schema owner = schemas.get(schema);
        if (owner != null && owner.getProperties() != null) {
            owner.getProperties().remove(property);
        }
    }

    /**
     * Every event record of the kernel (each carries @Revision), by the payloadType the store names
     * it with (the serializer's name for the class, which stays the same when a class moves).
     */
    @SuppressWarnings("rawtypes")
    private static Map<String, Map<String, Schema<?>>> eventPayloads(Map<String, Schema> schemas,
                                                                 java.util.function.Function<Class<?>, String> storedName) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        Map<String, Map<String, Schema<?>>> payloads = new TreeMap<>();
        scanner.findCandidateComponents(KERNEL).forEach(definition -> {
            Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), TypedValues.class.getClassLoader());
            resolve(schemas, type);
            payloads.put(storedName.apply(type), Map.of("payload", ref(type.getSimpleName())));
        });
        return payloads;
    }

    private static String eventVariant(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1) + "Event";
    }

    /** The schema swagger-core reads from a kernel record, with the schemas it refers to. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void resolve(Map<String, Schema> schemas, Class<?> type) {
        ResolvedSchema resolved = ModelConverters.getInstance().resolveAsResolvedSchema(new AnnotatedType(type));
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach((name, schema) -> schemas.putIfAbsent(name, objectTyped(schema)));
        }
        if (resolved.schema != null) {
            schemas.putIfAbsent(type.getSimpleName(), objectTyped(resolved.schema));
        }
    }

    @SuppressWarnings("rawtypes")
    private static void addValueSchemas(Map<String, Schema> schemas) {
        resolve(schemas, se.malspar.kernel.programme.ambition.AmbitionLevel.class);
        resolve(schemas, se.malspar.kernel.fulfilment.AssessmentInput.class);
        Schema<?> precision = new StringSchema()._enum(List.of("MONTH", "YEAR"))
                .description("present when the paper gives the date only to the month or year");
        schemas.put("ProgrammeValue", new ObjectSchema().description("a programme as adopted")
                .addProperty("name", new StringSchema()).addProperty("ownerOrgan", new StringSchema())
                .addProperty("effectiveFromPrecision", precision));
        schemas.put("GoalValue", new ObjectSchema().description("a goal as adopted")
                .addProperty("name", new StringSchema()).addProperty("goalArea", new StringSchema())
                .addProperty("effectiveFromPrecision", precision));
        schemas.put("DelmalValue", new ObjectSchema().description("a delmål as added")
                .addProperty("name", new StringSchema()).addProperty("description", new StringSchema())
                .addProperty("effectiveFromPrecision", precision));
        schemas.put("IndicatorDefinitionValue", indicatorDefinition(object("an indicator's definition")));
        schemas.put("DelmalCountValue", new ObjectSchema().description("how many delmål a paper says the goal has")
                .addProperty("delmalStated", new IntegerSchema()));
        schemas.put("AmbitionReviewValue", new ObjectSchema().description("a review (omarbetning) of the ambition levels")
                .addProperty("status", new StringSchema()._enum(List.of("UNDER_REVIEW", "CLOSED")))
                .addProperty("subject", new StringSchema()).addProperty("outcome", new StringSchema()));
        schemas.put("ChildRightsValue", new ObjectSchema().description("a goal's Barnkonventionen articles")
                .addProperty("articles", new ArraySchema().items(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(54)))));
        schemas.put("PeriodStateValue", new ObjectSchema().description("a follow-up period's state (and why it was reopened)")
                .addProperty("state", new StringSchema()._enum(List.of("OPEN", "CLOSED")))
                .addProperty("reason", new StringSchema()));
        schemas.put("NameValue", new ObjectSchema().description("a name (after a renaming also the name it replaced)")
                .addProperty("name", new StringSchema()).addProperty("previousName", new StringSchema()));
        schemas.put("RetirementValue", new ObjectSchema()
                .description("a retirement: retired false before it, true after it (empty in an indicator's history)")
                .addProperty("retired", new BooleanSchema()));
        schemas.put("TargetValueValue", new ObjectSchema().description("a target value (målvärde) for a year")
                .addProperty("value", new NumberSchema()).addProperty("year", new IntegerSchema()));
        schemas.put("SourceChangeValue", new ObjectSchema()
                .description("a changed data source: before null when the definition named none")
                .addProperty("before", ref("IndicatorSource")).addProperty("after", ref("IndicatorSource")));
        schemas.put("AddedState", indicatorDefinition(object("an added entity's state on 'to': its definition (programme: ownerOrgan; "
                + "goal: goalArea; delmål: description; indicator: unit, kind … with its ambition level and target value in force)"))
                .addProperty("ownerOrgan", new StringSchema()).addProperty("goalArea", new StringSchema())
                .addProperty("description", new StringSchema()).addProperty("effectiveFromPrecision", precision)
                .addProperty("ambitionLevel", ref("AmbitionLevel")).addProperty("targetValue", ref("TargetValueValue")));
        schemas.put("Provenance", new ObjectSchema().description("where a change comes from; absent properties were not given")
                .addProperty("origin", new StringSchema().description("e.g. history-import"))
                .addProperty("historyFile", new StringSchema()).addProperty("historyFileVersion", new StringSchema())
                .addProperty("source", new ObjectSchema().description("the paper")
                        .addProperty("document", new StringSchema()).addProperty("locator", new StringSchema())
                        .addProperty("quote", new StringSchema()).addProperty("documentDate", new StringSchema()))
                .addProperty("note", new StringSchema()));
        ObjectSchema metadata = new ObjectSchema();
        metadata.description("the event's metadata as stored; other keys may follow");
        for (String key : List.of("userId", "loginMode", "traceId", "correlationId", "idempotencyKey", "origin",
                "historyFile", "historyFileVersion", "sourceDocument", "sourceLocator", "sourceQuote",
                "sourceDocumentDate", "sourceNote")) {
            metadata.addProperty(key, new StringSchema());
        }
        schemas.put("EventMetadata", metadata);
    }

    private static ObjectSchema indicatorDefinition(ObjectSchema schema) {
        schema.addProperty("name", new StringSchema()).addProperty("unit", new StringSchema())
                .addProperty("kind", new StringSchema()._enum(List.of("MEASURED", "ACTIVITY", "PLANNED")))
                .addProperty("direction", new StringSchema()._enum(List.of("HIGHER_IS_BETTER", "LOWER_IS_BETTER")))
                .addProperty("politicallyDecidedTarget", new BooleanSchema()).addProperty("note", new StringSchema())
                .addProperty("directionBasis", new StringSchema()._enum(List.of("DECIDED", "ASSUMED")))
                .addProperty("directionReason", new StringSchema()).addProperty("source", ref("IndicatorSource"))
                .addProperty("effectiveFromPrecision", new StringSchema()._enum(List.of("MONTH", "YEAR"))
                        .description("present when the paper gives the date only to the month or year"));
        return schema;
    }

    /** A record's schema says it is an object (swagger-core leaves the type out here). */
    @SuppressWarnings("rawtypes")
    private static Schema objectTyped(Schema schema) {
        // swagger-core's 3.0 reading sets only `type`; the 3.1 document is written from `types`.
        if (schema.getProperties() != null && (schema.getTypes() == null || schema.getTypes().isEmpty())) {
            schema.setType("object");
            schema.setTypes(new java.util.LinkedHashSet<>(List.of("object")));
        }
        return schema;
    }

    private static ObjectSchema object(String description) {
        ObjectSchema schema = new ObjectSchema();
        schema.setDescription(description);
        return schema;
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref(REF + name);
    }

    /** AMBITION_LEVEL_CHANGED is AmbitionLevelChanged. */
    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }
}
