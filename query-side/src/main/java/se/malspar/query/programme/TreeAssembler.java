package se.malspar.query.programme;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.fulfilment.AssessmentPrinciple;
import se.malspar.kernel.fulfilment.Verdict;
import se.malspar.kernel.programme.indicator.IndicatorSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the goal tree from a programme's state; pure, so the same rules answer every (validAt, knownAt). */
final class TreeAssembler {

    private TreeAssembler() {
    }

    static ProgrammeTree assemble(Fact programme, LocalDate validAt, Instant knownAt, ProgrammeState state,
                                  Map<String, ObservationRows.Measurement> latest, String period,
                                  List<ObservationRows.Verdict> verdicts) {
        return assemble(programme, validAt, knownAt, state, latest, period, verdicts, null, null);
    }

    /** Only the goal {@code goalId} and only the delmål {@code delmalId} when given (null: all). */
    static ProgrammeTree assemble(Fact programme, LocalDate validAt, Instant knownAt, ProgrammeState state,
                                  Map<String, ObservationRows.Measurement> latest, String period,
                                  List<ObservationRows.Verdict> verdicts, String goalId, String delmalId) {
        ProgrammeState.Entity root = state.get(Fact.Kind.PROGRAMME, programme.entityId());
        boolean inForce = root != null && state.inForce(root);
        String fulfilmentPeriod = !inForce ? null : period != null ? period : verdicts.stream()
                .max(Comparator.comparingInt(ObservationRows.Verdict::periodOrder))
                .map(ObservationRows.Verdict::period).orElse(null);
        Map<String, ProgrammeTree.Fulfilment> fulfilment = fulfilment(fulfilmentPeriod, verdicts);
        List<ProgrammeTree.Goal> goals = !inForce ? List.of() : children(state, Fact.Kind.GOAL, programme.entityId()).stream()
                .filter(goal -> goalId == null || goal.id.equals(goalId))
                .map(goal -> {
                    List<ProgrammeTree.Delmal> delmal = children(state, Fact.Kind.DELMAL, goal.id).stream()
                            .filter(d -> delmalId == null || d.id.equals(delmalId))
                            .map(d -> delmal(state, d, latest, fulfilment, fulfilmentPeriod, validAt)).toList();
                    return new ProgrammeTree.Goal(goal.id, goal.name(), text(goal.added.value(), "goalArea"),
                            goal.added.validFrom(), goal.added.decision(), combined(fulfilmentPeriod,
                            delmal.stream().map(ProgrammeTree.Delmal::fulfilment).toList()), delmal,
                            precision(goal.added).written(goal.added.validFrom()), precision(goal.added).name(),
                            certainty(goal.added, validAt));
                })
                // asked for one delmål: only its goal
                .filter(goal -> delmalId == null || !goal.delmal().isEmpty())
                .toList();
        return new ProgrammeTree(programme.entityId(), programme.value().path("name").asText(),
                text(programme.value(), "ownerOrgan"), validAt, knownAt, inForce, programme.validFrom(),
                programme.decision(), fulfilmentPeriod, goals, precision(programme).written(programme.validFrom()),
                precision(programme).name(), inForce ? certainty(programme, validAt) : null);
    }

    /** How precisely the paper gives the date of an addition (kept in its value when not to the day). */
    static DatePrecision precision(Fact added) {
        String written = added.value().path("effectiveFromPrecision").asText("DAY");
        return DatePrecision.valueOf(written);
    }

    /** Inside the month or year its paper gives, an addition is in force uncertainly; after it, certainly. */
    static String certainty(Fact added, LocalDate validAt) {
        return validAt.isBefore(precision(added).certainFrom(added.validFrom())) ? "UNCERTAIN" : "CERTAIN";
    }

    private static ProgrammeTree.Delmal delmal(ProgrammeState state, ProgrammeState.Entity d,
                                               Map<String, ObservationRows.Measurement> latest,
                                               Map<String, ProgrammeTree.Fulfilment> fulfilment, String period,
                                               LocalDate validAt) {
        Fact nameFact = d.nameFact();
        List<ProgrammeTree.Indicator> indicators = children(state, Fact.Kind.INDICATOR, d.id).stream()
                .map(i -> indicator(i, latest.get(i.id), fulfilment.get(i.id), validAt)).toList();
        return new ProgrammeTree.Delmal(d.id, d.name(), text(d.added.value(), "description"), d.added.validFrom(),
                d.added.decision(), nameFact == d.added ? null : nameFact.decision(),
                combined(period, indicators.stream().filter(i -> !"PLANNED".equals(i.kind())).map(i -> i.fulfilment() == null
                        ? Verdict.NOT_ASSESSED.name() : i.fulfilment().status()).toList()), indicators,
                precision(d.added).written(d.added.validFrom()), precision(d.added).name(), certainty(d.added, validAt));
    }

