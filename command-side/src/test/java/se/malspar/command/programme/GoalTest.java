package se.malspar.command.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.malspar.command.decision.InMemoryDecisionLookup;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.structure.AddGoal;
import se.malspar.kernel.programme.structure.ChildRightsLinked;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.kernel.programme.structure.LinkChildRights;

import java.time.LocalDate;
import java.util.List;

import static se.malspar.command.programme.Refusals.refusedWith;
import static se.malspar.command.programme.StructureLookup.Kind.GOAL;
import static se.malspar.command.programme.StructureLookup.Kind.PROGRAMME;

class GoalTest {

    private static final ProgrammeId VAGGERYD = new ProgrammeId("vaggeryd-2020");
    private static final ProgrammeId OTHER_PROGRAMME = new ProgrammeId("ks-egna-mal");
    private static final GoalId KF4 = new GoalId("KF4");
    private static final String NAME = "Alla invånare är en resurs";
    private static final String AREA = "Delaktighet, tillgänglighet och trygghet";

    private static final DecisionId KF_2019 = new DecisionId("kf-2019-05-27-p50");
    private static final DecisionReference KF_2019_REF = new DecisionReference(KF_2019, "KF 2019-05-27 § 50");
    private static final LocalDate KF_2019_DATE = LocalDate.of(2019, 5, 27);
    private static final DecisionId KF_OCTOBER = new DecisionId("kf-2020-10");
    private static final DecisionId KS_70 = new DecisionId("ks-2022-03-09-p70");
    private static final DecisionId KSAU_38 = new DecisionId("ksau-2022-02-23-p38");
    private static final DecisionId UNREGISTERED = new DecisionId("kf-2019-05-27-p51");

    private final InMemoryDecisionLookup decisions = new InMemoryDecisionLookup()
            .register("KF 2019-05-27 § 50")
            .register("KF 2020-10")
            .register("KS 2022-03-09 § 70")
            .register("KSAU 2022-02-23 § 38")
            .register("KS 2021-01-13 § 10")
            .plan("KS 2022-08");
    private final InMemoryStructure structure = new InMemoryStructure()
            .with(PROGRAMME, "vaggeryd-2020", "", "Strategiskt hållbarhets- och utvecklingsprogram")
            .with(PROGRAMME, "ks-egna-mal", "", "Kommunstyrelsens egna mål")
            .ownedBy("ks-egna-mal", "KS")
            .with(GOAL, "KF1", "vaggeryd-2020", "Hållbar tillväxt och samhällsplanering")
            .with(GOAL, "KF2", "vaggeryd-2020", "Utbildning, arbete och näringsliv");
    private static final GoalId KS1 = new GoalId("KS1");
    private static final DecisionId KS_10 = new DecisionId("ks-2021-01-13-p10");
    private static final DecisionReference KS_10_REF = new DecisionReference(KS_10, "KS 2021-01-13 § 10");
    private static final LocalDate KS_10_DATE = LocalDate.of(2021, 1, 13);

    private static AddGoal addKs1(DecisionId decision, List<GoalId> contributesTo) {
        return new AddGoal(KS1, OTHER_PROGRAMME, "Kommunstyrelsens mål 1", null, decision, null, null, contributesTo);
    }

