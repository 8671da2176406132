package se.malspar.command.period;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.malspar.command.decision.InMemoryDecisionLookup;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.measurement.ClosePeriod;
import se.malspar.kernel.programme.measurement.PeriodClosed;
import se.malspar.kernel.programme.measurement.PeriodId;
import se.malspar.kernel.programme.measurement.PeriodReopened;
import se.malspar.kernel.programme.measurement.ReopenPeriod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    private static final PeriodId AR_2021 = PeriodId.of("2021-AR");
    private static final DecisionId KF_40 = new DecisionId("kf-2022-04-25-p40");
    private static final DecisionReference KF_40_REF = new DecisionReference(KF_40, "KF 2022-04-25 § 40");
    private static final DecisionId KS_90 = new DecisionId("ks-2022-05-11-p90");
    private static final DecisionReference KS_90_REF = new DecisionReference(KS_90, "KS 2022-05-11 § 90");
    private static final DecisionId KSAU_38 = new DecisionId("ksau-2022-02-23-p38");
    private static final String REASON = "SCB rättade valdeltagandet efter årsredovisningen";

    private FixtureConfiguration<Period> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Period.class);
        fixture.registerInjectableResource(new InMemoryDecisionLookup()
                .register("KF 2022-04-25 § 40").register("KS 2022-05-11 § 90").register("KSAU 2022-02-23 § 38")
                .authority());
    }

    @Test
    void aDecisionClosesAnOpenPeriod() {
        fixture.givenNoPriorActivity()
                .when(new ClosePeriod(AR_2021, KF_40))
                .expectEvents(new PeriodClosed(AR_2021, KF_40_REF));
    }

    @Test
    void closingAClosedPeriodIsRefusedAndNamesTheDecisionThatClosedIt() {
        fixture.given(new PeriodClosed(AR_2021, KF_40_REF))
                .when(new ClosePeriod(AR_2021, KS_90))
                .expectNoEvents()
                .expectException(Matchers.allOf(refusedWith("PERIOD_ALREADY_CLOSED"),
                        Matchers.hasProperty("message", Matchers.containsString("KF 2022-04-25 § 40"))));
    }

    @Test
    void reopeningAClosedPeriodKeepsTheReason() {
        fixture.given(new PeriodClosed(AR_2021, KF_40_REF))
                .when(new ReopenPeriod(AR_2021, KS_90, "  " + REASON + " "))
                .expectEvents(new PeriodReopened(AR_2021, KS_90_REF, REASON));
    }

    @Test
    void reopeningAnOpenPeriodIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ReopenPeriod(AR_2021, KS_90, REASON))
                .expectNoEvents()
                .expectException(refusedWith("PERIOD_NOT_CLOSED"));
        fixture.given(new PeriodClosed(AR_2021, KF_40_REF), new PeriodReopened(AR_2021, KS_90_REF, REASON))
                .when(new ReopenPeriod(AR_2021, KS_90, REASON))
                .expectNoEvents()
                .expectException(refusedWith("PERIOD_NOT_CLOSED"));
    }

    @Test
    void reopeningWithoutAReasonIsRefusedNamingTheReason() {
        fixture.given(new PeriodClosed(AR_2021, KF_40_REF))
                .when(new ReopenPeriod(AR_2021, KS_90, " "))
                .expectNoEvents()
                .expectException(Matchers.allOf(refusedWith("VALIDATION_FAILED"),
                        Matchers.hasProperty("message", Matchers.startsWith("reason must"))));
    }

    @Test
    void aReopenedPeriodCanBeClosedAgain() {
        fixture.given(new PeriodClosed(AR_2021, KF_40_REF), new PeriodReopened(AR_2021, KS_90_REF, REASON))
                .when(new ClosePeriod(AR_2021, KS_90))
                .expectEvents(new PeriodClosed(AR_2021, KS_90_REF));
    }

    @Test
    void anOrganWithoutCompetenceCannotClose() {
        fixture.givenNoPriorActivity()
                .when(new ClosePeriod(AR_2021, KSAU_38))
                .expectNoEvents()
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"));
    }

    @Test
    void aPeriodIdIsAFollowUpPeriodAndItsStreamCannotBeAnotherAggregates() {
        assertThat(AR_2021.toString()).isEqualTo("period:2021-AR");
        assertThatThrownBy(() -> PeriodId.of("2021-T3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("YYYY-T1, YYYY-T2 or YYYY-AR");
    }

    private static Matcher<RuleViolationException> refusedWith(String code) {
        return new FeatureMatcher<>(Matchers.equalTo(code), "a rule violation with code", "code") {
            @Override
            protected String featureValueOf(RuleViolationException actual) {
                return actual.violation().code();
            }
        };
    }
}
