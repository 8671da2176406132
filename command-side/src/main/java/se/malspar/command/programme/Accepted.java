package se.malspar.command.programme;

import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * What a change command answers: the entity it changed and that entity's version after the
 * change. The admin API sends the version as ETag (send it back as If-Match to change it again);
 * it lives beside the aggregates, which answer with it, so that they do not depend on the web layer.
 */
public record Accepted(String id, long version) {

    /** Call in a command handler after {@code apply}: reads the version of the aggregate at hand. */
    public static Accepted now(Object id) {
        return new Accepted(id.toString(), AggregateLifecycle.getVersion());
    }
}
