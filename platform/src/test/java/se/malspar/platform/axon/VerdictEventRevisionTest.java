package se.malspar.platform.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.ambition.MarginUnit;
import se.malspar.kernel.ambition.RuleComparator;
import se.malspar.kernel.ambition.RuleReference;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.fulfilment.AssessmentInput;
import se.malspar.kernel.fulfilment.AssessmentPrinciple;
import se.malspar.kernel.fulfilment.FulfilmentComputed;
import se.malspar.kernel.fulfilment.IndicatorEvidence;
import se.malspar.kernel.fulfilment.Observation;
import se.malspar.kernel.fulfilment.VerdictInputs;
import se.malspar.kernel.fulfilment.VerdictTrigger;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ambition.AmbitionLevel;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict event's second revision: its size does not grow with the history, and the first is read as it. */
class VerdictEventRevisionTest {

    private static final ObjectMapper EVENT_JSON = AxonPlatformConfiguration.eventObjectMapper();
    private static final IndicatorId INDICATOR = IndicatorId.of("kf2-gymnasiebehorighet");
    private static final List<AmbitionRule> RULES = List.of(
            new AmbitionRule(RuleComparator.POSITIVE_TREND, RuleReference.OWN_BASELINE, null, null, null, null),
            new AmbitionRule(RuleComparator.ABOVE, RuleReference.NATIONAL, new BigDecimal("4"),
                    MarginUnit.PERCENTAGE_POINTS, 2022, null));
    private static final String[] PARTS = {"T1", "T2", "AR"};

    private static String period(int n) {
        return (1900 + n / 3 % 200) + "-" + PARTS[n % 3];
    }

    private static Map<ReferenceArea, BigDecimal> references(int n) {
        return Map.of(ReferenceArea.NATIONAL, new BigDecimal("84." + n % 10), ReferenceArea.COUNTY, new BigDecimal("83." + n % 7));
    }

    @Test
    void theFirstAndTheThousandthVerdictOfAnIndicatorAreTheSameSizeWithinAFifth() throws Exception {
        IndicatorEvidence evidence = new IndicatorEvidence();
        DecisionReference ks = new DecisionReference(new DecisionId("ks-2021-01-13-p12"), "KS 2021-01-13 § 12");
        evidence.apply(new IndicatorDefined(INDICATOR, new DelmalId("kf2-larande"), new GoalId("KF2"), "Gymnasiebehörighet",
                "%", IndicatorKind.MEASURED, Direction.HIGHER_IS_BETTER, false, new IndicatorSource(SourceKind.KOLADA, "N15428"),
                ks, LocalDate.of(1900, 1, 1)), 0);
        evidence.apply(new AmbitionLevelSet(INDICATOR, new AmbitionLevel("positiv trend och +4 procentenheter över riket 2022",
                RULES, 2022, false, List.of(), AmbitionLevel.RulesSource.CLIENT), ks, LocalDate.of(1900, 1, 1)), 1);
        List<Integer> sizes = new ArrayList<>();
        long sequence = 2;
        for (int n = 0; n < 1000; n++) {
            String period = period(n);
            evidence.apply(new MeasurementRecorded(INDICATOR, period, new BigDecimal(80 + n % 9 + "." + n % 10), null,
                    String.valueOf(1899 + n / 3 % 200), references(n), MeasurementSource.of(SourceKind.KOLADA, "N15428", null, null),
                    null), sequence);
            FulfilmentComputed verdict = evidence.compute(INDICATOR, period,
                    new VerdictTrigger("MeasurementRecorded", sequence, null));
            evidence.apply(verdict, sequence + 1);
            sequence += 2;
            sizes.add(EVENT_JSON.writeValueAsBytes(verdict).length);
        }
        int first = sizes.get(0);
        int thousandth = sizes.get(999);
        assertThat((double) thousandth).as("1st %d bytes, 1000th %d bytes", first, thousandth)
                .isBetween(first * 0.8, first * 1.2);
        assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElseThrow()).isLessThan((int) (first * 1.2));
    }

    @Test
    void aRevisionOneVerdictWithItsWholeHistoryIsReadAsRevisionTwoThatRecomputesTheSameVerdict() throws Exception {
        List<Observation> history = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            history.add(new Observation(period(300 + n), new BigDecimal("81.25").add(BigDecimal.valueOf(n % 4)), null,
                    String.valueOf(1999 + n / 3), references(n)));
        }
        AssessmentInput input = new AssessmentInput(period(339), RULES, false, Direction.HIGHER_IS_BETTER,
                IndicatorKind.MEASURED, null, null, history);
        // As revision 1 stored it: every observation up to the period in inputs.history.
        Map<String, Object> revision1 = new LinkedHashMap<>();
        revision1.put("indicatorId", INDICATOR);
        revision1.put("period", input.period());
        revision1.put("inputs", input);
        revision1.put("assessment", AssessmentPrinciple.assess(input));
        byte[] stored = EVENT_JSON.writeValueAsBytes(revision1);

        Serializer serializer = new AxonPlatformConfiguration().serializer(new AnnotationRevisionResolver());
        IntermediateEventRepresentation read = new FulfilmentComputedUpcaster().upcast(Stream.of(
                new InitialEventRepresentation(new GenericDomainEventEntry<>("Indicator", INDICATOR.value(), 80L,
                        "a-revision-1-verdict", Instant.parse("2022-03-01T10:00:00Z"), FulfilmentComputedUpcaster.TYPE, "1",
                        stored, "{}".getBytes()), serializer))).findFirst().orElseThrow();

        assertThat(read.getType().getRevision()).isEqualTo("2");
        FulfilmentComputed event = serializer.deserialize(read.getData());
        assertThat(event.indicatorId()).isEqualTo(INDICATOR);
        assertThat(event.assessment()).isEqualTo(AssessmentPrinciple.assess(input));
        assertThat(event.inputs().observation()).isEqualTo(history.get(39));
        assertThat(event.inputs().previous()).isEqualTo(history.get(38));
        assertThat(event.inputs().sources()).isEqualTo(VerdictInputs.Sources.UNKNOWN);
        assertThat(event.trigger()).isNull();
        assertThat(AssessmentPrinciple.assess(event.inputs().toAssessmentInput())).isEqualTo(event.assessment());
        assertThat(serializer.serialize(event, byte[].class).getData().length).isLessThan(stored.length / 2);
    }
}
