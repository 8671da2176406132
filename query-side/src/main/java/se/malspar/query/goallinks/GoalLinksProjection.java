package se.malspar.query.goallinks;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import se.malspar.kernel.programme.structure.ChildRightsLinked;
import se.malspar.kernel.programme.structure.FindChildRightsChanges;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.query.etag.ReadModelPositions;
import se.malspar.query.programme.DecisionChange;

import java.time.Instant;
import java.util.List;

/** Keeps {@link GoalLinks}: Barnkonventionen articles and contributions of goals. Idempotent and replayable. */
@Component
@ProcessingGroup(GoalLinksProjection.GROUP)
class GoalLinksProjection {

    static final String GROUP = GoalLinks.READ_MODEL;

    private final GoalLinks links;
    private final ReadModelPositions positions;

    GoalLinksProjection(GoalLinks links, ReadModelPositions positions) {
        this.links = links;
        this.positions = positions;
    }

    @EventHandler
    void on(ChildRightsLinked e, TrackingToken token, @Timestamp Instant recordedAt, @MetaDataValue("userId") String user) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("event without a global position"));
        links.childRights(e, position, recordedAt, user);
        positions.advance(GROUP, position);
    }

    @EventHandler
    void on(GoalAdded e, TrackingToken token) {
        links.contributions(e);
        token.position().ifPresent(position -> positions.advance(GROUP, position));
    }

    @QueryHandler
    List<DecisionChange> handle(FindChildRightsChanges query) {
        return links.changesBy(query.decisionId().value());
    }

    @ResetHandler
    void reset() {
        links.deleteAll();
        positions.reset(GROUP);
    }
}
