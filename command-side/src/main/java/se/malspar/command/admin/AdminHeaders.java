package se.malspar.command.admin;

/**
 * What an admin write's headers say, read and checked once ({@link AdminHeadersConfiguration}): a
 * handler method takes {@link Write} when it accepts {@code Idempotency-Key}, {@link Change} when it
 * also accepts {@code If-Match}. The API document lists the headers from these types.
 */
public sealed interface AdminHeaders {

    /** The request header that carries the idempotency key. */
    String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    /** The Idempotency-Key sent, or null. */
    String idempotencyKey();

    /** A write: {@code Idempotency-Key}. */
    record Write(String idempotencyKey) implements AdminHeaders {
    }

    /** A change to a known version: {@code Idempotency-Key} and {@code If-Match} (null when absent or "*"). */
    record Change(String idempotencyKey, Long expectedVersion) implements AdminHeaders {
    }
}
