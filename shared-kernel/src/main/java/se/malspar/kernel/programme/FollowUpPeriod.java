package se.malspar.kernel.programme;

import java.util.regex.Pattern;

/** A follow-up period: tertial 1 ({@code 2022-T1}), tertial 2 ({@code 2022-T2}) or the annual report ({@code 2022-AR}). */
public final class FollowUpPeriod {

    private static final Pattern FORM = Pattern.compile("(19|20)[0-9]{2}-(T1|T2|AR)");

    private FollowUpPeriod() {
    }

    public static boolean isValid(String period) {
        return period != null && FORM.matcher(period).matches();
    }

    /** 2022-T1 < 2022-T2 < 2022-AR < 2023-T1. */
    public static int order(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        return year * 10 + switch (period.substring(5)) {
            case "T1" -> 1;
            case "T2" -> 2;
            default -> 3;
        };
    }

    /** Consecutive report periods: 2021-AR is 1 before 2022-T1; the difference counts report periods. */
    public static int index(String period) {
        if (!isValid(period)) {
            throw new IllegalArgumentException("not a report period: " + period);
        }
        return order(period) / 10 * 3 + order(period) % 10 - 1;
    }

    /** The day the period reports on: tertial 1 per April, tertial 2 per August, the annual report per December. */
    public static java.time.LocalDate endDate(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        return switch (period.substring(5)) {
            case "T1" -> java.time.LocalDate.of(year, 4, 30);
            case "T2" -> java.time.LocalDate.of(year, 8, 31);
            default -> java.time.LocalDate.of(year, 12, 31);
        };
    }
}
