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
}
