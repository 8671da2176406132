package se.malspar.command.decision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import se.malspar.kernel.programme.ChangeKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which organ may authorise which change ({@code malspar.competence.<change>=KF,KS}). The
 * defaults follow the seeds: KF adopts the programme and its goals (and, adopting the programme,
 * its delmål); KS decides delmål, indicators, ambition levels and target values (seed 000: KS
 * "äger rätt att korrigera"); KSAU only prepares and assigns, so it authorises nothing.
 */
@ConfigurationProperties(prefix = "malspar")
public record CompetenceRules(Map<ChangeKind, Set<String>> competence) {

    /** Configured entries replace the default for their change; the others keep the default. */
    @ConstructorBinding
    public CompetenceRules {
        Map<ChangeKind, Set<String>> rules = defaults();
        if (competence != null) {
            competence.forEach((change, organs) -> rules.put(change, organs.stream()
                    .map(o -> o.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet())));
        }
        competence = Collections.unmodifiableMap(rules);
    }

    /** The defaults alone. */
    public CompetenceRules() {
        this(null);
    }

    public static Map<ChangeKind, Set<String>> defaults() {
        Map<ChangeKind, Set<String>> rules = new EnumMap<>(ChangeKind.class);
        rules.put(ChangeKind.CREATE_PROGRAMME, Set.of("KF"));
        rules.put(ChangeKind.ADD_GOAL, Set.of("KF"));
        rules.put(ChangeKind.ADD_DELMAL, Set.of("KF", "KS"));
        rules.put(ChangeKind.RENAME_DELMAL, Set.of("KF", "KS"));
        rules.put(ChangeKind.RETIRE_DELMAL, Set.of("KF", "KS"));
        rules.put(ChangeKind.DEFINE_INDICATOR, Set.of("KS"));
        rules.put(ChangeKind.RETIRE_INDICATOR, Set.of("KS"));
        rules.put(ChangeKind.SET_AMBITION_LEVEL, Set.of("KS"));
        rules.put(ChangeKind.SET_TARGET_VALUE, Set.of("KS"));
        rules.put(ChangeKind.ASSESS_FULFILMENT, Set.of("KS"));
        return rules;
    }

    public boolean mayAuthorise(String organ, ChangeKind change) {
        return competence.getOrDefault(change, Set.of()).contains(organ);
    }

    public Set<String> organsFor(ChangeKind change) {
        return competence.getOrDefault(change, Set.of());
    }
}
