package se.malspar.kernel.common;

import java.util.Objects;

/**
 * Why a command was refused: a stable {@link Refusal} (e.g. {@code DUPLICATE_DECISION},
 * {@code DECISION_NOT_REGISTERED}) and a sentence for people. Travels with the refusal, also
 * across processes, so the admin API can answer with the right problem detail.
 */
public record RuleViolation(Refusal refusal, String message) {

    public RuleViolation {
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(message, "message");
    }

    /** The refusal's code as a client sees it. */
    public String code() {
        return refusal.name();
    }
}
