package se.malspar.platform.axon;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredTypeNamesTest {

    private final Serializer serializer = new AxonPlatformConfiguration().serializer(new AnnotationRevisionResolver());

    @Test
    void aMovedClassIsWrittenUnderTheNameItWasFirstRecordedUnder() {
        SerializedObject<byte[]> written = serializer.serialize(new IndicatorSource(SourceKind.KOLADA, "N15428"), byte[].class);

        assertThat(written.getType().getName()).isEqualTo("se.malspar.kernel.programme.IndicatorSource");
    }

    @Test
    void anOldNameIsReadBackAsTheMovedClass() {
        byte[] json = "{\"kind\":\"KOLADA\",\"kpi\":\"N05401\"}".getBytes(StandardCharsets.UTF_8);
        Object read = serializer.deserialize(new SimpleSerializedObject<>(json, byte[].class,
                new SimpleSerializedType("se.malspar.kernel.programme.IndicatorSource", null)));

        assertThat(read).isEqualTo(new IndicatorSource(SourceKind.KOLADA, "N05401"));
    }

    @Test
    void aClassThatNeverMovedKeepsItsOwnName() {
        assertThat(serializer.serialize(new DecisionId("ks-2022-03-09-p70"), byte[].class).getType().getName())
                .isEqualTo(DecisionId.class.getName());
    }

    @Test
    void everyMoveNamesAClassThatExistsAndAnOldNameThatNoLongerDoes() {
        StoredTypeNames.MOVED.forEach((recordedAs, current) -> {
            assertThat(current).as("moved class").satisfies(name -> Class.forName(name));
            assertThatThrownBy(() -> Class.forName(recordedAs)).as(recordedAs + " is still a class")
                    .isInstanceOf(ClassNotFoundException.class);
        });
    }
}
