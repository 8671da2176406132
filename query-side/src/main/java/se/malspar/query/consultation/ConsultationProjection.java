package se.malspar.query.consultation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import se.malspar.kernel.consultation.ConsultationOpened;
import se.malspar.kernel.consultation.ConsultationResponseRecorded;
import se.malspar.kernel.consultation.ResponseLinkedToChange;

import java.time.Instant;

/** The consultation read model: rounds, answers, and the changes answers led to. Idempotent and replayable. */
@Component
@ProcessingGroup(ConsultationProjection.GROUP)
class ConsultationProjection {

    static final String GROUP = "consultations";

    private final ConsultationRepository repository;

    ConsultationProjection(ConsultationRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ConsultationOpened e, MetaData metaData, @Timestamp Instant recordedAt) {
        repository.opened(e, repository.source(metaData), recordedAt, (String) metaData.get("userId"));
    }

    @EventHandler
    void on(ConsultationResponseRecorded e, MetaData metaData, TrackingToken token, @Timestamp Instant recordedAt) {
        repository.response(e, position(token), repository.source(metaData), recordedAt,
                (String) metaData.get("userId"));
    }

    @EventHandler
    void on(ResponseLinkedToChange e, MetaData metaData, TrackingToken token, @Timestamp Instant recordedAt) {
        repository.linked(e, position(token), recordedAt, (String) metaData.get("userId"));
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a global position"));
    }
}
