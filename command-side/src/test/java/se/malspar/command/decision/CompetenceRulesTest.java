package se.malspar.command.decision;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import se.malspar.kernel.programme.ChangeKind;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompetenceRulesTest {

    @Test
    void aConfiguredChangeReplacesItsDefaultAndTheOthersKeepTheirs() {
        CompetenceRules rules = new Binder(new MapConfigurationPropertySource(Map.of(
                "malspar.competence[SET_AMBITION_LEVEL]", " kf , KS")))
                .bindOrCreate("malspar", CompetenceRules.class);
        assertThat(rules.organsFor(ChangeKind.SET_AMBITION_LEVEL)).containsExactlyInAnyOrder("KF", "KS");
        assertThat(rules.organsFor(ChangeKind.ADD_GOAL)).containsExactlyInAnyOrder("KF", "KS");
        assertThat(rules.mayAuthorise("KSAU", ChangeKind.DEFINE_INDICATOR)).isFalse();
    }

    @Test
    void withNothingConfiguredTheDefaultsHold() {
        CompetenceRules rules = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("malspar", CompetenceRules.class);
        assertThat(rules.competence()).isEqualTo(CompetenceRules.defaults());
        assertThat(new CompetenceRules().competence()).isEqualTo(CompetenceRules.defaults());
    }
}
