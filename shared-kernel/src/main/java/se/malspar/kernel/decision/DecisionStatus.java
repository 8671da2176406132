package se.malspar.kernel.decision;

/**
 * Whether the papers show the decision taken (ADOPTED) or only planned or proposed (PLANNED, e.g.
 * a proposal "till kommunstyrelsens sammanträde i augusti"). Only an adopted decision authorises a
 * change of the programme; a planned one becomes adopted by its own recorded step.
 */
public enum DecisionStatus {
    ADOPTED,
    PLANNED
}
