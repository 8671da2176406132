package se.malspar.query.revision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.ambition.AmbitionReviewClosed;
import se.malspar.kernel.programme.ambition.AmbitionReviewOpened;
import se.malspar.kernel.programme.ambition.TargetValueSet;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorRetired;
import se.malspar.kernel.programme.measurement.PeriodClosed;
import se.malspar.kernel.programme.measurement.PeriodReopened;
import se.malspar.kernel.programme.structure.ChildRightsLinked;
import se.malspar.kernel.programme.structure.DelmalAdded;
import se.malspar.kernel.programme.structure.DelmalCountStated;
import se.malspar.kernel.programme.structure.DelmalRenamed;
import se.malspar.kernel.programme.structure.DelmalRetired;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.kernel.programme.structure.ProgrammeCreated;
import se.malspar.kernel.revision.FindDecisionRevision;
import se.malspar.kernel.revision.FindRevisionStatuses;
import se.malspar.kernel.revision.VerificationRecorded;
import se.malspar.query.etag.ReadModelPositions;

import java.time.Instant;
import java.util.List;

/**
 * The revision read model: each decision's changes (their sequence numbers) and the revisors'
 * verifications with what they cover; the status follows from both ({@code RevisionStatus}).
 */
@Component
@ProcessingGroup(RevisionProjection.GROUP)
class RevisionProjection {

    static final String GROUP = "revision";

    private final RevisionRepository repository;
    private final ReadModelPositions positions;

    RevisionProjection(RevisionRepository repository, ReadModelPositions positions) {
        this.repository = repository;
        this.positions = positions;
    }

    @EventHandler
    void on(VerificationRecorded e, TrackingToken token, @Timestamp Instant recordedAt, @MetaDataValue("userId") String user) {
        repository.verification(e.verificationId(), e.decisionId().value(), position(token), e.outcome().name(),
                e.protocolReference(), e.note(), e.treeSize(), e.covers(), recordedAt, user);
        positions.advance(GROUP, position(token));
    }

    @EventHandler
    void on(ProgrammeCreated e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(GoalAdded e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(DelmalAdded e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(DelmalRenamed e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(DelmalRetired e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(IndicatorDefined e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(IndicatorRetired e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(AmbitionLevelSet e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(TargetValueSet e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(DelmalCountStated e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(AmbitionReviewOpened e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(AmbitionReviewClosed e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(ChildRightsLinked e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(PeriodClosed e, TrackingToken token) {
        change(token, e.decision());
    }

    @EventHandler
    void on(PeriodReopened e, TrackingToken token) {
        change(token, e.decision());
    }

    private void change(TrackingToken token, DecisionReference decision) {
        repository.change(position(token), decision.decisionId().value());
        positions.advance(GROUP, position(token));
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
        positions.reset(GROUP);
    }

    @QueryHandler
    DecisionRevision handle(FindDecisionRevision query) {
        return repository.of(query.decisionId().value());
    }

    @QueryHandler
    List<DecisionRevision> handle(FindRevisionStatuses query) {
        return repository.all();
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a global position"));
    }
}
