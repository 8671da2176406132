package se.malspar.query.period;

import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A follow-up period's state: {@code CLOSED} by {@code decision}, or {@code OPEN} — never closed
 * (no decision), or reopened by {@code decision} for {@code reason}. {@code recordedAt} and
 * {@code recordedBy} say when and by whom the last closing or reopening was recorded.
 */
public record PeriodState(String period, State state, DecisionReference decision, String reason, Instant recordedAt,
                          String recordedBy) {

    /** The read model's name: its processing group and its row in read_model_position. */
    public static final String READ_MODEL = "follow-up-periods";

    public enum State { OPEN, CLOSED }

    public boolean closed() {
        return state == State.CLOSED;
    }

    /** The given periods (open unless {@code known} says otherwise) and every known one, in period order. */
    public static List<PeriodState> covering(List<PeriodState> known, Collection<String> periods) {
        Map<String, PeriodState> all = new TreeMap<>(Comparator.comparingInt(FollowUpPeriod::order));
        periods.stream().filter(FollowUpPeriod::isValid)
                .forEach(p -> all.put(p, new PeriodState(p, State.OPEN, null, null, null, null)));
        all.putAll(known.stream().collect(Collectors.toMap(PeriodState::period, Function.identity(), (a, b) -> b)));
        return List.copyOf(all.values());
    }
}
