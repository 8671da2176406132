package se.malspar.kernel.common;

import org.junit.jupiter.api.Test;
import se.malspar.kernel.decision.DecisionStatus;
import se.malspar.kernel.fulfilment.Verdict;
import se.malspar.kernel.programme.ChangeKind;
import se.malspar.kernel.programme.ambition.AmbitionStatus;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.DirectionBasis;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.measurement.SourceKind;
import se.malspar.kernel.revision.RevisionStatus;
import se.malspar.kernel.revision.VerificationOutcome;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SwedishLabelsTest {

    @Test
    void everyConstantOfTheEnumsTheApiSpeaksHasASwedishLabel() {
        List<Enum<?>> constants = Stream.of(IndicatorKind.values(), Direction.values(), DirectionBasis.values(),
                        DecisionStatus.values(), AmbitionStatus.values(), DatePrecision.values(), SourceKind.values(),
                        Verdict.values(), VerificationOutcome.values(), RevisionStatus.values(), ChangeKind.values())
                .flatMap(Stream::of).<Enum<?>>map(e -> (Enum<?>) e).toList();
        assertThat(constants).allSatisfy(e -> assertThat(SwedishLabels.has(e.getDeclaringClass().getSimpleName(), e.name()))
                .as(e.getDeclaringClass().getSimpleName() + "." + e.name()).isTrue());
    }

    @Test
    void aPlannedIndicatorAndALevelToBeDiscussedReadInSwedish() {
        assertThat(SwedishLabels.of(IndicatorKind.PLANNED)).isEqualTo("planerat mätvärde (ska tas fram)");
        assertThat(SwedishLabels.of(AmbitionStatus.TO_BE_DISCUSSED)).startsWith("behov av dialog");
        assertThat(SwedishLabels.of("AmbitionReviewStatus", "UNDER_REVIEW")).isEqualTo("under omarbetning");
    }

    @Test
    void aValueWithoutALabelIsShownAsItself() {
        assertThat(SwedishLabels.of("Certainty", "SOMETIMES")).isEqualTo("SOMETIMES");
        assertThat(SwedishLabels.of((Enum<?>) null)).isNull();
    }
}
