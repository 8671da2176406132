package se.malspar.kernel.ambition;

/** The unit of a rule's margin (or of its threshold, for ABSOLUTE rules). */
public enum MarginUnit {
    /** Procentenheter: "+4 procentenheter över riket" means national + 4 on the indicator's own % scale. */
    PERCENTAGE_POINTS,
    /** Procent: a relative share, "4 procent över riket" means national × 1.04; for thresholds a plain %. */
    PERCENT,
    /** A plain number in the indicator's own unit. */
    ABSOLUTE
}
