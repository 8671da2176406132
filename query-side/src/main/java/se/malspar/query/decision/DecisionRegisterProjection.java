package se.malspar.query.decision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import se.malspar.kernel.decision.DecisionAdopted;
import se.malspar.kernel.decision.DecisionCorrected;
import se.malspar.kernel.decision.DecisionRegistered;
import se.malspar.kernel.decision.FindDecision;
import se.malspar.kernel.decision.FindDecisions;
import se.malspar.query.etag.ReadModelPositions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The decision register read model. Idempotent: replaying an event leaves the rows as they are
 * (registrations insert once, corrections are keyed by event id and applied only in order).
 */
@Component
@ProcessingGroup(DecisionRegisterProjection.GROUP)
class DecisionRegisterProjection {

    static final String GROUP = "decision-register";

    private final DecisionRegisterRepository repository;
    private final ReadModelPositions positions;

    DecisionRegisterProjection(DecisionRegisterRepository repository, ReadModelPositions positions) {
        this.repository = repository;
        this.positions = positions;
    }

    @EventHandler
    void on(DecisionRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String userId, TrackingToken token) {
        repository.insert(event, sequence, recordedAt, userId);
        advance(token);
    }

    @EventHandler
    void on(DecisionCorrected event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue("userId") String userId, @MessageIdentifier String eventId, TrackingToken token) {
        repository.correct(event, sequence, recordedAt, userId, eventId);
        advance(token);
    }

    @EventHandler
    void on(DecisionAdopted event, @SequenceNumber long sequence, TrackingToken token) {
        repository.adopt(event, sequence);
        advance(token);
    }

    /** The register's position moves with each batch (the ETags of its answers). */
    private void advance(TrackingToken token) {
        positions.advance(GROUP, token.position()
                .orElseThrow(() -> new IllegalStateException("event without a global position")));
    }

    /**
     * Before a replay (POST /api/admin/projections/decision-register/replay) the register is
     * emptied, in the same transaction as the token reset, and rebuilt from the first event.
     */
    @ResetHandler
    void reset() {
        repository.deleteAll();
        positions.reset(GROUP);
    }

    @QueryHandler
    List<DecisionView> handle(FindDecisions query) {
        return repository.findPage(query.incompleteOnly() ? Boolean.TRUE : query.completeOnly() ? Boolean.FALSE : null, query.after() == null ? null : query.after().value(),
                query.limit());
    }

    @QueryHandler
    Optional<DecisionView> handle(FindDecision query) {
        return repository.find(query.decisionId().value());
    }
}
