package se.malspar.kernel.programme.indicator;

/**
 * A measured value, or a planned activity that is done or not (seed 003: goals differ from
 * activities), or a PLANNED indicator: one the papers name but do not finish ("ska tas fram",
 * "ska definieras", "saknas möjlig mätmetod", seed 000). A planned indicator has no method yet, so
 * it takes no measurement and no assessment: it is never given a verdict.
 */
public enum IndicatorKind { MEASURED, ACTIVITY, PLANNED }
