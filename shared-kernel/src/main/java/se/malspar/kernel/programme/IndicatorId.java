package se.malspar.kernel.programme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a indicator: given by the caller or a server-generated slug; never changes. */
public record IndicatorId(String value) {

    public IndicatorId {
        value = Ids.require(value, "indicator id");
    }

    @JsonCreator
    public static IndicatorId of(String value) {
        return new IndicatorId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
