package se.malspar.command.decision;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.AdoptDecision;
import se.malspar.kernel.decision.Citation;
import se.malspar.kernel.decision.CorrectDecision;
import se.malspar.kernel.decision.DecisionAdopted;
import se.malspar.kernel.decision.DecisionCorrected;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.DecisionRegistered;
import se.malspar.kernel.decision.DecisionStatus;
import se.malspar.kernel.decision.MeetingDate;
import se.malspar.kernel.decision.RegisterDecision;

import java.time.LocalDate;
import java.util.List;

class DecisionTest {

    private static final Citation KS_70 = Citation.parse("KS 2022-03-09 § 70");
    private static final DecisionId KS_70_ID = KS_70.decisionId();
    private static final Citation KS_AUGUST = Citation.parse("KS 2022-08");

    private final InMemoryDecisionLookup registered = new InMemoryDecisionLookup();
    private FixtureConfiguration<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Decision.class);
        fixture.registerInjectableResource(registered);
    }

    private static DecisionRegistered ks70Registered() {
        return new DecisionRegistered(KS_70_ID, "KS 2022-03-09 § 70", "KS", MeetingDate.parse("2022-03-09"), 70,
                "KS 2019/191", "Nytt delmål Tillgänglighet", null, LocalDate.of(2022, 3, 9), false);
    }

    @Test
    void registeringADecisionTakesEffectOnItsMeetingDateByDefault() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDecision(KS_70_ID, KS_70, "KS 2019/191", "Nytt delmål Tillgänglighet", null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ks70Registered())
                .expectResultMessagePayload(new DecisionEntry(KS_70_ID, "KS 2022-03-09 § 70", false, LocalDate.of(2022, 3, 9)));
    }

    @Test
    void monthOnlyDecisionIsIncompleteAndItsEffectiveDateStaysUnknown() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDecision(KS_AUGUST.decisionId(), KS_AUGUST, null, "Uppdaterad ambitionsnivå", null, null))
                .expectEvents(new DecisionRegistered(KS_AUGUST.decisionId(), "KS 2022-08", "KS",
                        MeetingDate.parse("2022-08"), null, null, "Uppdaterad ambitionsnivå", null, null, true));
    }

    private static DecisionRegistered augustPlanned() {
        return new DecisionRegistered(KS_AUGUST.decisionId(), "KS 2022-08", "KS", MeetingDate.parse("2022-08"), null,
                null, "Uppdaterad ambitionsnivå", null, null, true, null, DecisionStatus.PLANNED);
    }

    @Test
    void aDecisionThePapersOnlyPlanIsRegisteredAsPlanned() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDecision(KS_AUGUST.decisionId(), KS_AUGUST, null, "Uppdaterad ambitionsnivå", null,
                        null, null, DecisionStatus.PLANNED))
                .expectEvents(augustPlanned())
                .expectResultMessagePayload(new DecisionEntry(KS_AUGUST.decisionId(), "KS 2022-08", true, null,
                        DecisionStatus.PLANNED));
    }

    @Test
    void adoptingAPlannedDecisionIsItsOwnRecordedStepWithItsEvidence() {
        fixture.given(augustPlanned())
                .when(new AdoptDecision(KS_AUGUST.decisionId(), LocalDate.of(2022, 8, 24), "KS 2022-08-24 § 120", " "))
                .expectEvents(new DecisionAdopted(KS_AUGUST.decisionId(), "KS 2022-08", LocalDate.of(2022, 8, 24),
                        "KS 2022-08-24 § 120", null))
                .expectResultMessagePayload(new DecisionEntry(KS_AUGUST.decisionId(), "KS 2022-08", true, null,
                        DecisionStatus.ADOPTED));
    }

    @Test
    void anAdoptedDecisionCannotBeAdoptedAgain() {
        fixture.given(augustPlanned(), new DecisionAdopted(KS_AUGUST.decisionId(), "KS 2022-08",
                        LocalDate.of(2022, 8, 24), "KS 2022-08-24 § 120", null))
                .when(new AdoptDecision(KS_AUGUST.decisionId(), LocalDate.of(2022, 8, 25), "annat protokoll", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("decision ks-2022-08 is already adopted")
                .expectNoEvents();
    }

    @Test
    void aDecisionRegisteredAsAdoptedNeedsNoAdoption() {
        fixture.given(ks70Registered())
                .when(new AdoptDecision(KS_70_ID, LocalDate.of(2022, 3, 9), "KS 2022-03-09 § 70", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("decision ks-2022-03-09-p70 is already adopted")
                .expectNoEvents();
    }

    @Test
    void anAdoptionNeedsItsDay() {
        fixture.given(augustPlanned())
                .when(new AdoptDecision(KS_AUGUST.decisionId(), null, "KS 2022-08-24 § 120", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("adoptedOn is required")
                .expectNoEvents();
    }

    @Test
    void anAdoptionNeedsWhatShowsIt() {
        fixture.given(augustPlanned())
                .when(new AdoptDecision(KS_AUGUST.decisionId(), LocalDate.of(2022, 8, 24), " ", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("adoptedBy is required")
                .expectNoEvents();
    }

    @Test
    void explicitEffectiveDateIsKept() {
        LocalDate effective = LocalDate.of(2022, 4, 1);
        fixture.givenNoPriorActivity()
                .when(new RegisterDecision(KS_70_ID, KS_70, null, "t", null, effective))
                .expectEvents(new DecisionRegistered(KS_70_ID, "KS 2022-03-09 § 70", "KS", MeetingDate.parse("2022-03-09"),
                        70, null, "t", null, effective, false));
    }

    @Test
    void cannotRegisterTheSameDecisionTwice() {
        fixture.given(ks70Registered())
                .when(new RegisterDecision(KS_70_ID, KS_70, null, "again", null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("decision KS 2022-03-09 § 70 is already registered (as ks-2022-03-09-p70)")
                .expectNoEvents();
    }

    @Test
    void cannotRegisterACitationAnotherEntryAlreadyCarries() {
        // ks-2022-08 was later completed to this very citation.
        registered.carries("KS 2022-03-09 § 70", new DecisionId("ks-2022-08"));
        fixture.givenNoPriorActivity()
                .when(new RegisterDecision(KS_70_ID, KS_70, null, "t", null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("decision KS 2022-03-09 § 70 is already registered (as ks-2022-08)");
    }

    @Test
    void cannotRegisterWithoutATitle() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDecision(KS_70_ID, KS_70, null, " ", null, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void cannotRegisterUnderAnIdThatIsNotTheCitations() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDecision(new DecisionId("ks-2022-03-09-p71"), KS_70, null, "t", null, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void correctionKeepsItsReasonAndNamesTheFieldsItChanged() {
        fixture.given(ks70Registered())
                .when(new CorrectDecision(KS_70_ID, null, null, null, "Nytt delmål Tillgänglighet under mål 4", null, null,
                        "titel enligt protokollet"))
                .expectEvents(new DecisionCorrected(KS_70_ID, "KS 2022-03-09 § 70", MeetingDate.parse("2022-03-09"), 70,
                        "KS 2019/191", "Nytt delmål Tillgänglighet under mål 4", null, LocalDate.of(2022, 3, 9), false,
                        List.of("title"), "titel enligt protokollet"));
    }

    @Test
    void completingAnIncompleteDecisionGivesItsCitationAndEffectiveDate() {
        fixture.given(new DecisionRegistered(KS_AUGUST.decisionId(), "KS 2022-08", "KS", MeetingDate.parse("2022-08"),
                        null, null, "Uppdaterad ambitionsnivå", null, null, true))
                .when(new CorrectDecision(KS_AUGUST.decisionId(), MeetingDate.parse("2022-08-24"), 120, null, null, null, null,
                        "paragraf enligt justerat protokoll"))
                .expectEvents(new DecisionCorrected(KS_AUGUST.decisionId(), "KS 2022-08-24 § 120",
                        MeetingDate.parse("2022-08-24"), 120, null, "Uppdaterad ambitionsnivå", null,
                        LocalDate.of(2022, 8, 24), false, List.of("meetingDate", "paragraph", "effectiveFrom"),
                        "paragraf enligt justerat protokoll"));
    }

    @Test
    void cannotCorrectWithoutAReason() {
        fixture.given(ks70Registered())
                .when(new CorrectDecision(KS_70_ID, null, null, null, "ny titel", null, null, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void correctionThatChangesNothingIsRefused() {
        fixture.given(ks70Registered())
                .when(new CorrectDecision(KS_70_ID, null, 70, null, "Nytt delmål Tillgänglighet", null, null, "samma"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the correction changes nothing in the entry for ks-2022-03-09-p70")
                .expectNoEvents();
    }

    @Test
    void correctionCannotTakeACitationAnotherDecisionHas() {
        registered.carries("KS 2022-03-09 § 71", new DecisionId("ks-2022-03-09-p71"));
        fixture.given(ks70Registered())
                .when(new CorrectDecision(KS_70_ID, null, 71, null, null, null, null, "fel paragraf"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}
