package se.malspar.standalone.programme;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import se.malspar.kernel.fulfilment.AssessmentPrinciple;
import se.malspar.kernel.fulfilment.FulfilmentAssessed;
import se.malspar.kernel.fulfilment.FulfilmentComputed;
import se.malspar.kernel.fulfilment.Verdict;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.ambition.AmbitionLevel;
import se.malspar.kernel.programme.ambition.AmbitionLevelCorrected;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.ambition.TargetValueSet;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorRetired;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.structure.DelmalAdded;
import se.malspar.kernel.programme.structure.DelmalRenamed;
import se.malspar.kernel.programme.structure.DelmalRetired;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.kernel.programme.structure.ProgrammeCreated;
import se.malspar.query.programme.ProgrammeTree;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The independent check: folds the events recorded by {@code knownAt}, in store order, into plain
 * in-memory entities and reads the tree in force on {@code validAt} from them. It shares no code
 * with the projection, only the meaning of the rules.
 */
final class ProgrammeFold {

    private record Entry<T>(LocalDate validFrom, long order, DecisionReference decision, T value, boolean corrected) {
    }

    private static final class Node {
        final String kind;
        final String id;
        String parentId;
        Object added;
        final List<Entry<String>> names = new ArrayList<>();
        final List<Entry<Object>> retirements = new ArrayList<>();
        final List<Entry<AmbitionLevel>> ambitions = new ArrayList<>();
        final List<Entry<TargetValueSet>> targets = new ArrayList<>();
        final List<Object[]> measurements = new ArrayList<>();
        /** period → latest computed and latest human verdict, as recorded. */
        final Map<String, FulfilmentComputed> computed = new java.util.HashMap<>();
        final Map<String, FulfilmentAssessed> assessed = new java.util.HashMap<>();

