package se.malspar.kernel.programme;

import se.malspar.kernel.ambition.AmbitionRule;

import java.util.List;

/**
 * An ambition level as recorded: the verbatim text, its structured rules, whether the reading
 * is ambiguous, what the reader found, and who read it (the reader, or the client explicitly).
 */
public record AmbitionLevel(String text, List<AmbitionRule> rules, Integer targetYear, boolean ambiguous,
                            List<String> findings, RulesSource rulesSource) {

    public enum RulesSource { READER, CLIENT }

    public AmbitionLevel {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
    }
}
