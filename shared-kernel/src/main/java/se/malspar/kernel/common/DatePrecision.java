package se.malspar.kernel.common;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How precisely a paper gives a date: a day, only a month ("KF oktober 2020") or only a year. A
 * date of month or year precision is kept as its interval's first day with its precision: in force
 * uncertainly from the first day, certainly from the day after the interval.
 */
public enum DatePrecision {
    DAY,
    MONTH,
    YEAR;

    private static final Pattern WRITTEN = Pattern.compile("([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?");

    /** A date as written: its first day and its precision. */
    public record Dated(LocalDate start, DatePrecision precision) {

        /** The first day after the interval: from it on, the date has certainly passed. */
        public LocalDate certainFrom() {
            return precision.certainFrom(start);
        }

        public String written() {
            return precision.written(start);
        }
    }

    /** "YYYY-MM-DD", "YYYY-MM" or "YYYY"; null stays null. */
    public static Dated parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = WRITTEN.matcher(text.strip());
        if (!m.matches()) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, field + " must be YYYY-MM-DD, YYYY-MM or YYYY");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return new Dated(LocalDate.of(year, 1, 1), YEAR);
            }
            if (m.group(3) == null) {
                return new Dated(LocalDate.of(year, Integer.parseInt(m.group(2)), 1), MONTH);
            }
            return new Dated(LocalDate.parse(text.strip()), DAY);
        } catch (java.time.DateTimeException e) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, field + " must be a real calendar date");
        }
    }

    public LocalDate certainFrom(LocalDate start) {
        return switch (this) {
            case DAY -> start;
            case MONTH -> start.withDayOfMonth(1).plusMonths(1);
            case YEAR -> start.withDayOfYear(1).plusYears(1);
        };
    }

    public String written(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case MONTH -> start.toString().substring(0, 7);
            case YEAR -> start.toString().substring(0, 4);
        };
    }

    /** A month or year date is kept as its first day: anything else is not what was written. */
    public LocalDate requireStart(LocalDate date, String field) {
        boolean ok = switch (this) {
            case DAY -> true;
            case MONTH -> date.getDayOfMonth() == 1;
            case YEAR -> date.getDayOfYear() == 1;
        };
        if (!ok) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, field + " must be the first day of its "
                    + name().toLowerCase() + " when its precision is " + name());
        }
        return date;
    }
}
