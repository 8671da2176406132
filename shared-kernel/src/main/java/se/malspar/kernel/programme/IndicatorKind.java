package se.malspar.kernel.programme;

/** A measured value, or a planned activity that is done or not (seed 003: goals differ from activities). */
public enum IndicatorKind { MEASURED, ACTIVITY }
