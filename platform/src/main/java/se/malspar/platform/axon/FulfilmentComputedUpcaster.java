package se.malspar.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import se.malspar.kernel.fulfilment.AssessmentInput;
import se.malspar.kernel.fulfilment.AssessmentPrinciple;
import se.malspar.kernel.fulfilment.VerdictInputs;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a revision-1 {@code FulfilmentComputed}, which copied every observation up to its period into
 * {@code inputs.history}, as revision 2: {@code inputs} becomes the {@link VerdictInputs} the verdict used (the
 * principle's own choice of the observation and the earlier one it compared with, so the recorded verdict is
 * recomputed from them alone), their source events unknown, and {@code trigger} null. The stored event is never
 * changed. Axon registers every {@code EventUpcaster} bean in the event store's upcaster chain.
 */
@Component
class FulfilmentComputedUpcaster extends SingleEventUpcaster {

    /** The stored type name, not the class's: the class may move, the stored name stays. */
    static final String TYPE = "se.malspar.kernel.fulfilment.FulfilmentComputed";
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    /** The event mapper, reading every number exactly as written (a double would round a decimal). */
    private static final ObjectMapper JSON = AxonPlatformConfiguration.eventObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, byte[].class, FulfilmentComputedUpcaster::upcast);
    }

    static byte[] upcast(byte[] revision1) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(revision1);
            AssessmentInput input = JSON.treeToValue(event.get("inputs"), AssessmentInput.class);
            VerdictInputs used = VerdictInputs.of(AssessmentPrinciple.decide(input), VerdictInputs.Sources.UNKNOWN);
            event.set("inputs", JSON.valueToTree(used));
            event.putNull("trigger");
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("a revision-1 FulfilmentComputed could not be read", e);
        }
    }
}
