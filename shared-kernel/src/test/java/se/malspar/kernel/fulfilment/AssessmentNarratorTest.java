package se.malspar.kernel.fulfilment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentNarratorTest {

    @Test
    void the_swedish_and_the_english_bundle_word_the_same_messages() {
        assertThat(AssessmentNarrator.SV.bundle().keySet())
                .containsExactlyInAnyOrderElementsOf(AssessmentNarrator.EN.bundle().keySet());
    }

    @Test
    void an_apostrophe_in_a_message_is_printed_once() {
        assertThat(AssessmentNarrator.EN.get("group", "elever"))
                .isEqualTo("The rules apply to the target group elever; the value is taken as that group's.");
    }
}
