package se.malspar.command.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.malspar.command.decision.InMemoryDecisionLookup;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.structure.AddDelmal;
import se.malspar.kernel.programme.structure.DelmalAdded;
import se.malspar.kernel.programme.structure.DelmalRenamed;
import se.malspar.kernel.programme.structure.DelmalRetired;
import se.malspar.kernel.programme.structure.RenameDelmal;
import se.malspar.kernel.programme.structure.RetireDelmal;

import java.time.LocalDate;

import static se.malspar.command.programme.Refusals.refusedWith;
import static se.malspar.command.programme.StructureLookup.Kind.DELMAL;
import static se.malspar.command.programme.StructureLookup.Kind.GOAL;
import static se.malspar.command.programme.StructureLookup.Kind.PROGRAMME;

class DelmalTest {

    private static final ProgrammeId PROGRAMME_ID = new ProgrammeId("vaggeryd-2020");
    private static final GoalId KF4 = new GoalId("KF4");
    private static final GoalId KF3 = new GoalId("KF3");
    private static final DelmalId TILLGANGLIGHET = new DelmalId("kf4-tillganglighet");
    private static final String NAME = "Tillgänglighet";
    private static final String DESCRIPTION = "Nytt delmål under mål 4";

    private static final DecisionId KS_70 = new DecisionId("ks-2022-03-09-p70");
    private static final DecisionReference KS_70_REF = new DecisionReference(KS_70, "KS 2022-03-09 § 70");
    private static final LocalDate KS_70_DATE = LocalDate.of(2022, 3, 9);
    private static final DecisionId KS_AUGUST = new DecisionId("ks-2022-08");
    private static final DecisionId KS_175 = new DecisionId("ks-2022-10-05-p175");
    private static final DecisionReference KS_175_REF = new DecisionReference(KS_175, "KS 2022-10-05 § 175");
    private static final LocalDate KS_175_DATE = LocalDate.of(2022, 10, 5);
    private static final DecisionId KF_2020 = new DecisionId("kf-2020-10-26-p112");
    private static final DecisionId KSAU_38 = new DecisionId("ksau-2022-02-23-p38");
    private static final DecisionId UNREGISTERED = new DecisionId("ks-2022-03-09-p71");

