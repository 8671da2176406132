package se.malspar.kernel.ambition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmbitionRuleTest {

    @Test
    void comparatorIsRequired() {
        assertThatNullPointerException()
                .isThrownBy(() -> new AmbitionRule(null, RuleReference.NATIONAL, null, null, null, null))
                .withMessageContaining("comparator");
    }

    @Test
    void referenceIsRequired() {
        assertThatNullPointerException()
                .isThrownBy(() -> new AmbitionRule(RuleComparator.ABOVE, null, null, null, null, null))
                .withMessageContaining("reference");
    }

    @Test
    void marginUnitNeedsAMargin() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AmbitionRule(
                RuleComparator.ABOVE, RuleReference.NATIONAL, null, MarginUnit.PERCENT, null, null));
    }

    @Test
    void marginWithoutUnitIsAllowedBecauseTheTextMayLeaveItOpen() {
        AmbitionRule rule = new AmbitionRule(
                RuleComparator.ABOVE, RuleReference.NATIONAL, BigDecimal.valueOf(4), null, 2022, null);

        assertThat(rule.marginUnit()).isNull();
    }

    @Test
    void targetYearMustBeWithin1900And2100() {
        assertThatIllegalArgumentException().isThrownBy(() -> AmbitionRule.of(
                RuleComparator.ABOVE, RuleReference.NATIONAL).withTargetYear(1899));
        assertThatIllegalArgumentException().isThrownBy(() -> AmbitionRule.of(
                RuleComparator.ABOVE, RuleReference.NATIONAL).withTargetYear(2101));
        assertThat(AmbitionRule.of(RuleComparator.ABOVE, RuleReference.NATIONAL).withTargetYear(1900).targetYear())
                .isEqualTo(1900);
        assertThat(AmbitionRule.of(RuleComparator.ABOVE, RuleReference.NATIONAL).withTargetYear(2100).targetYear())
                .isEqualTo(2100);
    }

    @Test
    void blankTargetGroupIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> AmbitionRule.of(
                RuleComparator.ABOVE, RuleReference.NATIONAL).withTargetGroup("  "));
    }

    @Test
    void absoluteThresholdRuleNeedsItsThreshold() {
        assertThatIllegalArgumentException().isThrownBy(() -> AmbitionRule.of(
                RuleComparator.AT_LEAST, RuleReference.ABSOLUTE));
    }

    @Test
    void doneTakesAbsoluteReferenceAndNoMargin() {
        assertThat(AmbitionRule.of(RuleComparator.DONE, RuleReference.ABSOLUTE).comparator())
                .isEqualTo(RuleComparator.DONE);
        assertThatIllegalArgumentException().isThrownBy(() -> AmbitionRule.of(
                RuleComparator.DONE, RuleReference.NATIONAL));
        assertThatIllegalArgumentException().isThrownBy(() -> new AmbitionRule(
                RuleComparator.DONE, RuleReference.ABSOLUTE, BigDecimal.ONE, null, null, null));
    }

    @Test
    void positiveTrendTakesOwnBaseline() {
        assertThatIllegalArgumentException().isThrownBy(() -> AmbitionRule.of(
                RuleComparator.POSITIVE_TREND, RuleReference.NATIONAL));
    }

    @Test
    void negativeMarginFromARelativeReferenceIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AmbitionRule(
                RuleComparator.ABOVE, RuleReference.NATIONAL, new BigDecimal("-1"), MarginUnit.PERCENT, null, null));
    }

    @Test
    void marginEqualityIsByValueNotScale() {
        AmbitionRule a = new AmbitionRule(RuleComparator.AT_LEAST, RuleReference.ABSOLUTE, new BigDecimal("80"),
                MarginUnit.PERCENT, null, null);
        AmbitionRule b = new AmbitionRule(RuleComparator.AT_LEAST, RuleReference.ABSOLUTE, new BigDecimal("80.0"),
                MarginUnit.PERCENT, null, null);

        assertThat(a).isEqualTo(b);
        assertThat(b.margin().toPlainString()).isEqualTo("80");
    }

    @Test
    void describeIsShortAndShowsAnOpenUnit() {
        AmbitionRule rule = new AmbitionRule(RuleComparator.ABOVE, RuleReference.NATIONAL, new BigDecimal("4"),
                null, 2022, "elever");

        assertThat(rule.describe()).isEqualTo("ABOVE NATIONAL 4 ? 2022 (elever)");
    }
}
