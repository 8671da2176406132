package se.malspar.kernel.common;

import java.util.Objects;

/**
 * Why a command was refused: a stable machine-readable code (e.g. {@code DUPLICATE_DECISION},
 * {@code DECISION_NOT_REGISTERED}) and a sentence for people. Travels with the refusal, also
 * across processes, so the admin API can answer with the right problem detail.
 */
public record RuleViolation(String code, String message) {

    public RuleViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
