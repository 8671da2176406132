package se.malspar.kernel.programme.measurement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;

/**
 * A follow-up period as the aggregate that is closed and reopened: {@code 2021-T1}, {@code 2021-T2},
 * {@code 2021-AR}. Its aggregate identifier is {@code period:2021-T1} — ':' is in no programme, goal,
 * delmål or indicator id, so a period can never share an event stream with one of them.
 */
public record PeriodId(String period) {

    public PeriodId {
        if (!FollowUpPeriod.isValid(period)) {
            throw new IllegalArgumentException("period '" + period + "' must be YYYY-T1, YYYY-T2 or YYYY-AR");
        }
    }

    @JsonCreator
    public static PeriodId of(String period) {
        return new PeriodId(period);
    }

    @JsonValue
    @Override
    public String period() {
        return period;
    }

    @Override
    public String toString() {
        return "period:" + period;
    }
}
