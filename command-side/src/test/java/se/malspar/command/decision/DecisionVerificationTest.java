package se.malspar.command.decision;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.DecisionRegistered;
import se.malspar.kernel.decision.MeetingDate;
import se.malspar.kernel.revision.RecordVerification;
import se.malspar.kernel.revision.VerificationOutcome;
import se.malspar.kernel.revision.VerificationRecorded;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** A revisor's verification covers exactly the decision's changes within the signed checkpoint it names. */
class DecisionVerificationTest {

    private static final DecisionId KS_70 = new DecisionId("ks-2022-03-09-p70");
    private static final UUID ID = UUID.fromString("7b0d2c1e-0000-4000-8000-000000000070");

    private final Scope scope = new Scope();
    private FixtureConfiguration<Decision> fixture;

    /** The signed tree and the decision's changes, as the command side's lookup would give them. */
    static final class Scope implements RevisionScope {
        Long checkpoint;
        final List<Long> changes = new ArrayList<>();

        @Override
        public OptionalLong latestCheckpointTreeSize() {
            return checkpoint == null ? OptionalLong.empty() : OptionalLong.of(checkpoint);
        }

        @Override
        public List<Long> changeSequences(DecisionId decisionId) {
            return changes;
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Decision.class);
        fixture.registerInjectableResource(new InMemoryDecisionLookup());
        fixture.registerInjectableResource(scope);
    }

    private static DecisionRegistered registered() {
        return new DecisionRegistered(KS_70, "KS 2022-03-09 § 70", "KS", MeetingDate.parse("2022-03-09"), 70,
                null, "Nytt delmål Tillgänglighet", null, LocalDate.of(2022, 3, 9), false);
    }

    @Test
    void aVerificationCoversTheChangesRecordedWithinItsCheckpointOnly() {
        scope.checkpoint = 120L;
        scope.changes.addAll(List.of(40L, 90L, 130L));
        fixture.given(registered())
                .when(new RecordVerification(KS_70, ID, VerificationOutcome.VERIFIED, " KS protokoll § 70 ", " ", 100))
                .expectEvents(new VerificationRecorded(KS_70, ID, VerificationOutcome.VERIFIED, "KS protokoll § 70", null,
                        100, List.of(40L, 90L)))
                .expectResultMessagePayload(new VerificationReceipt(ID, List.of(40L, 90L)));
    }

    @Test
    void aTreeSizeBeyondTheLatestCheckpointIsRefused() {
        scope.checkpoint = 120L;
        scope.changes.add(40L);
        fixture.given(registered())
                .when(new RecordVerification(KS_70, ID, VerificationOutcome.VERIFIED, "s. 1", null, 121))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("treeSize 121 is beyond the latest signed checkpoint (120)")
                .expectNoEvents();
    }

    @Test
    void aTreeSizeBelowTheDecisionsFirstChangeIsRefused() {
        scope.checkpoint = 120L;
        scope.changes.add(40L);
        fixture.given(registered())
                .when(new RecordVerification(KS_70, ID, VerificationOutcome.DISCREPANCY, "s. 1", "fel", 39))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("treeSize 39 is below the decision's first change (sequence 40)")
                .expectNoEvents();
    }

    @Test
    void noVerificationBeforeTheFirstCheckpoint() {
        fixture.given(registered())
                .when(new RecordVerification(KS_70, ID, VerificationOutcome.CANNOT_VERIFY, "s. 1", null, 1))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}
