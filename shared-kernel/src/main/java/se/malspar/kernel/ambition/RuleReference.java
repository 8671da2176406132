package se.malspar.kernel.ambition;

/** What an ambition rule compares the indicator with. */
public enum RuleReference {
    /** Riket: the national value ("riket", "rikets", "riksgenomsnittet"). */
    NATIONAL,
    /** Länet: the county value ("länet", "länets", "länsgenomsnittet"). */
    COUNTY,
    /** A fixed number written in the text; the rule's margin is that number. Also used by DONE. */
    ABSOLUTE,
    /** The indicator's own earlier values (used by POSITIVE_TREND). */
    OWN_BASELINE
}
