package se.malspar.kernel.ambition;

import java.util.Set;

/** What the ambition reader says about a text it could not read plainly, in Swedish and English. */
final class AmbitionFindings {

    private AmbitionFindings() {
    }

    static final String PERCENT_SIGN_NOTE = "”%” kan betyda procent eller procentenheter / ”%” may mean percent or percentage points";
    static final String LEVEL_NOTE = "”i nivå med” läses som ”minst i nivå med” men kan betyda lika inom en tolerans"
            + " / ”i nivå med” is read as ”at least”, but may mean equal within a tolerance";
    static final String POINTS_AFTER_THRESHOLD_NOTE = "”procentenheter” efter ett fast gränsvärde är oklart; enheten lämnas öppen"
            + " / ”percentage points” after a fixed threshold is unclear; the unit is left open";
    static final String EMPTY_NOTE = "texten är tom / the text is empty";
    static final String NOTHING_STATED_NOTE = "texten anger ingen ambitionsnivå / the text states no ambition level";

    static final String ELLER_REASON = "”eller”/”respektive” utan målgrupper: vilket villkor som gäller kan inte avgöras"
            + " / ”or”/”respectively” without target groups: which condition applies cannot be decided";
    static final String MIXED_GROUPS_REASON = "bara en del av referenserna har målgrupp"
            + " / only some of the references name a target group";
    static final String NEGATION_REASON = "nekade villkor tolkas inte / negated conditions are not read";
    static final String YEAR_OR_THRESHOLD_REASON = "talet kan vara ett år eller ett gränsvärde"
            + " / the number may be a year or a threshold";
    static final String QUALIFIED_MARGIN_REASON = "kombinationen av gräns och marginal stöds inte"
            + " / this combination of bound and margin is not supported";

    static String noUnitNote(String quoted) {
        return quoted + " saknar enhet (procent, procentenheter eller absolut)"
                + " / " + quoted + " has no unit (percent, percentage points or absolute)";
    }

    static String yearOnlyNote(int year) {
        return "själva ambitionsnivån anges inte, bara året " + year
                + " / the ambition level itself is not stated, only the year " + year;
    }

    static String severalYearsNote(Set<Integer> years) {
        String list = years.toString().replaceAll("[\\[\\]]", "");
        return "flera år anges (" + list + "); målåret kan inte avgöras"
                + " / several years are named (" + list + "); the target year cannot be decided";
    }
}
