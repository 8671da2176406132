package se.malspar.query.delmalcount;

import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.programme.DecisionReference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * How many delmål a paper says a goal has ({@code stated}), from {@code effectiveFrom} (kept as
 * written, at its precision), by {@code decision}, with the paper that says it.
 */
public record StatedDelmalCount(String goalId, int stated, LocalDate effectiveFrom, String effectiveFromWritten,
                                String effectiveFromPrecision, DecisionReference decision, Instant recordedAt,
                                JsonNode provenance) {

    /** The read model's name: its processing group and its row in read_model_position. */
    public static final String READ_MODEL = "delmal-count";

    /** The count stated for the goal in force on {@code day} (from the start of its interval) as recorded by {@code knownAt}. */
    public static StatedDelmalCount inForce(List<StatedDelmalCount> counts, String goalId, LocalDate day, Instant knownAt) {
        return counts.stream()
                .filter(c -> c.goalId().equals(goalId) && !c.effectiveFrom().isAfter(day) && !c.recordedAt().isAfter(knownAt))
                .max(Comparator.comparing(StatedDelmalCount::effectiveFrom).thenComparing(StatedDelmalCount::recordedAt))
                .orElse(null);
    }

    static String written(LocalDate from, String precision) {
        return DatePrecision.valueOf(precision).written(from);
    }
}
