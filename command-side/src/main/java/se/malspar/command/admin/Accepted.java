package se.malspar.command.admin;

import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * What a change command answers: the entity it changed and that entity's version after the
 * change (the admin API's ETag; send it back as If-Match to change it again).
 */
public record Accepted(String id, long version) {

    /** Call in a command handler after {@code apply}: reads the version of the aggregate at hand. */
    public static Accepted now(Object id) {
        return new Accepted(id.toString(), AggregateLifecycle.getVersion());
    }
}
