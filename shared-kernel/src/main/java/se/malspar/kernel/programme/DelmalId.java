package se.malspar.kernel.programme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a delmål: given by the caller or a server-generated slug; never changes. */
public record DelmalId(String value) {

    public DelmalId {
        value = Ids.require(value, "delmål id");
    }

    @JsonCreator
    public static DelmalId of(String value) {
        return new DelmalId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
