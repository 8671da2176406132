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
 * its delmål), KS its own programme and goals (seed 002; the aggregates add: only the owner of a
 * programme decides it and its goals); KS decides delmål, indicators, ambition levels and target values (seed 000: KS
 * "äger rätt att korrigera"); KSAU only prepares and assigns, so it authorises no change to the
 * programme, only the opening of an ambition review (its assignment to revise the levels, e.g.
 * KSAU 2022-02-23 § 38); a paper's count of delmål is the programme's (KF) or KS's.
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
        rules.put(ChangeKind.CREATE_PROGRAMME, Set.of("KF", "KS"));
        rules.put(ChangeKind.ADD_GOAL, Set.of("KF", "KS"));
        rules.put(ChangeKind.ADD_DELMAL, Set.of("KF", "KS"));
        rules.put(ChangeKind.RENAME_DELMAL, Set.of("KF", "KS"));
        rules.put(ChangeKind.RETIRE_DELMAL, Set.of("KF", "KS"));
        rules.put(ChangeKind.DEFINE_INDICATOR, Set.of("KS"));
        rules.put(ChangeKind.RETIRE_INDICATOR, Set.of("KS"));
        rules.put(ChangeKind.SET_AMBITION_LEVEL, Set.of("KS"));
        rules.put(ChangeKind.SET_TARGET_VALUE, Set.of("KS"));
        rules.put(ChangeKind.ASSESS_FULFILMENT, Set.of("KS"));
        rules.put(ChangeKind.LINK_CHILD_RIGHTS, Set.of("KF", "KS"));
        rules.put(ChangeKind.STATE_DELMAL_COUNT, Set.of("KF", "KS"));
        rules.put(ChangeKind.OPEN_AMBITION_REVIEW, Set.of("KS", "KSAU"));
        rules.put(ChangeKind.CLOSE_AMBITION_REVIEW, Set.of("KS"));
        // KS approves the tertial reports, KF the annual report; either closes (and reopens) its period.
        rules.put(ChangeKind.CLOSE_PERIOD, Set.of("KF", "KS"));
        rules.put(ChangeKind.REOPEN_PERIOD, Set.of("KF", "KS"));
        return rules;
    }

    public boolean mayAuthorise(String organ, ChangeKind change) {
        return competence.getOrDefault(change, Set.of()).contains(organ);
    }

    public Set<String> organsFor(ChangeKind change) {
        return competence.getOrDefault(change, Set.of());
    }
}
