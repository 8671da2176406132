package se.malspar.command.consultation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.malspar.command.decision.InMemoryDecisionLookup;
import se.malspar.command.programme.Accepted;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.consultation.ConsultationId;
import se.malspar.kernel.consultation.ConsultationOpened;
import se.malspar.kernel.consultation.ConsultationOutcome;
import se.malspar.kernel.consultation.ConsultationResponseRecorded;
import se.malspar.kernel.consultation.LinkResponseToChange;
import se.malspar.kernel.consultation.OpenConsultation;
import se.malspar.kernel.consultation.RecordConsultationResponse;
import se.malspar.kernel.consultation.Respondent;
import se.malspar.kernel.consultation.ResponseLinkedToChange;
import se.malspar.kernel.consultation.SubjectKind;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DecisionReference;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsultationTest {

    private static final ConsultationId REMISS = new ConsultationId("remiss-ambitionsniva-2020");
    private static final String TITLE = "Övergripande summering remissvar";
    private static final DecisionId KS_12 = new DecisionId("ks-2021-01-13-p12");
    private static final DecisionReference KS_12_REF = new DecisionReference(KS_12, "KS 2021-01-13 § 12");
    private static final String BOSTADER = "kf1-antal-bostader-och-upplatelseform";

    private final InMemoryDecisionLookup decisions = new InMemoryDecisionLookup().register("KS 2021-01-13 § 12");
    private final InMemoryChanges changes = new InMemoryChanges();
    private FixtureConfiguration<Consultation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Consultation.class);
        fixture.registerInjectableResource(decisions);
        fixture.registerInjectableResource(changes);
    }

    private static ConsultationOpened opened() {
        return new ConsultationOpened(REMISS, TITLE, null, null);
    }

    private static ConsultationResponseRecorded vsboAnswered() {
        return new ConsultationResponseRecorded(REMISS, "vsbo-1", Respondent.VSBO, "KF1", SubjectKind.GOAL,
                "Befolkningstillväxt i samtliga delområden. Påverkar genom hyresrätter",
                "Ett kompletterande mätvärde kan vara antal bostäder och andel upplåtelseform.",
                ConsultationOutcome.JA, "Ja, nytt värde föreslås");
    }

    @Test
    void opensAConsultationWithoutDecisionOrDayWhenThePaperGivesNone() {
        fixture.givenNoPriorActivity()
                .when(new OpenConsultation(REMISS, "  " + TITLE + " ", null, null))
                .expectEvents(opened())
                .expectResultMessagePayload(new Accepted(REMISS.value(), 0));
    }

    @Test
    void aConsultationIsOpenedOnce() {
        fixture.given(opened())
                .when(new OpenConsultation(REMISS, TITLE, null, null))
                .expectException(refusedWith("ALREADY_EXISTS"))
                .expectNoEvents();
    }

    @Test
    void aConsultationSentByAnUnregisteredDecisionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenConsultation(REMISS, TITLE, new DecisionId("ks-2020-09-02-p1"), null))
                .expectException(refusedWith("DECISION_NOT_REGISTERED"))
                .expectNoEvents();
    }

    @Test
    void recordsAnAnswerWithItsSubjectReadAsARegisterEntry() {
        changes.goal("KF1");
        fixture.given(opened())
                .when(new RecordConsultationResponse(REMISS, "vsbo-1", Respondent.VSBO, "KF1",
                        "Befolkningstillväxt i samtliga delområden. Påverkar genom hyresrätter",
                        "Ett kompletterande mätvärde kan vara antal bostäder och andel upplåtelseform.",
                        ConsultationOutcome.JA, "Ja, nytt värde föreslås"))
                .expectEvents(vsboAnswered());
    }

    @Test
    void anAnswerWithoutIdGetsTheNextNumberAndFreeTextStaysText() {
        fixture.given(opened(), vsboAnswered())
                .when(new RecordConsultationResponse(REMISS, null, Respondent.BUN, "Punktform för uppföljning",
                        "Punktform för uppföljning", null, ConsultationOutcome.JA, "Ja"))
                .expectEvents(new ConsultationResponseRecorded(REMISS, "2", Respondent.BUN, "Punktform för uppföljning",
                        SubjectKind.TEXT, "Punktform för uppföljning", null, ConsultationOutcome.JA, "Ja"));
    }

    @Test
    void anAnswerWithoutOutcomeKeepsThePapersWords() {
        fixture.given(opened())
                .when(new RecordConsultationResponse(REMISS, "sn-1", Respondent.SN, null, "Rimlig nivå av ambitionsnivå",
                        null, null, "Inget krav på ändring"))
                .expectEvents(new ConsultationResponseRecorded(REMISS, "sn-1", Respondent.SN, null, SubjectKind.TEXT,
                        "Rimlig nivå av ambitionsnivå", null, null, "Inget krav på ändring"));
    }

    @Test
    void anAnswerNeedsARespondentAndAComment() {
        fixture.given(opened())
                .when(new RecordConsultationResponse(REMISS, "x", null, null, "kommentar", null, null, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
        fixture.given(opened())
                .when(new RecordConsultationResponse(REMISS, "x", Respondent.TN, null, " ", null, null, null))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void anAnswerIdIsUsedOnce() {
        fixture.given(opened(), vsboAnswered())
                .when(new RecordConsultationResponse(REMISS, "vsbo-1", Respondent.VSBO, null, "igen", null, null, null))
                .expectException(refusedWith("ALREADY_EXISTS"))
                .expectNoEvents();
    }

    @Test
    void respondentCodesAreThePapersSpellings() {
        assertThat(Respondent.fromCode("VSBo")).isEqualTo(Respondent.VSBO);
        assertThat(Respondent.fromCode("Miljö-och bygg")).isEqualTo(Respondent.MILJO_OCH_BYGG);
        assertThat(Respondent.fromCode("Räddningstjänst")).isEqualTo(Respondent.RADDNINGSTJANST);
        assertThatThrownBy(() -> Respondent.fromCode("VSBO")).hasMessageContaining("must be one of BUN, SN");
        assertThatThrownBy(() -> Respondent.fromCode("KS")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAnswerIsLinkedToAChangeTheDecisionMade() {
        changes.record(KS_12, BOSTADER);
        fixture.given(opened(), vsboAnswered())
                .when(new LinkResponseToChange(REMISS, "vsbo-1", KS_12, BOSTADER, "l.61-62 names the new indicator"))
                .expectEvents(new ResponseLinkedToChange(REMISS, "vsbo-1", KS_12_REF, BOSTADER,
                        "l.61-62 names the new indicator"));
    }

    @Test
    void aLinkToAChangeTheDecisionDidNotMakeIsRefused() {
        fixture.given(opened(), vsboAnswered())
                .when(new LinkResponseToChange(REMISS, "vsbo-1", KS_12, BOSTADER, "skäl"))
                .expectException(refusedWith("NO_SUCH_CHANGE"))
                .expectNoEvents();
    }

    @Test
    void aLinkNeedsAKnownAnswerAndAReason() {
        changes.record(KS_12, BOSTADER);
        fixture.given(opened())
                .when(new LinkResponseToChange(REMISS, "vsbo-1", KS_12, BOSTADER, "skäl"))
                .expectException(refusedWith("NOT_FOUND"))
                .expectNoEvents();
        fixture.given(opened(), vsboAnswered())
                .when(new LinkResponseToChange(REMISS, "vsbo-1", KS_12, BOSTADER, ""))
                .expectException(refusedWith("VALIDATION_FAILED"))
                .expectNoEvents();
    }

    @Test
    void theSameLinkIsMadeOnce() {
        changes.record(KS_12, BOSTADER);
        fixture.given(opened(), vsboAnswered(), new ResponseLinkedToChange(REMISS, "vsbo-1", KS_12_REF, BOSTADER, "skäl"))
                .when(new LinkResponseToChange(REMISS, "vsbo-1", KS_12, BOSTADER, "ett annat skäl"))
                .expectException(refusedWith("ALREADY_EXISTS"))
                .expectNoEvents();
    }

    private static Matcher<RuleViolationException> refusedWith(String code) {
        return new FeatureMatcher<>(Matchers.equalTo(code), "a rule violation with code", "code") {
            @Override
            protected String featureValueOf(RuleViolationException actual) {
                return actual.violation().code();
            }
        };
    }

    /** What the lookups would hold: goals by id, and the changes decisions made. */
    private static final class InMemoryChanges implements RecordedChanges {
        private final Set<String> goals = new HashSet<>();
        private final Set<String> changes = new HashSet<>();

        void goal(String id) {
            goals.add(id);
        }

        void record(DecisionId decision, String entity) {
            changes.add(decision.value() + "|" + entity);
        }

        @Override
        public SubjectKind kindOf(String subject) {
            return goals.contains(subject) ? SubjectKind.GOAL : SubjectKind.TEXT;
        }

        @Override
        public boolean changed(DecisionId decision, String entityId) {
            return changes.contains(decision.value() + "|" + entityId);
        }
    }
}
