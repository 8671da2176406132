package se.malspar.platform.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorFailuresTest {

    @Test
    void anOperatorSeesTheMessageWithoutClassNames() {
        assertThat(ProcessorFailures.describe(new IllegalStateException("the probe refuses ks-2022-03-09-p70")))
                .isEqualTo("the probe refuses ks-2022-03-09-p70");
        assertThat(ProcessorFailures.describe(new RuntimeException(
                "java.lang.IllegalStateException: cannot handle se.malspar.kernel.decision.DecisionRegistered\n\tat x.y.Z")))
                .isEqualTo("cannot handle DecisionRegistered");
        assertThat(ProcessorFailures.describe(new RuntimeException(null, new IllegalArgumentException("deeper"))))
                .isEqualTo("deeper");
        assertThat(ProcessorFailures.describe(new NullPointerException())).isEqualTo("the event handler failed without a message");
        assertThat(ProcessorFailures.describe(new RuntimeException("x".repeat(1000)))).hasSize(301);
    }
}
