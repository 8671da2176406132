package se.malspar.kernel.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date of the meeting that took a decision: a full date, or only year and month when the
 * source paper gives no day (e.g. "KF 2020-10"). A missing day is never filled in.
 */
public record MeetingDate(int year, int month, Integer day) {

    private static final Pattern FORM = Pattern.compile("([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?");

    public MeetingDate {
        if (year < 1900 || year > 2100) {
            throw new InvalidCitationException("meeting year " + year + " is outside 1900–2100");
        }
        try {
            if (day == null) {
                YearMonth.of(year, month);
            } else {
                LocalDate.of(year, month, day);
            }
        } catch (DateTimeException e) {
            throw new InvalidCitationException("not a calendar date: " + render(year, month, day));
        }
    }

    @JsonCreator
    public static MeetingDate parse(String text) {
        if (text == null) {
            throw new InvalidCitationException("meeting date is required (YYYY-MM-DD, or YYYY-MM when the day is not known)");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new InvalidCitationException("meeting date '" + text
                    + "' must be YYYY-MM-DD, or YYYY-MM when the day is not known");
        }
        Integer day = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        return new MeetingDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), day);
    }

    public static MeetingDate of(LocalDate date) {
        return new MeetingDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public boolean monthOnly() {
        return day == null;
    }

    /** The exact date, when the paper gives one. */
    public Optional<LocalDate> date() {
        return day == null ? Optional.empty() : Optional.of(LocalDate.of(year, month, day));
    }

    @JsonValue
    @Override
    public String toString() {
        return render(year, month, day);
    }

    private static String render(int year, int month, Integer day) {
        String ym = String.format("%04d-%02d", year, month);
        return day == null ? ym : ym + String.format("-%02d", day);
    }
}
