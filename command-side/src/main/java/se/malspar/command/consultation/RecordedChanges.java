package se.malspar.command.consultation;

import se.malspar.kernel.consultation.SubjectKind;
import se.malspar.kernel.decision.DecisionId;

/**
 * What a remiss answer may point at: a register entry its subject names, and a change a decision
 * made. Read from the command side's lookups ({@code structure_lookup}, {@code decision_change_lookup}),
 * which are written in the transactions of the events they follow.
 */
interface RecordedChanges {

    /** GOAL, DELMAL or INDICATOR when the subject is the id of one; TEXT otherwise. */
    SubjectKind kindOf(String subject);

    /** Whether the decision authorised a change of the entity (a programme, goal, delmål or indicator id). */
    boolean changed(DecisionId decision, String entityId);
}
