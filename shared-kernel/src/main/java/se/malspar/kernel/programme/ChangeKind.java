package se.malspar.kernel.programme;

/** The kinds of change a decision can authorise; the competence table maps each to organs. */
public enum ChangeKind {
    CREATE_PROGRAMME, ADD_GOAL, ADD_DELMAL, RENAME_DELMAL, RETIRE_DELMAL,
    DEFINE_INDICATOR, RETIRE_INDICATOR, SET_AMBITION_LEVEL, SET_TARGET_VALUE,
    /** A decided assessment of fulfilment (only when the assessment names a decision). */
    ASSESS_FULFILMENT,
    /** Closing a follow-up period (e.g. approving the annual report), and reopening it. */
    CLOSE_PERIOD, REOPEN_PERIOD
}
