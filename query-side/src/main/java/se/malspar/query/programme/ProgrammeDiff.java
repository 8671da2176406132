package se.malspar.query.programme;

import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.kernel.programme.DecisionReference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** What changed in force between two dates (as recorded by {@code knownAt}), each change with its decision. */
public record ProgrammeDiff(String programmeId, LocalDate from, LocalDate to, Instant knownAt, List<Change> changes) {

    /**
     * One change. {@code change} is ADDED, RETIRED, RENAMED, AMBITION_LEVEL_CHANGED or
     * TARGET_VALUE_CHANGED; {@code before}/{@code after} hold the name, ambition level or target value;
     * {@code provenance} where the change comes from (source paper, quote, note), or null.
     * {@code state}: for an ADDED entity its full state on {@code to} (its definition, and for an
     * indicator its ambitionLevel and targetValue in force), else null.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ProgrammeChange")
    public record Change(String change, String entityKind, String entityId, String name, LocalDate effectiveFrom,
                         DecisionReference decision, JsonNode before, JsonNode after, JsonNode provenance,
                         JsonNode state) {
    }

    /**
     * With the reviews of the ambition levels (omarbetning) that opened or closed in (from, to]:
     * AMBITION_REVIEW_OPENED / AMBITION_REVIEW_CLOSED entries of the programme, with their decision,
     * the subject or outcome as {@code after}, and their provenance.
     */
    public ProgrammeDiff withAmbitionReviews(List<se.malspar.query.ambitionreview.AmbitionReview> reviews) {
        List<Change> all = new ArrayList<>(changes);
        for (var review : reviews) {
            if (review.since().isAfter(from) && !review.since().isAfter(to)) {
                all.add(new Change("AMBITION_REVIEW_OPENED", Fact.Kind.PROGRAMME.name(), programmeId, review.subject(), review.since(),
                        review.openedBy(), null, ProgrammeJson.JSON.getNodeFactory().textNode(review.subject()),
                        review.openedProvenance(), null));
            }
            if (review.until() != null && review.until().isAfter(from) && !review.until().isAfter(to)) {
                all.add(new Change("AMBITION_REVIEW_CLOSED", Fact.Kind.PROGRAMME.name(), programmeId, review.subject(), review.until(),
                        review.closedBy(), ProgrammeJson.JSON.getNodeFactory().textNode(review.subject()),
                        ProgrammeJson.JSON.getNodeFactory().textNode(review.outcome()), review.closedProvenance(), null));
            }
        }
        all.sort(Comparator.comparing((Change c) -> c.effectiveFrom() == null ? LocalDate.MAX : c.effectiveFrom())
                .thenComparing(Change::entityKind).thenComparing(Change::entityId).thenComparing(Change::change));
        return new ProgrammeDiff(programmeId, from, to, knownAt, all);
    }

    static ProgrammeDiff between(String programmeId, LocalDate from, LocalDate to, Instant knownAt,
                                 ProgrammeState before, ProgrammeState after) {
        List<Change> changes = new ArrayList<>();
        for (ProgrammeState.Entity now : after.entities().values()) {
            ProgrammeState.Entity then = before.get(now.kind, now.id);
            boolean wasInForce = before.inForce(then);
            boolean isInForce = after.inForce(now);
            if (isInForce && !wasInForce) {
                changes.add(withState(change("ADDED", now, now.added, null, name(now)), now));
            } else if (!isInForce && wasInForce) {
                Fact retirement = retirement(after, now);
                changes.add(new Change("RETIRED", now.kind.name(), now.id, then.name(),
                        retirement == null ? null : retirement.validFrom(),
                        retirement == null ? null : retirement.decision(), name(then), null,
                        retirement == null ? null : retirement.provenance(), null));
            } else if (isInForce) {
                if (!Objects.equals(then.name(), now.name())) {
                    changes.add(change("RENAMED", now, now.nameFact(), name(then), name(now)));
                }
                if (differs(then.ambition, now.ambition)) {
                    changes.add(change("AMBITION_LEVEL_CHANGED", now, now.ambition, value(then.ambition), value(now.ambition)));
                }
                if (differs(then.target, now.target)) {
                    changes.add(change("TARGET_VALUE_CHANGED", now, now.target, value(then.target), value(now.target)));
                }
            }
        }
        changes.sort(Comparator.comparing((Change c) -> c.effectiveFrom() == null ? LocalDate.MAX : c.effectiveFrom())
                .thenComparing(Change::entityKind).thenComparing(Change::entityId).thenComparing(Change::change));
        return new ProgrammeDiff(programmeId, from, to, knownAt, changes);
    }

    private static Change change(String kind, ProgrammeState.Entity e, Fact cause, JsonNode before, JsonNode after) {
        return new Change(kind, e.kind.name(), e.id, e.name(), cause.validFrom(), cause.decision(), before, after,
                cause.provenance(), null);
    }

    /** An added entity's full state: its definition as in force, with its ambition level and target value. */
    private static Change withState(Change c, ProgrammeState.Entity e) {
        com.fasterxml.jackson.databind.node.ObjectNode state = e.added.value().deepCopy();
        state.put("name", e.name());
        if (e.kind == Fact.Kind.INDICATOR) {
            state.set("ambitionLevel", value(e.ambition));
            state.set("targetValue", value(e.target));
        }
        return new Change(c.change(), c.entityKind(), c.entityId(), c.name(), c.effectiveFrom(), c.decision(),
                c.before(), c.after(), c.provenance(), state);
    }

    /** The entity's own retirement, or the nearest retired ancestor's. */
    private static Fact retirement(ProgrammeState state, ProgrammeState.Entity e) {
        for (ProgrammeState.Entity at = e; at != null; at = state.parent(at)) {
            if (at.retired != null) {
                return at.retired;
            }
        }
        return null;
    }

    private static boolean differs(Fact a, Fact b) {
        return !Objects.equals(a == null ? null : a.factId(), b == null ? null : b.factId());
    }

    private static JsonNode value(Fact f) {
        return f == null ? null : f.value();
    }

    private static JsonNode name(ProgrammeState.Entity e) {
        return ProgrammeJson.JSON.getNodeFactory().textNode(e.name());
    }
}
