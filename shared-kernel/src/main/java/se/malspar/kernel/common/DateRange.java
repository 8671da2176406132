package se.malspar.kernel.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates the register can mean: 1900-01-01 to 2100-12-31 (a municipality's decisions and
 * follow-up are all well inside; a year 0000 or 9999 is a typing error, and a year of a billion
 * is beyond what PostgreSQL's date and timestamptz can hold). Instants (knownAt) likewise.
 */
public final class DateRange {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2100, 12, 31);
    public static final String RULE = "must be a date from " + FIRST + " to " + LAST;

    private static final Instant FIRST_INSTANT = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST_INSTANT = LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private DateRange() {
    }

    public static boolean contains(LocalDate date) {
        return date != null && !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    public static boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT);
    }

    /** The date, or null when it is null; a VALIDATION_FAILED refusal naming the field when out of range. */
    public static LocalDate optional(LocalDate date, String field) {
        if (date != null && !contains(date)) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, field + " " + RULE);
        }
        return date;
    }
}
