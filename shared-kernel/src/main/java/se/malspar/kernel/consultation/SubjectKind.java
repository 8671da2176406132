package se.malspar.kernel.consultation;

/** What a remiss answer is about: a goal, delmål or indicator of the register (by id), or free text. */
public enum SubjectKind {
    GOAL, DELMAL, INDICATOR, TEXT
}
