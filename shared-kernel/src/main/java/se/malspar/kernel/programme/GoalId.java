package se.malspar.kernel.programme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a goal: given by the caller or a server-generated slug; never changes. */
public record GoalId(String value) {

    public GoalId {
        value = Ids.require(value, "goal id");
    }

    @JsonCreator
    public static GoalId of(String value) {
        return new GoalId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
