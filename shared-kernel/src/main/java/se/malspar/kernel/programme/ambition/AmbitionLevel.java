package se.malspar.kernel.programme.ambition;

import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.programme.ambition.AmbitionStatus;

import java.util.List;

/**
 * An ambition level as recorded: the verbatim text, its structured rules, whether the reading
 * is ambiguous, what the reader found, and who read it (the reader, or the client explicitly).
 * {@code status} is SET, or TO_BE_DISCUSSED for a level the paper leaves to dialogue (then no
 * rule); an entry recorded before the status existed is SET.
 */
public record AmbitionLevel(String text, List<AmbitionRule> rules, Integer targetYear, boolean ambiguous,
                            List<String> findings, RulesSource rulesSource, AmbitionStatus status) {

    public enum RulesSource { READER, CLIENT }

    public AmbitionLevel {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        status = status == null ? AmbitionStatus.SET : status;
        if (status == AmbitionStatus.TO_BE_DISCUSSED && !rules.isEmpty()) {
            throw new IllegalArgumentException("an ambition level to be discussed claims no rule");
        }
    }

    /** A level that is set. */
    public AmbitionLevel(String text, List<AmbitionRule> rules, Integer targetYear, boolean ambiguous,
                         List<String> findings, RulesSource rulesSource) {
        this(text, rules, targetYear, ambiguous, findings, rulesSource, AmbitionStatus.SET);
    }

    public boolean toBeDiscussed() {
        return status == AmbitionStatus.TO_BE_DISCUSSED;
    }
}