        Node(String kind, String id) {
            this.kind = kind;
            this.id = id;
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();

    private ProgrammeFold() {
    }

    static List<TrackedEventMessage<?>> events(EventStore store) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    static Optional<ProgrammeTree> tree(List<TrackedEventMessage<?>> events, String programmeId, LocalDate validAt,
                                        Instant knownAt, String period) {
        ProgrammeFold fold = new ProgrammeFold();
        long order = 0;
        for (TrackedEventMessage<?> event : events) {
            order++;
            if (!event.getTimestamp().isAfter(knownAt)) {
                fold.apply(event.getPayload(), order, event.getTimestamp());
            }
        }
        return fold.read(programmeId, validAt, knownAt, period);
    }

    private Node node(String kind, String id) {
        return nodes.computeIfAbsent(kind + "/" + id, k -> new Node(kind, id));
    }

    private void apply(Object e, long order, Instant at) {
        if (e instanceof ProgrammeCreated p) {
            Node n = node("P", p.programmeId().value());
            n.added = p;
            n.names.add(new Entry<>(p.effectiveFrom(), order, p.decision(), p.name(), false));
        } else if (e instanceof GoalAdded g) {
            Node n = node("G", g.goalId().value());
            n.added = g;
            n.parentId = g.programmeId().value();
            n.names.add(new Entry<>(g.effectiveFrom(), order, g.decision(), g.name(), false));
        } else if (e instanceof DelmalAdded d) {
            Node n = node("D", d.delmalId().value());
            n.added = d;
            n.parentId = d.goalId().value();
            n.names.add(new Entry<>(d.effectiveFrom(), order, d.decision(), d.name(), false));
        } else if (e instanceof DelmalRenamed r) {
            node("D", r.delmalId().value()).names.add(new Entry<>(r.effectiveFrom(), order, r.decision(), r.name(), false));
        } else if (e instanceof DelmalRetired r) {
            node("D", r.delmalId().value()).retirements.add(new Entry<>(r.effectiveFrom(), order, r.decision(), r, false));
        } else if (e instanceof IndicatorDefined i) {
            Node n = node("I", i.indicatorId().value());
            n.added = i;
            n.parentId = i.delmalId().value();
            n.names.add(new Entry<>(i.effectiveFrom(), order, i.decision(), i.name(), false));
        } else if (e instanceof IndicatorRetired r) {
            node("I", r.indicatorId().value()).retirements.add(new Entry<>(r.effectiveFrom(), order, r.decision(), r, false));
        } else if (e instanceof AmbitionLevelSet a) {
            node("I", a.indicatorId().value()).ambitions.add(new Entry<>(a.effectiveFrom(), order, a.decision(),
                    a.ambitionLevel(), false));
        } else if (e instanceof AmbitionLevelCorrected c) {
            List<Entry<AmbitionLevel>> entries = node("I", c.indicatorId().value()).ambitions;
            for (int i = entries.size() - 1; i >= 0; i--) {
                Entry<AmbitionLevel> entry = entries.get(i);
                if (entry.decision().decisionId().equals(c.corrects().decisionId())
                        && entry.validFrom().equals(c.effectiveFrom())) {
                    entries.set(i, new Entry<>(entry.validFrom(), entry.order(), entry.decision(), c.ambitionLevel(), true));
                    break;
                }
            }
        } else if (e instanceof TargetValueSet t) {
            node("I", t.indicatorId().value()).targets.add(new Entry<>(t.effectiveFrom(), order, t.decision(), t, false));
        } else if (e instanceof MeasurementRecorded m) {
            node("I", m.indicatorId().value()).measurements.add(new Object[]{m, order, at});
        } else if (e instanceof FulfilmentComputed c) {
            node("I", c.indicatorId().value()).computed.put(c.period(), c);
        } else if (e instanceof FulfilmentAssessed a) {
            node("I", a.indicatorId().value()).assessed.put(a.period(), a);
        }
    }

    private static <T> Entry<T> inForce(List<Entry<T>> entries, LocalDate validAt) {
        return entries.stream().filter(x -> !x.validFrom().isAfter(validAt))
                .max(Comparator.comparing((Entry<T> x) -> x.validFrom()).thenComparingLong(Entry::order))
                .orElse(null);
    }

    private boolean alive(Node n, LocalDate validAt) {
        return n.added != null && !n.names.get(0).validFrom().isAfter(validAt) && inForce(n.retirements, validAt) == null;
    }

    private Optional<ProgrammeTree> read(String programmeId, LocalDate validAt, Instant knownAt, String requested) {
        Node p = nodes.get("P/" + programmeId);
        if (p == null || p.added == null) {
            return Optional.empty();
        }
        ProgrammeCreated created = (ProgrammeCreated) p.added;
        boolean inForce = alive(p, validAt);
        String period = null;
        if (inForce) {
            period = requested;
            if (period == null) {
                // The latest period with a verdict among the indicators in force.
                for (Node g : children("G", programmeId, validAt)) {
                    for (Node d : children("D", g.id, validAt)) {
                        for (Node i : children("I", d.id, validAt)) {
                            for (String known : union(i.computed.keySet(), i.assessed.keySet())) {
                                if (period == null || periodOrder(known) > periodOrder(period)) {
                                    period = known;
                                }
                            }
                        }
                    }
                }
            }
        }
        List<ProgrammeTree.Goal> goals = new ArrayList<>();
        if (inForce) {
            for (Node g : children("G", programmeId, validAt)) {
                GoalAdded ga = (GoalAdded) g.added;
                List<ProgrammeTree.Delmal> delmal = new ArrayList<>();
                for (Node d : children("D", g.id, validAt)) {
                    DelmalAdded da = (DelmalAdded) d.added;
                    Entry<String> name = inForce(d.names, validAt);
                    List<ProgrammeTree.Indicator> indicators = new ArrayList<>();
                    for (Node i : children("I", d.id, validAt)) {
                        indicators.add(indicator(i, validAt, period));
                    }
                    String delmalVerdict = period == null ? null : AssessmentPrinciple.combine(indicators.stream()
                            .map(i -> i.fulfilment() == null ? Verdict.NOT_ASSESSED : Verdict.valueOf(i.fulfilment().status()))
                            .toList()).name();
                    delmal.add(new ProgrammeTree.Delmal(d.id, name.value(), da.description(), da.effectiveFrom(),
                            da.decision(), name.order() == d.names.get(0).order() ? null : name.decision(),
                            delmalVerdict, indicators));
                }
                String goalVerdict = period == null ? null : AssessmentPrinciple.combine(delmal.stream()
                        .map(d -> Verdict.valueOf(d.fulfilment())).toList()).name();
                goals.add(new ProgrammeTree.Goal(g.id, ga.name(), ga.goalArea(), ga.effectiveFrom(), ga.decision(),
                        goalVerdict, delmal));
            }
        }
        return Optional.of(new ProgrammeTree(programmeId, created.name(), created.ownerOrgan(), validAt, knownAt, inForce,
                created.effectiveFrom(), created.decision(), period, goals));
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private ProgrammeTree.Indicator indicator(Node i, LocalDate validAt, String period) {
        IndicatorDefined def = (IndicatorDefined) i.added;
        Entry<AmbitionLevel> a = inForce(i.ambitions, validAt);
        Entry<TargetValueSet> t = inForce(i.targets, validAt);
        ProgrammeTree.Ambition ambition = a == null ? null : new ProgrammeTree.Ambition(a.value().text(), a.value().rules(),
                a.value().targetYear(), a.value().ambiguous(), a.value().findings(), a.value().rulesSource().name(),
                a.validFrom(), a.decision(), a.corrected());
        ProgrammeTree.Target target = t == null ? null
                : new ProgrammeTree.Target(t.value().value(), t.value().year(), t.validFrom(), t.decision());
        // The latest recorded measurement of the latest period.
        Map<String, Object[]> latestPerPeriod = new TreeMap<>(Comparator.comparingInt(ProgrammeFold::periodOrder));
        for (Object[] m : i.measurements) {
            latestPerPeriod.put(((MeasurementRecorded) m[0]).period(), m);
        }
        ProgrammeTree.Measurement measurement = null;
        if (!latestPerPeriod.isEmpty()) {
            Object[] last = ((TreeMap<String, Object[]>) latestPerPeriod).lastEntry().getValue();
            MeasurementRecorded m = (MeasurementRecorded) last[0];
            Map<String, java.math.BigDecimal> refs = new LinkedHashMap<>();
            m.referenceValues().forEach((area, v) -> refs.put(area.name(), v));
            measurement = new ProgrammeTree.Measurement(m.period(), m.value(), m.done(), m.dataPeriod(), refs, m.source(),
                    (Instant) last[2]);
        }
        FulfilmentComputed c = period == null ? null : i.computed.get(period);
        FulfilmentAssessed h = period == null ? null : i.assessed.get(period);
        ProgrammeTree.Fulfilment fulfilment = c == null && h == null ? null : new ProgrammeTree.Fulfilment(period,
                h != null ? h.status().name() : c.assessment().verdict().name(), h != null ? "HUMAN" : "COMPUTED",
                c == null ? null : c.assessment().verdict().name(), c != null && c.assessment().carriedForward(),
                c == null ? null : c.assessment().principleVersion(), c == null ? null : c.assessment().explanationSv(),
                c == null ? null : c.assessment().explanationEn(), h == null ? null : h.motivation());
        return new ProgrammeTree.Indicator(i.id, def.name(), def.unit(), def.kind().name(), def.direction().name(),
                def.politicallyDecidedTarget(), def.source(), def.effectiveFrom(), def.decision(), def.note(), ambition,
                target, measurement, fulfilment);
    }

    private List<Node> children(String kind, String parentId, LocalDate validAt) {
        return nodes.values().stream()
                .filter(n -> n.kind.equals(kind) && parentId.equals(n.parentId) && alive(n, validAt))
                .sorted(Comparator.comparing(n -> n.id))
                .toList();
    }

    private static int periodOrder(String period) {
        return Integer.parseInt(period.substring(0, 4)) * 10 + switch (period.substring(5)) {
            case "T1" -> 1;
            case "T2" -> 2;
            default -> 3;
        };
    }
}
