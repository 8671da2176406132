package se.malspar.kernel.ambition;

import static org.assertj.core.api.Assertions.assertThat;
import static se.malspar.kernel.ambition.AmbitionReaderTest.rule;
import static se.malspar.kernel.ambition.MarginUnit.ABSOLUTE;
import static se.malspar.kernel.ambition.MarginUnit.PERCENT;
import static se.malspar.kernel.ambition.MarginUnit.PERCENTAGE_POINTS;
import static se.malspar.kernel.ambition.RuleComparator.ABOVE;
import static se.malspar.kernel.ambition.RuleComparator.BELOW;
import static se.malspar.kernel.ambition.RuleComparator.POSITIVE_TREND;
import static se.malspar.kernel.ambition.RuleReference.COUNTY;
import static se.malspar.kernel.ambition.RuleReference.NATIONAL;
import static se.malspar.kernel.ambition.RuleReference.OWN_BASELINE;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AmbitionReaderConflictsTest {

    private static final AmbitionReading GROUPS =
            AmbitionReader.read("positiv utveckling och över länet (äldre) eller riket (elever)");
    private static final AmbitionReading PERCENT_SIGN = AmbitionReader.read("+4 % över riket 2022");

    @Test
    void claimEqualToTheReadingHasNoConflicts() {
        assertThat(AmbitionReader.conflicts(GROUPS, GROUPS.rules())).isEmpty();
    }

    @Test
    void claimInAnotherOrderHasNoConflicts() {
        List<AmbitionRule> reversed = new ArrayList<>(GROUPS.rules());
        java.util.Collections.reverse(reversed);

        assertThat(AmbitionReader.conflicts(GROUPS, reversed)).isEmpty();
    }

    @Test
    void targetGroupIsComparedIgnoringCaseAndSpaces() {
        List<AmbitionRule> claim = GROUPS.rules().stream()
                .map(r -> r.withTargetGroup(" " + r.targetGroup().toUpperCase() + " "))
                .toList();

        assertThat(AmbitionReader.conflicts(GROUPS, claim)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = MarginUnit.class, names = {"PERCENT", "PERCENTAGE_POINTS"})
    void claimMayResolveThePercentSignAmbiguity(MarginUnit unit) {
        List<AmbitionRule> claim = List.of(rule(ABOVE, NATIONAL, "4", unit, 2022, null));

        assertThat(AmbitionReader.conflicts(PERCENT_SIGN, claim)).isEmpty();
    }

    @Test
    void claimMayLeaveThePercentSignAmbiguityOpen() {
        assertThat(AmbitionReader.conflicts(PERCENT_SIGN, PERCENT_SIGN.rules())).isEmpty();
    }

    @Test
    void percentSignCannotBeResolvedToAnAbsoluteUnit() {
        List<AmbitionRule> claim = List.of(rule(ABOVE, NATIONAL, "4", ABSOLUTE, 2022, null));

        assertThat(AmbitionReader.conflicts(PERCENT_SIGN, claim)).singleElement().asString()
                .contains("enhet ABSOLUTE").contains("unit ABSOLUTE");
    }

    @Test
    void bareNumberMayBeResolvedToAnyUnit() {
        AmbitionReading reading = AmbitionReader.read("+4 över riket");

        for (MarginUnit unit : MarginUnit.values()) {
            assertThat(AmbitionReader.conflicts(reading, List.of(rule(ABOVE, NATIONAL, "4", unit, null, null))))
                    .as(unit.name()).isEmpty();
        }
    }

    @Test
    void statedUnitCannotBeChanged() {
        AmbitionReading reading = AmbitionReader.read("+4 procentenheter över riket 2022");
        List<AmbitionRule> claim = List.of(rule(ABOVE, NATIONAL, "4", PERCENT, 2022, null));

        assertThat(AmbitionReader.conflicts(reading, claim)).singleElement().asString()
                .contains("enhet PERCENT i stället för PERCENTAGE_POINTS");
    }

    @Test
    void marginIsComparedByValue() {
        List<AmbitionRule> claim = List.of(rule(ABOVE, NATIONAL, "4.00", PERCENTAGE_POINTS, 2022, null));

        assertThat(AmbitionReader.conflicts(PERCENT_SIGN, claim)).isEmpty();
    }

    @Test
    void addingARuleIsAConflict() {
        AmbitionReading reading = AmbitionReader.read("över riket");
        List<AmbitionRule> claim = List.of(rule(ABOVE, NATIONAL), rule(POSITIVE_TREND, OWN_BASELINE));

        assertThat(AmbitionReader.conflicts(reading, claim)).singleElement().asString()
                .contains("lägger till regeln POSITIVE_TREND OWN_BASELINE")
                .contains("adds the rule POSITIVE_TREND OWN_BASELINE");
    }

    @Test
    void droppingARuleIsAConflict() {
        AmbitionReading reading = AmbitionReader.read("positiv trend och över riket");

        assertThat(AmbitionReader.conflicts(reading, List.of(rule(ABOVE, NATIONAL)))).singleElement().asString()
                .contains("saknar regeln POSITIVE_TREND OWN_BASELINE")
                .contains("drops the rule POSITIVE_TREND OWN_BASELINE");
    }

    @Test
    void droppingATargetGroupIsAConflict() {
        List<AmbitionRule> onlyElderly = GROUPS.rules().stream().filter(r -> "äldre".equals(r.targetGroup())).toList();

        assertThat(AmbitionReader.conflicts(GROUPS, onlyElderly)).hasSize(2)
                .allSatisfy(c -> assertThat(c).contains("(elever)").contains("drops"));
    }

    @Test
    void wrongReferenceIsAConflict() {
        AmbitionReading reading = AmbitionReader.read("över riket");

        assertThat(AmbitionReader.conflicts(reading, List.of(rule(ABOVE, COUNTY)))).containsExactly(
                "anspråket ändrar regeln ABOVE NATIONAL: referens COUNTY i stället för NATIONAL"
                        + " / the claim changes the rule ABOVE NATIONAL: reference COUNTY instead of NATIONAL");
    }

    @Test
    void wrongComparatorIsAConflict() {
        AmbitionReading reading = AmbitionReader.read("över riket");

        assertThat(AmbitionReader.conflicts(reading, List.of(rule(BELOW, NATIONAL)))).singleElement().asString()
                .contains("comparator BELOW instead of ABOVE");
    }

    @Test
    void wrongYearIsAConflict() {
        List<AmbitionRule> claim = List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS, 2023, null));

        assertThat(AmbitionReader.conflicts(PERCENT_SIGN, claim)).singleElement().asString()
                .contains("målår 2023 i stället för 2022").contains("target year 2023 instead of 2022");
    }

    @Test
    void missingYearIsAConflict() {
        List<AmbitionRule> claim = List.of(rule(ABOVE, NATIONAL, "4", PERCENTAGE_POINTS, null, null));

        assertThat(AmbitionReader.conflicts(PERCENT_SIGN, claim)).singleElement().asString()
                .contains("target year – instead of 2022");
    }

    @Test
    void wrongMarginIsAConflict() {
        List<AmbitionRule> claim = List.of(rule(ABOVE, NATIONAL, "5", PERCENTAGE_POINTS, 2022, null));

        assertThat(AmbitionReader.conflicts(PERCENT_SIGN, claim)).singleElement().asString()
                .contains("margin 5 instead of 4");
    }

    @Test
    void wrongTargetGroupIsAConflict() {
        List<AmbitionRule> claim = GROUPS.rules().stream()
                .map(r -> "elever".equals(r.targetGroup()) ? r.withTargetGroup("gymnasiet") : r)
                .toList();

        assertThat(AmbitionReader.conflicts(GROUPS, claim)).hasSize(2)
                .allSatisfy(c -> assertThat(c).contains("target group gymnasiet instead of elever"));
    }

    @Test
    void duplicatedClaimRuleIsAConflict() {
        AmbitionReading reading = AmbitionReader.read("över riket");

        assertThat(AmbitionReader.conflicts(reading, List.of(rule(ABOVE, NATIONAL), rule(ABOVE, NATIONAL))))
                .singleElement().asString().contains("adds the rule ABOVE NATIONAL");
    }

    @Test
    void claimAgainstUnreadableTextIsAConflict() {
        AmbitionReading reading = AmbitionReader.read("bra resultat");

        assertThat(AmbitionReader.conflicts(reading, List.of(rule(ABOVE, NATIONAL)))).singleElement().asString()
                .startsWith("texten stöder inte regeln ABOVE NATIONAL / the text does not support the rule ABOVE NATIONAL")
                .contains("bra resultat");
    }

    @Test
    void claimAgainstUndecidedLevelIsAConflict() {
        AmbitionReading reading = AmbitionReader.read("ska definieras");

        assertThat(AmbitionReader.conflicts(reading, List.of(rule(ABOVE, NATIONAL)))).singleElement().asString()
                .contains("does not support");
    }

    @Test
    void claimingNothingForUnreadableTextIsConsistent() {
        assertThat(AmbitionReader.conflicts(AmbitionReader.read("bra resultat"), List.of())).isEmpty();
    }

    @Test
    void claimForTheUnreadPartOfAPartialTextIsAConflict() {
        AmbitionReading reading = AmbitionReader.read("positiv trend och bra resultat");
        List<AmbitionRule> claim = List.of(rule(POSITIVE_TREND, OWN_BASELINE), rule(ABOVE, NATIONAL));

        assertThat(AmbitionReader.conflicts(reading, claim)).singleElement().asString().contains("adds the rule");
    }
}
