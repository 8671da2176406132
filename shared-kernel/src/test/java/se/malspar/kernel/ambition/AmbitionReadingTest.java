package se.malspar.kernel.ambition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmbitionReadingTest {

    private static final AmbitionRule ABOVE_NATIONAL = AmbitionRule.of(RuleComparator.ABOVE, RuleReference.NATIONAL);

    @Test
    void readingWithoutRulesMustHaveAFinding() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AmbitionReading("x", List.of(), null, true, List.of()));
    }

    @Test
    void textIsRequired() {
        assertThatNullPointerException().isThrownBy(
                () -> new AmbitionReading(null, List.of(ABOVE_NATIONAL), null, false, List.of()));
    }

    @Test
    void targetYearMustBeWithin1900And2100() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new AmbitionReading("x", List.of(), 1800, true, List.of("a / b")));
    }

    @Test
    void everyRuleCarriesTheReadingsYear() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new AmbitionReading("över riket 2022", List.of(ABOVE_NATIONAL), 2022, false, List.of()));
    }

    @Test
    void blankFindingIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new AmbitionReading("x", List.of(ABOVE_NATIONAL), null, false, List.of(" ")));
    }

    @Test
    void listsAreCopiedAndUnmodifiable() {
        List<AmbitionRule> rules = new ArrayList<>(List.of(ABOVE_NATIONAL));
        AmbitionReading reading = new AmbitionReading("över riket", rules, null, false, List.of());
        rules.clear();

        assertThat(reading.rules()).hasSize(1);
        assertThatThrownBy(() -> reading.rules().add(ABOVE_NATIONAL)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void completeNeedsRulesAndNothingUnread() {
        assertThat(new AmbitionReading("över riket", List.of(ABOVE_NATIONAL), null, false, List.of()).complete())
                .isTrue();
        assertThat(new AmbitionReading("över riket", List.of(ABOVE_NATIONAL), null, true,
                List.of("”%” kan betyda procent eller procentenheter / ”%” may mean percent or percentage points"))
                .complete()).isTrue();
        assertThat(new AmbitionReading("över riket x", List.of(ABOVE_NATIONAL), null, true,
                List.of(AmbitionReading.UNREAD_PREFIX + "”x”")).complete()).isFalse();
        assertThat(new AmbitionReading("x", List.of(), null, true, List.of(AmbitionReading.UNREAD_PREFIX + "”x”"))
                .complete()).isFalse();
    }
}
