package se.malspar.command.decision;

import se.malspar.kernel.decision.DecisionId;

import java.util.List;
import java.util.OptionalLong;

/** What a revisor's verification is checked against: the signed tree and the decision's changes. */
interface RevisionScope {

    /** The tree size of the latest signed checkpoint, empty before the first one. */
    OptionalLong latestCheckpointTreeSize();

    /** The sequence numbers of every change the decision authorised, ascending. */
    List<Long> changeSequences(DecisionId decisionId);
}
