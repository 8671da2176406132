package se.malspar.command.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.malspar.command.decision.InMemoryDecisionLookup;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.structure.DelmalCountStated;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.kernel.programme.structure.StateDelmalCount;

import java.time.LocalDate;

import static se.malspar.command.programme.Refusals.refusedWith;

/** A paper's count of a goal's delmål ("fyra delmål ... under varje övergripande mål"), named or not. */
class DelmalCountTest {

    private static final ProgrammeId VAGGERYD = new ProgrammeId("vaggeryd-2020");
    private static final GoalId KF2 = new GoalId("KF2");
    private static final DecisionId KF_OCTOBER = new DecisionId("kf-2020-10");
    private static final DecisionReference KF_OCTOBER_REF = new DecisionReference(KF_OCTOBER, "KF 2020-10");
    private static final DecisionId KSAU_38 = new DecisionId("ksau-2022-02-23-p38");
    private static final LocalDate OCTOBER = LocalDate.of(2020, 10, 1);

    private final InMemoryDecisionLookup decisions = new InMemoryDecisionLookup()
            .register("KF 2020-10")
            .register("KSAU 2022-02-23 § 38");
    private FixtureConfiguration<Goal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Goal.class);
        fixture.registerInjectableResource(decisions.authority());
        fixture.registerInjectableResource(new InMemoryStructure());
    }

    private static GoalAdded added() {
        return new GoalAdded(KF2, VAGGERYD, "Utbildning, arbete och näringsliv", null, KF_OCTOBER_REF, OCTOBER,
                DatePrecision.MONTH);
    }

    @Test
    void theStatedCountIsRecordedWithItsDecisionAndMonthPrecision() {
        fixture.given(added())
                .when(new StateDelmalCount(KF2, 4, KF_OCTOBER, OCTOBER, DatePrecision.MONTH))
                .expectEvents(new DelmalCountStated(KF2, VAGGERYD, 4, KF_OCTOBER_REF, OCTOBER, DatePrecision.MONTH));
    }

    @Test
    void aCountBelowOneIsRefused() {
        fixture.given(added())
                .when(new StateDelmalCount(KF2, 0, KF_OCTOBER, OCTOBER, DatePrecision.MONTH))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void theSameCountTwiceIsADuplicate() {
        fixture.given(added(), new DelmalCountStated(KF2, VAGGERYD, 4, KF_OCTOBER_REF, OCTOBER, DatePrecision.MONTH))
                .when(new StateDelmalCount(KF2, 4, KF_OCTOBER, OCTOBER, DatePrecision.MONTH))
                .expectException(refusedWith("DUPLICATE_CHANGE"))
                .expectNoEvents();
    }

    @Test
    void ksauCannotStateACount() {
        fixture.given(added())
                .when(new StateDelmalCount(KF2, 4, KSAU_38, null, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }
}
