package se.malspar.kernel.ambition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The comparison behind {@link AmbitionReader#conflicts}. */
final class ClaimCheck {

    /** Fields that must agree before a differing claim is reported as a change rather than drop + add. */
    private static final int SAME_RULE_THRESHOLD = 4;

    private ClaimCheck() {
    }

    static List<String> conflicts(AmbitionReading reading, List<AmbitionRule> claimed) {
        if (reading.rules().isEmpty()) {
            if (claimed.isEmpty()) {
                return List.of();
            }
            String why = reading.findings().isEmpty() ? "" : " (" + reading.findings().get(0) + ")";
            List<String> out = new ArrayList<>();
            for (AmbitionRule c : claimed) {
                out.add("texten stöder inte regeln " + c.describe() + " / the text does not support the rule "
                        + c.describe() + why);
            }
            return List.copyOf(out);
        }

        List<AmbitionRule> stated = reading.rules();
        List<Set<MarginUnit>> choices = unitChoices(reading);

        // Order-insensitive one-to-one matching (augmenting paths); the lists are tiny.
        int[] claimOfStated = new int[stated.size()];
        int[] statedOfClaim = new int[claimed.size()];
        Arrays.fill(claimOfStated, -1);
        Arrays.fill(statedOfClaim, -1);
        for (int s = 0; s < stated.size(); s++) {
            augment(s, stated, choices, claimed, claimOfStated, statedOfClaim, new boolean[claimed.size()]);
        }

        List<String> out = new ArrayList<>();
        boolean[] claimReported = new boolean[claimed.size()];
        boolean[] statedReported = new boolean[stated.size()];
        // Pair leftovers that are clearly the same rule with a field changed, best match first.
        while (true) {
            int bestS = -1;
            int bestC = -1;
            int best = SAME_RULE_THRESHOLD - 1;
            for (int s = 0; s < stated.size(); s++) {
                if (claimOfStated[s] >= 0 || statedReported[s]) {
                    continue;
                }
                for (int c = 0; c < claimed.size(); c++) {
                    if (statedOfClaim[c] >= 0 || claimReported[c]) {
                        continue;
                    }
                    int score = sameFields(stated.get(s), choices.get(s), claimed.get(c));
                    if (score > best) {
                        best = score;
                        bestS = s;
                        bestC = c;
                    }
                }
            }
            if (bestS < 0) {
                break;
            }
            statedReported[bestS] = true;
            claimReported[bestC] = true;
            out.add(changed(stated.get(bestS), choices.get(bestS), claimed.get(bestC)));
        }
        for (int s = 0; s < stated.size(); s++) {
            if (claimOfStated[s] < 0 && !statedReported[s]) {
                String d = stated.get(s).describe();
                out.add("anspråket saknar regeln " + d + " som texten anger / the claim drops the rule " + d
                        + " that the text states");
            }
        }
        for (int c = 0; c < claimed.size(); c++) {
            if (statedOfClaim[c] < 0 && !claimReported[c]) {
                String d = claimed.get(c).describe();
                out.add("anspråket lägger till regeln " + d + " som texten inte anger / the claim adds the rule "
                        + d + " that the text does not state");
            }
        }
        return List.copyOf(out);
    }

    /**
     * Which units a claim may choose per stated rule. Re-reading the text recovers what the unit was open
     * between ("%" → percent or points; no unit → any); a hand-built reading with an open unit allows any.
     */
    private static List<Set<MarginUnit>> unitChoices(AmbitionReading reading) {
        List<AmbitionParser.ReadRule> reread = AmbitionParser.parse(reading.text()).rules();
        List<Set<MarginUnit>> out = new ArrayList<>();
        for (AmbitionRule r : reading.rules()) {
            Set<MarginUnit> open = reread.stream()
                    .filter(rr -> rr.rule().equals(r))
                    .map(AmbitionParser.ReadRule::unitChoices)
                    .findFirst()
                    .orElse(r.margin() != null && r.marginUnit() == null
                            ? EnumSet.allOf(MarginUnit.class) : EnumSet.noneOf(MarginUnit.class));
            out.add(open);
        }
        return out;
    }

    private static boolean augment(int s, List<AmbitionRule> stated, List<Set<MarginUnit>> choices,
                                   List<AmbitionRule> claimed, int[] claimOfStated, int[] statedOfClaim,
                                   boolean[] seen) {
        for (int c = 0; c < claimed.size(); c++) {
            if (seen[c] || !fits(stated.get(s), choices.get(s), claimed.get(c))) {
                continue;
            }
            seen[c] = true;
            if (statedOfClaim[c] < 0
                    || augment(statedOfClaim[c], stated, choices, claimed, claimOfStated, statedOfClaim, seen)) {
                statedOfClaim[c] = s;
                claimOfStated[s] = c;
                return true;
            }
        }
        return false;
    }

    private static boolean fits(AmbitionRule stated, Set<MarginUnit> choices, AmbitionRule claim) {
        return sameFields(stated, choices, claim) == 6;
    }

    private static int sameFields(AmbitionRule stated, Set<MarginUnit> choices, AmbitionRule claim) {
        int n = 0;
        n += stated.comparator() == claim.comparator() ? 1 : 0;
        n += stated.reference() == claim.reference() ? 1 : 0;
        n += sameMargin(stated.margin(), claim.margin()) ? 1 : 0;
        n += unitFits(stated, choices, claim) ? 1 : 0;
        n += Objects.equals(stated.targetYear(), claim.targetYear()) ? 1 : 0;
        n += sameGroup(stated.targetGroup(), claim.targetGroup()) ? 1 : 0;
        return n;
    }

    private static boolean sameMargin(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean unitFits(AmbitionRule stated, Set<MarginUnit> choices, AmbitionRule claim) {
        if (stated.marginUnit() == claim.marginUnit()) {
            return true;
        }
        // The text left the unit open: the claim may settle it, but only on a value the text allows.
        return stated.marginUnit() == null && stated.margin() != null && choices.contains(claim.marginUnit());
    }

    private static boolean sameGroup(String a, String b) {
        return a == null ? b == null : b != null && AmbitionParser.groupKey(a).equals(AmbitionParser.groupKey(b));
    }

    private static String changed(AmbitionRule stated, Set<MarginUnit> choices, AmbitionRule claim) {
        List<String> sv = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (stated.comparator() != claim.comparator()) {
            sv.add("jämförelse " + claim.comparator() + " i stället för " + stated.comparator());
            en.add("comparator " + claim.comparator() + " instead of " + stated.comparator());
        }
        if (stated.reference() != claim.reference()) {
            sv.add("referens " + claim.reference() + " i stället för " + stated.reference());
            en.add("reference " + claim.reference() + " instead of " + stated.reference());
        }
        if (!sameMargin(stated.margin(), claim.margin())) {
            sv.add("marginal " + plain(claim.margin()) + " i stället för " + plain(stated.margin()));
            en.add("margin " + plain(claim.margin()) + " instead of " + plain(stated.margin()));
        }
        if (!unitFits(stated, choices, claim)) {
            String allowed = stated.marginUnit() != null ? String.valueOf(stated.marginUnit())
                    : choices.stream().map(String::valueOf).collect(Collectors.joining(" | "));
            sv.add("enhet " + orDash(claim.marginUnit()) + " i stället för " + orDash(allowed));
            en.add("unit " + orDash(claim.marginUnit()) + " instead of " + orDash(allowed));
        }
        if (!Objects.equals(stated.targetYear(), claim.targetYear())) {
            sv.add("målår " + orDash(claim.targetYear()) + " i stället för " + orDash(stated.targetYear()));
            en.add("target year " + orDash(claim.targetYear()) + " instead of " + orDash(stated.targetYear()));
        }
        if (!sameGroup(stated.targetGroup(), claim.targetGroup())) {
            sv.add("målgrupp " + orDash(claim.targetGroup()) + " i stället för " + orDash(stated.targetGroup()));
            en.add("target group " + orDash(claim.targetGroup()) + " instead of " + orDash(stated.targetGroup()));
        }
        String d = stated.describe();
        return "anspråket ändrar regeln " + d + ": " + String.join("; ", sv)
                + " / the claim changes the rule " + d + ": " + String.join("; ", en);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "–" : value.toPlainString();
    }

    private static String orDash(Object value) {
        return value == null || String.valueOf(value).isEmpty() ? "–" : String.valueOf(value);
    }
}