    private final InMemoryDecisionLookup decisions = new InMemoryDecisionLookup()
            .register("KS 2022-03-09 § 70")
            .register("KS 2022-08")
            .register("KS 2022-10-05 § 175")
            .register("KF 2020-10-26 § 112")
            .register("KSAU 2022-02-23 § 38")
            .plan("KS 2022-11-09 § 200");
    private final InMemoryStructure structure = new InMemoryStructure()
            .with(PROGRAMME, "vaggeryd-2020", "", "Strategiskt hållbarhets- och utvecklingsprogram")
            .with(GOAL, "KF3", "vaggeryd-2020", "Kunskap, hälsa och fritid")
            .with(GOAL, "KF4", "vaggeryd-2020", "Alla invånare är en resurs");
    private FixtureConfiguration<Delmal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Delmal.class);
        fixture.registerInjectableResource(decisions.authority());
        fixture.registerInjectableResource(structure);
    }


    private static AddDelmal add(String name, DecisionId decision, LocalDate effectiveFrom) {
        return new AddDelmal(TILLGANGLIGHET, KF4, name, DESCRIPTION, decision, effectiveFrom);
    }

    private static DelmalAdded added(String name) {
        return new DelmalAdded(TILLGANGLIGHET, KF4, PROGRAMME_ID, name, DESCRIPTION, KS_70_REF, KS_70_DATE);
    }

    /** The delmål as it stands once added: its own entry in the lookup, and its event. */
    private DelmalAdded tillganglighetAdded() {
        structure.with(DELMAL, TILLGANGLIGHET.value(), "KF4", NAME);
        return added(NAME);
    }

    private static DelmalRetired retired() {
        return new DelmalRetired(TILLGANGLIGHET, KF4, KS_175_REF, KS_175_DATE);
    }

    // --- adding ---------------------------------------------------------------------------

    @Test
    void addsDelmalOnAKsDecisionEffectiveFromItsMeetingDate() {
        fixture.givenNoPriorActivity()
                .when(add(NAME, KS_70, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(added(NAME))
                .expectResultMessagePayload(new Accepted("kf4-tillganglighet", 0));
    }

    @Test
    void addsDelmalOnAKfDecision() {
        fixture.givenNoPriorActivity()
                .when(add(NAME, KF_2020, null))
                .expectEvents(new DelmalAdded(TILLGANGLIGHET, KF4, PROGRAMME_ID, NAME, DESCRIPTION,
                        new DecisionReference(KF_2020, "KF 2020-10-26 § 112"), LocalDate.of(2020, 10, 26)));
    }

    @Test
    void explicitEffectiveFromIsKept() {
        LocalDate effective = LocalDate.of(2022, 4, 1);
        fixture.givenNoPriorActivity()
                .when(add(NAME, KS_70, effective))
                .expectEvents(new DelmalAdded(TILLGANGLIGHET, KF4, PROGRAMME_ID, NAME, DESCRIPTION, KS_70_REF, effective));
    }

    @Test
    void cannotAddDelmalWithoutADecision() {
        fixture.givenNoPriorActivity()
                .when(add(NAME, null, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void cannotAddDelmalOnAnUnregisteredDecision() {
        fixture.givenNoPriorActivity()
                .when(add(NAME, UNREGISTERED, null))
                .expectException(refusedWith("DECISION_NOT_REGISTERED"))
                .expectNoEvents();
    }

    @Test
    void cannotAddDelmalOnAPlannedDecision() {
        fixture.givenNoPriorActivity()
                .when(add(NAME, new DecisionId("ks-2022-11-09-p200"), null))
                .expectException(refusedWith("DECISION_NOT_ADOPTED"))
                .expectNoEvents();
    }

    @Test
    void cannotAddDelmalOnAKsauDecision() {
        fixture.givenNoPriorActivity()
                .when(add(NAME, KSAU_38, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void monthOnlyDecisionWithoutEffectiveFromLeavesTheEffectiveDateUnknown() {
        fixture.givenNoPriorActivity()
                .when(add(NAME, KS_AUGUST, null))
                .expectException(refusedWith("EFFECTIVE_DATE_UNKNOWN"))
                .expectNoEvents();
    }

    @Test
    void monthOnlyDecisionWithExplicitEffectiveFromIsAccepted() {
        LocalDate effective = LocalDate.of(2022, 9, 1);
        fixture.givenNoPriorActivity()
                .when(add(NAME, KS_AUGUST, effective))
                .expectEvents(new DelmalAdded(TILLGANGLIGHET, KF4, PROGRAMME_ID, NAME, DESCRIPTION,
                        new DecisionReference(KS_AUGUST, "KS 2022-08"), effective));
    }

    @Test
    void cannotAddDelmalToUnknownGoal() {
        fixture.givenNoPriorActivity()
                .when(new AddDelmal(TILLGANGLIGHET, new GoalId("KF9"), NAME, null, KS_70, null))
                .expectException(refusedWith("NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void cannotAddAnExistingDelmalAgain() {
        fixture.given(added(NAME))
                .when(add("Något annat", KS_70, null))
                .expectException(refusedWith("ALREADY_EXISTS"))
                .expectNoEvents();
    }

    @Test
    void cannotAddAnExistingDelmalUnderAnotherGoal() {
        fixture.given(added(NAME))
                .when(new AddDelmal(TILLGANGLIGHET, KF3, "Något annat", null, KS_70, null))
                .expectException(refusedWith("ALREADY_EXISTS"))
                .expectNoEvents();
    }

    @Test
    void cannotAddDelmalWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(add(" ", KS_70, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    // --- names unique per goal --------------------------------------------------------------

    @Test
    void cannotAddDelmalWithTheNameOfAnActiveSibling() {
        structure.with(DELMAL, "kf4-tillganglighet-2", "KF4", NAME);
        fixture.givenNoPriorActivity()
                .when(add(NAME, KS_70, null))
                .expectException(refusedWith("DUPLICATE_NAME"))
                .expectNoEvents();
    }

    @Test
    void cannotAddDelmalWhoseNameDiffersFromASiblingsOnlyInCase() {
        structure.with(DELMAL, "kf4-tillganglighet-2", "KF4", "TILLGÄNGLIGHET");
        fixture.givenNoPriorActivity()
                .when(add("tillgänglighet", KS_70, null))
                .expectException(refusedWith("DUPLICATE_NAME"))
                .expectNoEvents();
    }

    @Test
    void cannotAddDelmalWhoseDecomposedNameEqualsASiblingsComposedName() {
        structure.with(DELMAL, "kf4-tillganglighet-2", "KF4", "Tillg\u00e4nglighet");
        fixture.givenNoPriorActivity()
                .when(add("Tillga\u0308nglighet", KS_70, null))
                .expectException(refusedWith("DUPLICATE_NAME"))
                .expectNoEvents();
    }

    @Test
    void theSameDelmalNameUnderAnotherGoalIsFine() {
        structure.with(DELMAL, "kf3-tillganglighet", "KF3", NAME);
        fixture.givenNoPriorActivity()
                .when(add(NAME, KS_70, null))
                .expectEvents(added(NAME));
    }

    @Test
    void aRetiredSiblingsNameMayBeReused() {
        structure.with(DELMAL, "kf4-tillganglighet-gammal", "KF4", NAME)
                .retired(DELMAL, "kf4-tillganglighet-gammal");
        fixture.givenNoPriorActivity()
                .when(add(NAME, KS_70, null))
                .expectEvents(added(NAME));
    }

    // --- renaming ---------------------------------------------------------------------------

    @Test
    void renamesDelmalNamingThePreviousName() {
        fixture.given(tillganglighetAdded())
                .when(new RenameDelmal(TILLGANGLIGHET, "Tillgänglighet och delaktighet", KS_175, null, null))
                .expectEvents(new DelmalRenamed(TILLGANGLIGHET, KF4, NAME, "Tillgänglighet och delaktighet",
                        KS_175_REF, KS_175_DATE))
                .expectResultMessagePayload(new Accepted("kf4-tillganglighet", 1));
    }

    @Test
    void cannotRenameDelmalToTheNameOfAnotherActiveSibling() {
        structure.with(DELMAL, "kf4-trygghet", "KF4", "Trygghet");
        fixture.given(tillganglighetAdded())
                .when(new RenameDelmal(TILLGANGLIGHET, "trygghet", KS_175, null, null))
                .expectException(refusedWith("DUPLICATE_NAME"))
                .expectNoEvents();
    }

    @Test
    void renamingDelmalToTheNameOfARetiredSiblingIsFine() {
        structure.with(DELMAL, "kf4-trygghet", "KF4", "Trygghet").retired(DELMAL, "kf4-trygghet");
        fixture.given(tillganglighetAdded())
                .when(new RenameDelmal(TILLGANGLIGHET, "Trygghet", KS_175, null, null))
                .expectEvents(new DelmalRenamed(TILLGANGLIGHET, KF4, NAME, "Trygghet", KS_175_REF, KS_175_DATE));
    }

    @Test
    void renamingDelmalToItsOwnNameChangesNothing() {
        fixture.given(tillganglighetAdded())
                .when(new RenameDelmal(TILLGANGLIGHET, NAME, KS_175, null, null))
                .expectException(refusedWith("NOTHING_TO_CHANGE"))
                .expectNoEvents();
    }

    @Test
    void renamingDelmalToTheDecomposedFormOfItsOwnNameChangesNothing() {
        fixture.given(tillganglighetAdded())
                .when(new RenameDelmal(TILLGANGLIGHET, "Tillga\u0308nglighet", KS_175, null, null))
                .expectException(refusedWith("NOTHING_TO_CHANGE"))
                .expectNoEvents();
    }

    @Test
    void delmalNameIsRecordedInNfc() {
        fixture.givenNoPriorActivity()
                .when(add("Tillga\u0308nglighet", KS_70, null))
                .expectEvents(added("Tillg\u00e4nglighet"));
    }

    @Test
    void changingOnlyTheCaseOfItsOwnNameIsAllowed() {
        fixture.given(tillganglighetAdded())
                .when(new RenameDelmal(TILLGANGLIGHET, "TILLGÄNGLIGHET", KS_175, null, null))
                .expectEvents(new DelmalRenamed(TILLGANGLIGHET, KF4, NAME, "TILLGÄNGLIGHET", KS_175_REF, KS_175_DATE));
    }

    @Test
    void cannotRenameDelmalOnAKsauDecision() {
        fixture.given(tillganglighetAdded())
                .when(new RenameDelmal(TILLGANGLIGHET, "Ny rubrik", KSAU_38, null, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void cannotRenameDelmalOnAnUnregisteredDecision() {
        fixture.given(tillganglighetAdded())
                .when(new RenameDelmal(TILLGANGLIGHET, "Ny rubrik", UNREGISTERED, null, null))
                .expectException(refusedWith("DECISION_NOT_REGISTERED"))
                .expectNoEvents();
    }

    @Test
    void cannotRenameARetiredDelmal() {
        fixture.given(tillganglighetAdded(), retired())
                .when(new RenameDelmal(TILLGANGLIGHET, "Ny rubrik", KS_175, null, null))
                .expectException(refusedWith("DELMAL_RETIRED"))
                .expectNoEvents();
    }

    // --- retiring ---------------------------------------------------------------------------

    @Test
    void retiresDelmalOnAKsDecision() {
        fixture.given(tillganglighetAdded())
                .when(new RetireDelmal(TILLGANGLIGHET, KS_175, null, null))
                .expectEvents(retired())
                .expectResultMessagePayload(new Accepted("kf4-tillganglighet", 1));
    }

    @Test
    void retiringDelmalKeepsAnExplicitEffectiveFrom() {
        LocalDate effective = LocalDate.of(2023, 1, 1);
        fixture.given(tillganglighetAdded())
                .when(new RetireDelmal(TILLGANGLIGHET, KS_175, effective, null))
                .expectEvents(new DelmalRetired(TILLGANGLIGHET, KF4, KS_175_REF, effective));
    }

    @Test
    void cannotRetireDelmalOnAKsauDecision() {
        fixture.given(tillganglighetAdded())
                .when(new RetireDelmal(TILLGANGLIGHET, KSAU_38, null, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void cannotRetireARetiredDelmal() {
        fixture.given(tillganglighetAdded(), retired())
                .when(new RetireDelmal(TILLGANGLIGHET, KS_175, null, null))
                .expectException(refusedWith("DELMAL_RETIRED"))
                .expectNoEvents();
    }
}
