package se.malspar.platform.web;

import org.junit.jupiter.api.Test;
import se.malspar.kernel.common.Refusal;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every code Målspår can answer with has a page behind its {@code type}, in Swedish and English. */
class ProblemTypeCatalogueTest {

    @Test
    void everyRefusalHasAPageAndEveryPageARefusal() {
        Set<String> codes = new TreeSet<>();
        Arrays.stream(Refusal.values()).map(Refusal::name).forEach(codes::add);
        codes.add(ProblemTypePages.REFUSED);
        assertThat(ProblemTypePages.entries().keySet()).containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void everyRefusalHasAStatusThatMatchesItsKind() {
        for (Refusal refusal : Refusal.values()) {
            assertThat(Problems.statusOf(refusal).is4xxClientError() || Problems.statusOf(refusal).is5xxServerError())
                    .as(refusal.name()).isTrue();
        }
        assertThat(Problems.statusOf(Refusal.VALIDATION_FAILED).value()).isEqualTo(400);
        assertThat(Problems.statusOf(Refusal.DECISION_NOT_ADOPTED).value()).isEqualTo(422);
        assertThat(Problems.statusOf(Refusal.KOLADA_UNAVAILABLE).value()).isEqualTo(502);
    }

    @Test
    void typeIsTheCodesPageOnTheAnsweringHost() {
        assertThat(Problems.problem(Refusal.DECISION_NOT_REGISTERED, "x").getType().toString())
                .isEqualTo("/problem/decision-not-registered");
        assertThat(Problems.problem(Refusal.DECISION_NOT_REGISTERED, "x").getProperties())
                .containsEntry("code", "DECISION_NOT_REGISTERED");
        assertThat(ProblemTypePages.entry("decision-not-registered")).isPresent();
    }
}
