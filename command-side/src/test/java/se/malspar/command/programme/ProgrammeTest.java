package se.malspar.command.programme;

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
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.structure.CreateProgramme;
import se.malspar.kernel.programme.structure.ProgrammeCreated;

import java.time.LocalDate;

import static se.malspar.command.programme.StructureLookup.Kind.PROGRAMME;

class ProgrammeTest {

    private static final ProgrammeId PROGRAMME_ID = new ProgrammeId("vaggeryd-2020");
    private static final String NAME = "Strategiskt hållbarhets- och utvecklingsprogram";

    private static final DecisionId KF_FULL = new DecisionId("kf-2020-10-26-p112");
    private static final DecisionReference KF_FULL_REF = new DecisionReference(KF_FULL, "KF 2020-10-26 § 112");
    private static final DecisionId KF_OCTOBER = new DecisionId("kf-2020-10");
    private static final DecisionId KS_70 = new DecisionId("ks-2022-03-09-p70");
    private static final DecisionId KSAU_38 = new DecisionId("ksau-2022-02-23-p38");
    private static final DecisionId UNREGISTERED = new DecisionId("kf-2020-10-26-p113");

    private final InMemoryDecisionLookup decisions = new InMemoryDecisionLookup()
            .register("KF 2020-10-26 § 112")
            .register("KF 2020-10")
            .register("KS 2022-03-09 § 70")
            .register("KSAU 2022-02-23 § 38");
    private final InMemoryStructure structure = new InMemoryStructure();
    private FixtureConfiguration<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
        fixture.registerInjectableResource(decisions.authority());
        fixture.registerInjectableResource(structure);
    }

    static Matcher<RuleViolationException> refusedWith(String code) {
        return new FeatureMatcher<>(Matchers.equalTo(code), "a rule violation with code", "code") {
            @Override
            protected String featureValueOf(RuleViolationException actual) {
                return actual.violation().code();
            }
        };
    }

    private static CreateProgramme create(DecisionId decision, LocalDate effectiveFrom) {
        return new CreateProgramme(PROGRAMME_ID, NAME, "KF", decision, effectiveFrom);
    }

    @Test
    void createsProgrammeOnAKfDecisionEffectiveFromItsMeetingDate() {
        fixture.givenNoPriorActivity()
                .when(create(KF_FULL, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProgrammeCreated(PROGRAMME_ID, NAME, "KF", KF_FULL_REF, LocalDate.of(2020, 10, 26)))
                .expectResultMessagePayload(new Accepted("vaggeryd-2020", 0));
    }

    @Test
    void ksCreatesAProgrammeOfItsOwnGoalsOnItsOwnDecision() {
        fixture.givenNoPriorActivity()
                .when(new CreateProgramme(new ProgrammeId("ks-mal-2020-2022"), "Kommunstyrelsens mål 2020-2022", "KS",
                        KS_70, null))
                .expectEvents(new ProgrammeCreated(new ProgrammeId("ks-mal-2020-2022"), "Kommunstyrelsens mål 2020-2022",
                        "KS", new DecisionReference(KS_70, "KS 2022-03-09 § 70"), LocalDate.of(2022, 3, 9)));
    }

    @Test
    void kfCannotCreateAProgrammeOwnedByKs() {
        fixture.givenNoPriorActivity()
                .when(new CreateProgramme(PROGRAMME_ID, NAME, "KS", KF_FULL, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void ownerOrganIsWrittenInUpperCase() {
        fixture.givenNoPriorActivity()
                .when(new CreateProgramme(PROGRAMME_ID, NAME, " kf ", KF_FULL, null))
                .expectEvents(new ProgrammeCreated(PROGRAMME_ID, NAME, "KF", KF_FULL_REF, LocalDate.of(2020, 10, 26)));
    }

    @Test
    void explicitEffectiveFromIsKept() {
        LocalDate effective = LocalDate.of(2021, 1, 1);
        fixture.givenNoPriorActivity()
                .when(create(KF_FULL, effective))
                .expectEvents(new ProgrammeCreated(PROGRAMME_ID, NAME, "KF", KF_FULL_REF, effective));
    }

    @Test
    void cannotCreateProgrammeWithoutADecision() {
        fixture.givenNoPriorActivity()
                .when(create(null, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateProgrammeOnAnUnregisteredDecision() {
        fixture.givenNoPriorActivity()
                .when(create(UNREGISTERED, null))
                .expectException(refusedWith("DECISION_NOT_REGISTERED"))
                .expectExceptionMessage(Matchers.containsString("kf-2020-10-26-p113"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateProgrammeOnAKsDecision() {
        fixture.givenNoPriorActivity()
                .when(create(KS_70, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateProgrammeOnAKsauDecision() {
        fixture.givenNoPriorActivity()
                .when(create(KSAU_38, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectExceptionMessage(Matchers.containsString("KSAU 2022-02-23 § 38"))
                .expectNoEvents();
    }

    @Test
    void monthOnlyDecisionWithoutEffectiveFromLeavesTheEffectiveDateUnknown() {
        fixture.givenNoPriorActivity()
                .when(create(KF_OCTOBER, null))
                .expectException(refusedWith("EFFECTIVE_DATE_UNKNOWN"))
                .expectNoEvents();
    }

    @Test
    void monthOnlyDecisionWithExplicitEffectiveFromIsAccepted() {
        LocalDate effective = LocalDate.of(2020, 11, 1);
        fixture.givenNoPriorActivity()
                .when(create(KF_OCTOBER, effective))
                .expectEvents(new ProgrammeCreated(PROGRAMME_ID, NAME, "KF",
                        new DecisionReference(KF_OCTOBER, "KF 2020-10"), effective));
    }

    @Test
    void cannotCreateAnExistingProgrammeAgain() {
        fixture.given(new ProgrammeCreated(PROGRAMME_ID, NAME, "KF", KF_FULL_REF, LocalDate.of(2020, 10, 26)))
                .when(new CreateProgramme(PROGRAMME_ID, "Ett annat program", "KF", KF_FULL, null))
                .expectException(refusedWith("ALREADY_EXISTS"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateProgrammeWithTheNameOfAnotherProgramme() {
        structure.with(PROGRAMME, "annat-program", "", NAME.toUpperCase());
        fixture.givenNoPriorActivity()
                .when(create(KF_FULL, null))
                .expectException(refusedWith("DUPLICATE_NAME"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateProgrammeWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new CreateProgramme(PROGRAMME_ID, "  ", "KF", KF_FULL, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }
}
