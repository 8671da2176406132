package se.malspar.command.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.malspar.command.decision.InMemoryDecisionLookup;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.ambition.AmbitionReviewClosed;
import se.malspar.kernel.programme.ambition.AmbitionReviewOpened;
import se.malspar.kernel.programme.ambition.CloseAmbitionReview;
import se.malspar.kernel.programme.ambition.OpenAmbitionReview;
import se.malspar.kernel.programme.structure.ProgrammeCreated;

import java.time.LocalDate;

import static se.malspar.command.programme.ProgrammeTest.refusedWith;

/** The programme's ambition levels under review (omarbetning): opened by an assignment, closed by a decision. */
class AmbitionReviewTest {

    private static final ProgrammeId PROGRAMME = new ProgrammeId("vaggeryd-2020");
    private static final DecisionReference KF_2020 = new DecisionReference(new DecisionId("kf-2020-10-26-p112"),
            "KF 2020-10-26 § 112");
    private static final DecisionId KSAU_38 = new DecisionId("ksau-2022-02-23-p38");
    private static final DecisionReference KSAU_38_REF = new DecisionReference(KSAU_38, "KSAU 2022-02-23 § 38");
    private static final DecisionId KS_AUGUST = new DecisionId("ks-2022-08-24-p150");
    private static final DecisionReference KS_AUGUST_REF = new DecisionReference(KS_AUGUST, "KS 2022-08-24 § 150");
    private static final DecisionId KS_PLANNED = new DecisionId("ks-2022-08");
    private static final DecisionId KF_OTHER = new DecisionId("kf-2022-09-26-p90");
    private static final String SUBJECT = "uppdaterad ambitionsnivå för fullmäktiges mål";

    private final InMemoryDecisionLookup decisions = new InMemoryDecisionLookup()
            .register("KSAU 2022-02-23 § 38")
            .register("KS 2022-08-24 § 150")
            .register("KF 2022-09-26 § 90")
            .plan("KS 2022-08");
    private FixtureConfiguration<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
        fixture.registerInjectableResource(decisions.authority());
        fixture.registerInjectableResource(new InMemoryStructure());
    }

    private static ProgrammeCreated created() {
        return new ProgrammeCreated(PROGRAMME, "Strategiskt hållbarhets- och utvecklingsprogram", "KF", KF_2020,
                LocalDate.of(2020, 10, 26));
    }

    private static AmbitionReviewOpened opened() {
        return new AmbitionReviewOpened(PROGRAMME, SUBJECT, KSAU_38_REF, LocalDate.of(2022, 2, 23));
    }

    @Test
    void anAssignmentOfKsauOpensTheReviewFromItsMeetingDay() {
        fixture.given(created())
                .when(new OpenAmbitionReview(PROGRAMME, SUBJECT, KSAU_38, null))
                .expectEvents(opened());
    }

    @Test
    void aSecondReviewIsRefusedWhileOneIsUnderWay() {
        fixture.given(created(), opened())
                .when(new OpenAmbitionReview(PROGRAMME, SUBJECT, KSAU_38, null))
                .expectException(RuleViolationException.class)
                .expectException(refusedWith("AMBITION_REVIEW_UNDER_WAY"))
                .expectNoEvents();
    }

    @Test
    void aReviewNeedsItsSubject() {
        fixture.given(created())
                .when(new OpenAmbitionReview(PROGRAMME, " ", KSAU_38, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void aKsDecisionClosesTheReviewNamingTheAssignmentItEnds() {
        fixture.given(created(), opened())
                .when(new CloseAmbitionReview(PROGRAMME, "uppdaterad ambitionsnivå godkänd", KS_AUGUST, null))
                .expectEvents(new AmbitionReviewClosed(PROGRAMME, KSAU_38_REF, "uppdaterad ambitionsnivå godkänd",
                        KS_AUGUST_REF, LocalDate.of(2022, 8, 24)));
    }

    @Test
    void aPlannedDecisionClosesNothing() {
        fixture.given(created(), opened())
                .when(new CloseAmbitionReview(PROGRAMME, "uppdaterad ambitionsnivå", KS_PLANNED, LocalDate.of(2022, 8, 1)))
                .expectException(refusedWith("DECISION_NOT_ADOPTED"))
                .expectNoEvents();
    }

    @Test
    void ksauCannotCloseAReviewAndKfCannotOpenOne() {
        fixture.given(created(), opened())
                .when(new CloseAmbitionReview(PROGRAMME, "klart", KSAU_38, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"));
        fixture.given(created())
                .when(new OpenAmbitionReview(PROGRAMME, SUBJECT, KF_OTHER, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"));
    }

    @Test
    void nothingToCloseWithoutAReviewUnderWay() {
        fixture.given(created())
                .when(new CloseAmbitionReview(PROGRAMME, "klart", KS_AUGUST, null))
                .expectException(refusedWith("NO_AMBITION_REVIEW"))
                .expectNoEvents();
    }

    @Test
    void aReviewCannotCloseBeforeItOpened() {
        fixture.given(created(), opened())
                .when(new CloseAmbitionReview(PROGRAMME, "klart", KS_AUGUST, LocalDate.of(2022, 2, 1)))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void afterClosingANewReviewMayOpen() {
        fixture.given(created(), opened(), new AmbitionReviewClosed(PROGRAMME, KSAU_38_REF, "klart", KS_AUGUST_REF,
                        LocalDate.of(2022, 8, 24)))
                .when(new OpenAmbitionReview(PROGRAMME, SUBJECT, KSAU_38, LocalDate.of(2023, 2, 1)))
                .expectEvents(new AmbitionReviewOpened(PROGRAMME, SUBJECT, KSAU_38_REF, LocalDate.of(2023, 2, 1)));
    }
}
