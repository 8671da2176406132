package se.malspar.kernel.consultation;

/**
 * The "Ändring" column of the remiss table (seed 000): did the answer change the proposal. The
 * paper's own words are kept beside it ({@code outcomeText}); a row whose words are none of these
 * ("Inget krav på ändring") has no outcome.
 */
public enum ConsultationOutcome {
    JA, NEJ, DELVIS, JA_SKA_TAS_FRAM;

    public static ConsultationOutcome parse(String value) {
        for (ConsultationOutcome o : values()) {
            if (o.name().equals(value)) {
                return o;
            }
        }
        throw new IllegalArgumentException("must be one of JA, NEJ, DELVIS, JA_SKA_TAS_FRAM, not '" + value + "'");
    }
}
