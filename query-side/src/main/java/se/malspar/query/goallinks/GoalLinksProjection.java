package se.malspar.query.goallinks;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import se.malspar.kernel.programme.GoalAdded;
import se.malspar.kernel.programme.structure.ChildRightsLinked;

import java.time.Instant;

/** Keeps {@link GoalLinks}: Barnkonventionen articles and contributions of goals. Idempotent and replayable. */
@Component
@ProcessingGroup(GoalLinksProjection.GROUP)
class GoalLinksProjection {

    static final String GROUP = "goal-links";

    private final GoalLinks links;

    GoalLinksProjection(GoalLinks links) {
        this.links = links;
    }

    @EventHandler
    void on(ChildRightsLinked e, TrackingToken token, @Timestamp Instant recordedAt, @MetaDataValue("userId") String user) {
        links.childRights(e, token.position().orElseThrow(() -> new IllegalStateException("event without a global position")),
                recordedAt, user);
    }

    @EventHandler
    void on(GoalAdded e) {
        links.contributions(e);
    }

    @ResetHandler
    void reset() {
        links.deleteAll();
    }
}
