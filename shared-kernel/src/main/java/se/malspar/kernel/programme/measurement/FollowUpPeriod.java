package se.malspar.kernel.programme.measurement;

import java.util.regex.Pattern;

/** A follow-up period: tertial 1 ({@code 2022-T1}), tertial 2 ({@code 2022-T2}) or the annual report ({@code 2022-AR}). */
public final class FollowUpPeriod {

    private static final Pattern FORM = Pattern.compile("(19|20)[0-9]{2}-(T1|T2|AR)");

    /**
     * The period a measured figure describes, as statistics write it: a year ({@code 2021}), a month
     * ({@code 2021-09}), a school year ({@code 2021/22}) or a span of years ({@code 2019-2021}); years 1900–2100.
     */
    public static final String DATA_PERIOD_FORM =
            "(19[0-9]{2}|20[0-9]{2}|2100)(-(0[1-9]|1[0-2])|/[0-9]{2}|-(19[0-9]{2}|20[0-9]{2}|2100))?";
    private static final Pattern DATA_PERIOD = Pattern.compile(DATA_PERIOD_FORM);
    public static final String DATA_PERIOD_RULE = "must be a year (2021), a month (2021-09), a school year (2021/22) "
            + "or a span of years (2019-2021), with years from 1900 to 2100";

    private FollowUpPeriod() {
    }

    public static boolean isValidDataPeriod(String dataPeriod) {
        return dataPeriod != null && DATA_PERIOD.matcher(dataPeriod).matches();
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
