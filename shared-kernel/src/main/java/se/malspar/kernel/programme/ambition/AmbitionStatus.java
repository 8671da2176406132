package se.malspar.kernel.programme.ambition;

/**
 * Whether an ambition level is SET (a level with its reading) or only TO_BE_DISCUSSED: the paper
 * lists the indicator under "Ambitionsnivå behov av dialog / finns ej förslag" (seed 000 l.126-127)
 * and gives at most a target year. A level to be discussed keeps its verbatim text, claims no rule
 * and is never used to assess fulfilment.
 */
public enum AmbitionStatus {
    SET,
    TO_BE_DISCUSSED
}