    private static ProgrammeTree.Indicator indicator(ProgrammeState.Entity i, ObservationRows.Measurement measurement,
                                                     ProgrammeTree.Fulfilment fulfilment, LocalDate validAt) {
        JsonNode v = i.added.value();
        return new ProgrammeTree.Indicator(i.id, i.name(), text(v, "unit"), text(v, "kind"), text(v, "direction"),
                v.path("politicallyDecidedTarget").asBoolean(),
                convert(i.source != null ? i.source.value().get("after") : v.get("source"), IndicatorSource.class),
                i.added.validFrom(), i.added.decision(), text(v, "note"), ambition(i.ambition, validAt), target(i.target),
                measurement(measurement), fulfilment, v.path("directionBasis").asText("DECIDED"), text(v, "directionReason"),
                precision(i.added).written(i.added.validFrom()), precision(i.added).name(), certainty(i.added, validAt));
    }

    /** Per indicator, the verdict of the period: the human assessment if any, else the computed one. */
    static Map<String, ProgrammeTree.Fulfilment> fulfilment(String period, List<ObservationRows.Verdict> verdicts) {
        Map<String, ObservationRows.Verdict> computed = new HashMap<>();
        Map<String, ObservationRows.Verdict> human = new HashMap<>();
        for (ObservationRows.Verdict v : verdicts) {
            if (v.period().equals(period)) {
                (v.source().equals("HUMAN") ? human : computed).merge(v.indicatorId(), v,
                        (a, b) -> a.globalIndex() > b.globalIndex() ? a : b);
            }
        }
        Map<String, ProgrammeTree.Fulfilment> result = new HashMap<>();
        for (String indicator : union(computed.keySet(), human.keySet())) {
            ObservationRows.Verdict c = computed.get(indicator);
            ObservationRows.Verdict h = human.get(indicator);
            result.put(indicator, new ProgrammeTree.Fulfilment(period, h != null ? h.verdict() : c.verdict(),
                    h != null ? "HUMAN" : "COMPUTED", c == null ? null : c.verdict(),
                    c != null && Boolean.TRUE.equals(c.carriedForward()), c == null ? null : c.principleVersion(),
                    c == null ? null : c.explanationSv(), c == null ? null : c.explanationEn(),
                    h == null ? null : h.motivation()));
        }
        return result;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String combined(String period, List<String> children) {
        return period == null ? null
                : AssessmentPrinciple.combine(children.stream().map(Verdict::valueOf).toList()).name();
    }

    static ProgrammeTree.Ambition ambition(Fact f) {
        return ambition(f, null);
    }

    /** The ambition level, and on {@code validAt} (when given) how certainly it is in force. */
    static ProgrammeTree.Ambition ambition(Fact f, LocalDate validAt) {
        if (f == null) {
            return null;
        }
        JsonNode v = f.value();
        List<AmbitionRule> rules = ProgrammeJson.JSON.convertValue(v.get("rules"), new TypeReference<>() {
        });
        List<String> findings = ProgrammeJson.JSON.convertValue(v.get("findings"), new TypeReference<>() {
        });
        Integer targetYear = v.hasNonNull("targetYear") ? v.get("targetYear").asInt() : null;
        return new ProgrammeTree.Ambition(text(v, "text"), rules, targetYear, v.path("ambiguous").asBoolean(), findings,
                text(v, "rulesSource"), f.validFrom(), f.decision(), f.correctionOf() != null,
                v.path("status").asText("SET"), precision(f).written(f.validFrom()), precision(f).name(),
                validAt == null ? null : certainty(f, validAt));
    }

    static ProgrammeTree.Target target(Fact f) {
        return f == null ? null : new ProgrammeTree.Target(f.value().get("value").decimalValue(),
                f.value().get("year").asInt(), f.validFrom(), f.decision());
    }

    static ProgrammeTree.Measurement measurement(ObservationRows.Measurement m) {
        if (m == null) {
            return null;
        }
        Map<String, BigDecimal> references = ProgrammeJson.JSON.convertValue(m.referenceValues(), new TypeReference<>() {
        });
        return new ProgrammeTree.Measurement(m.period(), m.value(), m.done(), m.dataPeriod(), references,
                m.source(), m.recordedAt());
    }

    private static List<ProgrammeState.Entity> children(ProgrammeState state, Fact.Kind kind, String parentId) {
        return state.entities().values().stream()
                .filter(e -> e.kind == kind && e.added != null && parentId.equals(e.added.parentId()))
                .filter(state::inForce)
                .sorted(Comparator.comparing(e -> e.id))
                .toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        return node == null || node.isNull() ? null : ProgrammeJson.JSON.convertValue(node, type);
    }
}
