package se.malspar.query.programme;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.programme.IndicatorSource;
import se.malspar.kernel.programme.MeasurementSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Builds the goal tree from a programme's state; pure, so the same rules answer every (validAt, knownAt). */
final class TreeAssembler {

    private TreeAssembler() {
    }

    static ProgrammeTree assemble(Fact programme, LocalDate validAt, Instant knownAt, ProgrammeState state,
                                  Map<String, ProgrammeFacts.Measurement> latest) {
        ProgrammeState.Entity root = state.get(Fact.PROGRAMME, programme.entityId());
        boolean inForce = root != null && state.inForce(root);
        List<ProgrammeTree.Goal> goals = !inForce ? List.of() : children(state, Fact.GOAL, programme.entityId()).stream()
                .map(goal -> new ProgrammeTree.Goal(goal.id, goal.name(), text(goal.added.value(), "goalArea"),
                        goal.added.validFrom(), goal.added.decision(),
                        children(state, Fact.DELMAL, goal.id).stream().map(d -> delmal(state, d, latest)).toList()))
                .toList();
        return new ProgrammeTree(programme.entityId(), programme.value().path("name").asText(),
                text(programme.value(), "ownerOrgan"), validAt, knownAt, inForce, programme.validFrom(),
                programme.decision(), goals);
    }

    private static ProgrammeTree.Delmal delmal(ProgrammeState state, ProgrammeState.Entity d,
                                               Map<String, ProgrammeFacts.Measurement> latest) {
        Fact nameFact = d.nameFact();
        return new ProgrammeTree.Delmal(d.id, d.name(), text(d.added.value(), "description"), d.added.validFrom(),
                d.added.decision(), nameFact == d.added ? null : nameFact.decision(),
                children(state, Fact.INDICATOR, d.id).stream().map(i -> indicator(i, latest.get(i.id))).toList());
    }

    private static ProgrammeTree.Indicator indicator(ProgrammeState.Entity i, ProgrammeFacts.Measurement measurement) {
        JsonNode v = i.added.value();
        return new ProgrammeTree.Indicator(i.id, i.name(), text(v, "unit"), text(v, "kind"), text(v, "direction"),
                v.path("politicallyDecidedTarget").asBoolean(), convert(v.get("source"), IndicatorSource.class),
                i.added.validFrom(), i.added.decision(), ambition(i.ambition), target(i.target),
                measurement(measurement));
    }

    static ProgrammeTree.Ambition ambition(Fact f) {
        if (f == null) {
            return null;
        }
        JsonNode v = f.value();
        List<AmbitionRule> rules = ProgrammeFacts.JSON.convertValue(v.get("rules"), new TypeReference<>() {
        });
        List<String> findings = ProgrammeFacts.JSON.convertValue(v.get("findings"), new TypeReference<>() {
        });
        Integer targetYear = v.hasNonNull("targetYear") ? v.get("targetYear").asInt() : null;
        return new ProgrammeTree.Ambition(text(v, "text"), rules, targetYear, v.path("ambiguous").asBoolean(), findings,
                text(v, "rulesSource"), f.validFrom(), f.decision(), f.correctionOf() != null);
    }

    static ProgrammeTree.Target target(Fact f) {
        return f == null ? null : new ProgrammeTree.Target(f.value().get("value").decimalValue(),
                f.value().get("year").asInt(), f.validFrom(), f.decision());
    }

    static ProgrammeTree.Measurement measurement(ProgrammeFacts.Measurement m) {
        if (m == null) {
            return null;
        }
        Map<String, BigDecimal> references = ProgrammeFacts.JSON.convertValue(m.referenceValues(), new TypeReference<>() {
        });
        return new ProgrammeTree.Measurement(m.period(), m.value(), m.done(), m.dataPeriod(), references,
                convert(m.source(), MeasurementSource.class), m.recordedAt());
    }

    private static List<ProgrammeState.Entity> children(ProgrammeState state, String kind, String parentId) {
        return state.entities().values().stream()
                .filter(e -> e.kind.equals(kind) && e.added != null && parentId.equals(e.added.parentId()))
                .filter(state::inForce)
                .sorted(Comparator.comparing(e -> e.id))
                .toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        return node == null || node.isNull() ? null : ProgrammeFacts.JSON.convertValue(node, type);
    }
}