    private static GoalAdded ks1Added(List<GoalId> contributesTo) {
        return new GoalAdded(KS1, OTHER_PROGRAMME, "Kommunstyrelsens mål 1", null, KS_10_REF, KS_10_DATE,
                DatePrecision.DAY, contributesTo);
    }
    private FixtureConfiguration<Goal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Goal.class);
        fixture.registerInjectableResource(decisions.authority());
        fixture.registerInjectableResource(structure);
    }


    private static AddGoal addKf4(ProgrammeId programme, DecisionId decision, LocalDate effectiveFrom) {
        return new AddGoal(KF4, programme, NAME, AREA, decision, effectiveFrom);
    }

    private static GoalAdded kf4Added() {
        return new GoalAdded(KF4, VAGGERYD, NAME, AREA, KF_2019_REF, KF_2019_DATE);
    }

    @Test
    void addsGoalToProgrammeOnAKfDecisionEffectiveFromItsMeetingDate() {
        fixture.givenNoPriorActivity()
                .when(addKf4(VAGGERYD, KF_2019, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(kf4Added())
                .expectResultMessagePayload(new Accepted("KF4", 0));
    }

    @Test
    void explicitEffectiveFromIsKept() {
        LocalDate effective = LocalDate.of(2019, 7, 1);
        fixture.givenNoPriorActivity()
                .when(addKf4(VAGGERYD, KF_2019, effective))
                .expectEvents(new GoalAdded(KF4, VAGGERYD, NAME, AREA, KF_2019_REF, effective));
    }

    @Test
    void cannotAddGoalOnAnUnregisteredDecision() {
        fixture.givenNoPriorActivity()
                .when(addKf4(VAGGERYD, UNREGISTERED, null))
                .expectException(refusedWith("DECISION_NOT_REGISTERED"))
                .expectNoEvents();
    }

    @Test
    void cannotAddGoalOnAKsDecision() {
        fixture.givenNoPriorActivity()
                .when(addKf4(VAGGERYD, KS_70, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void cannotAddGoalOnAKsauDecision() {
        fixture.givenNoPriorActivity()
                .when(addKf4(VAGGERYD, KSAU_38, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void monthOnlyDecisionWithoutEffectiveFromLeavesTheEffectiveDateUnknown() {
        fixture.givenNoPriorActivity()
                .when(addKf4(VAGGERYD, KF_OCTOBER, null))
                .expectException(refusedWith("EFFECTIVE_DATE_UNKNOWN"))
                .expectNoEvents();
    }

    @Test
    void monthOnlyDecisionWithExplicitEffectiveFromIsAccepted() {
        LocalDate effective = LocalDate.of(2020, 11, 1);
        fixture.givenNoPriorActivity()
                .when(addKf4(VAGGERYD, KF_OCTOBER, effective))
                .expectEvents(new GoalAdded(KF4, VAGGERYD, NAME, AREA,
                        new DecisionReference(KF_OCTOBER, "KF 2020-10"), effective));
    }

    @Test
    void cannotAddGoalToAnUnknownProgramme() {
        fixture.givenNoPriorActivity()
                .when(addKf4(new ProgrammeId("okant-program"), KF_2019, null))
                .expectException(refusedWith("NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void cannotAddAnExistingGoalAgain() {
        fixture.given(kf4Added())
                .when(addKf4(VAGGERYD, KF_2019, null))
                .expectException(refusedWith("ALREADY_EXISTS"))
                .expectNoEvents();
    }

    @Test
    void cannotAddAnExistingGoalToAnotherProgramme() {
        fixture.given(kf4Added())
                .when(addKf4(OTHER_PROGRAMME, KF_2019, null))
                .expectException(refusedWith("ALREADY_EXISTS"))
                .expectNoEvents();
    }

    @Test
    void cannotAddGoalWithTheNameOfAnotherGoalInTheProgramme() {
        structure.with(GOAL, "KF3", "vaggeryd-2020", "alla invånare är en resurs");
        fixture.givenNoPriorActivity()
                .when(addKf4(VAGGERYD, KF_2019, null))
                .expectException(refusedWith("DUPLICATE_NAME"))
                .expectNoEvents();
    }

    @Test
    void theSameGoalNameInAnotherProgrammeIsFine() {
        structure.with(GOAL, "KS4", "ks-egna-mal", NAME);
        fixture.givenNoPriorActivity()
                .when(addKf4(VAGGERYD, KF_2019, null))
                .expectEvents(kf4Added());
    }

    @Test
    void goalAreaIsOptional() {
        fixture.givenNoPriorActivity()
                .when(new AddGoal(KF4, VAGGERYD, NAME, " ", KF_2019, null))
                .expectEvents(new GoalAdded(KF4, VAGGERYD, NAME, null, KF_2019_REF, KF_2019_DATE));
    }

    @Test
    void aKsGoalNamesTheCouncilGoalsItContributesToOnceEach() {
        fixture.givenNoPriorActivity()
                .when(addKs1(KS_10, List.of(new GoalId("KF2"), new GoalId("KF1"), new GoalId("KF2"))))
                .expectEvents(ks1Added(List.of(new GoalId("KF2"), new GoalId("KF1"))));
    }

    @Test
    void aGoalCannotContributeToAGoalThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(addKs1(KS_10, List.of(new GoalId("KF1"), new GoalId("KF9"))))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectExceptionMessage(Matchers.containsString("contributesTo must name existing goals; there is no goal KF9"))
                .expectNoEvents();
    }

    @Test
    void aGoalCannotContributeToAGoalOfItsOwnProgramme() {
        structure.with(GOAL, "KS2", "ks-egna-mal", "Kommunstyrelsens mål 2");
        fixture.givenNoPriorActivity()
                .when(addKs1(KS_10, List.of(new GoalId("KS2"))))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void kfCannotAddAGoalToTheProgrammeKsOwns() {
        fixture.givenNoPriorActivity()
                .when(addKs1(KF_2019, List.of()))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void aGoalIsLinkedToArticlesOfTheConventionAscendingAndOnce() {
        fixture.given(kf4Added())
                .when(new LinkChildRights(KF4, List.of(12, 3, 2, 3), KS_10, null))
                .expectEvents(new ChildRightsLinked(KF4, List.of(2, 3, 12), KS_10_REF, KS_10_DATE));
    }

    @Test
    void anArticleOutsideTheConventionIsRefusedNamingIt() {
        fixture.given(kf4Added())
                .when(new LinkChildRights(KF4, List.of(2, 55), KS_10, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectExceptionMessage(Matchers.containsString("articles[1] is 55"))
                .expectNoEvents();
    }

    @Test
    void articleZeroIsNotAnArticle() {
        fixture.given(kf4Added())
                .when(new LinkChildRights(KF4, List.of(0), KS_10, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void childRightsNeedAnAdoptedDecision() {
        fixture.given(kf4Added())
                .when(new LinkChildRights(KF4, List.of(2), new DecisionId("ks-2022-08"), null))
                .expectException(refusedWith("DECISION_NOT_ADOPTED"))
                .expectNoEvents();
    }

    @Test
    void ksauCannotLinkChildRights() {
        fixture.given(kf4Added())
                .when(new LinkChildRights(KF4, List.of(2), KSAU_38, null))
                .expectException(refusedWith("DECISION_LACKS_COMPETENCE"))
                .expectNoEvents();
    }

    @Test
    void theSameArticlesByTheSameDecisionAreAlreadyRecorded() {
        fixture.given(kf4Added(), new ChildRightsLinked(KF4, List.of(2, 3), KS_10_REF, KS_10_DATE))
                .when(new LinkChildRights(KF4, List.of(3, 2), KS_10, null))
                .expectException(refusedWith("DUPLICATE_CHANGE"))
                .expectNoEvents();
    }

    @Test
    void aLaterDecisionMayChangeTheArticles() {
        fixture.given(kf4Added(), new ChildRightsLinked(KF4, List.of(2, 3), KF_2019_REF, KF_2019_DATE))
                .when(new LinkChildRights(KF4, List.of(2, 3, 6), KS_10, null))
                .expectEvents(new ChildRightsLinked(KF4, List.of(2, 3, 6), KS_10_REF, KS_10_DATE));
    }
}
