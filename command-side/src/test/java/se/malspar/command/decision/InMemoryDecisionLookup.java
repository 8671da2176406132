package se.malspar.command.decision;

import se.malspar.kernel.decision.Citation;
import se.malspar.kernel.decision.DecisionId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A decision register for fixture tests: what the lookup table would hold. */
public class InMemoryDecisionLookup implements DecisionLookup {

    private final Map<DecisionId, RegisteredDecision> decisions = new HashMap<>();
    private final Map<String, DecisionId> citations = new HashMap<>();

    public InMemoryDecisionLookup register(String citationText) {
        Citation citation = Citation.parse(citationText);
        decisions.put(citation.decisionId(), new RegisteredDecision(citation.decisionId(), citation.toString(),
                citation.organ(), citation.meetingDate().date().orElse(null), citation.incomplete()));
        citations.put(citation.toString(), citation.decisionId());
        return this;
    }

    /** A decision the papers show only planned: registered, not adopted. */
    public InMemoryDecisionLookup plan(String citationText) {
        Citation citation = Citation.parse(citationText);
        decisions.put(citation.decisionId(), new RegisteredDecision(citation.decisionId(), citation.toString(),
                citation.organ(), citation.meetingDate().date().orElse(null), citation.incomplete(), false));
        citations.put(citation.toString(), citation.decisionId());
        return this;
    }

    /** A citation that another entry carries (e.g. after a correction completed it). */
    public InMemoryDecisionLookup carries(String citation, DecisionId holder) {
        citations.put(citation, holder);
        return this;
    }

    public DecisionAuthority authority() {
        return new DecisionAuthority(this, new CompetenceRules());
    }

    @Override
    public Optional<DecisionId> findByCitation(String canonicalCitation) {
        return Optional.ofNullable(citations.get(canonicalCitation));
    }

    @Override
    public Optional<RegisteredDecision> find(DecisionId decisionId) {
        return Optional.ofNullable(decisions.get(decisionId));
    }
}
