package se.malspar.kernel.programme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a programme: given by the caller or a server-generated slug; never changes. */
public record ProgrammeId(String value) {

    public ProgrammeId {
        value = Ids.require(value, "programme id");
    }

    @JsonCreator
    public static ProgrammeId of(String value) {
        return new ProgrammeId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
