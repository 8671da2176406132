package se.malspar.kernel.programme;

/** The kinds of change a decision can authorise; the competence table maps each to organs. */
public enum ChangeKind {
    CREATE_PROGRAMME, ADD_GOAL, ADD_DELMAL, RENAME_DELMAL, RETIRE_DELMAL,
    DEFINE_INDICATOR, RETIRE_INDICATOR, SET_AMBITION_LEVEL, SET_TARGET_VALUE,
    /** A decided assessment of fulfilment (only when the assessment names a decision). */
    ASSESS_FULFILMENT,
    /** A goal's articles of the Convention on the Rights of the Child. */
    LINK_CHILD_RIGHTS,
    /** How many delmål a goal has, as a paper states it (named or not). */
    STATE_DELMAL_COUNT,
    /** An assignment to revise the programme's ambition levels (omarbetning), and the decision that ends it. */
    OPEN_AMBITION_REVIEW, CLOSE_AMBITION_REVIEW,
    /** Closing a follow-up period (e.g. approving the annual report), and reopening it. */
    CLOSE_PERIOD, REOPEN_PERIOD
}
