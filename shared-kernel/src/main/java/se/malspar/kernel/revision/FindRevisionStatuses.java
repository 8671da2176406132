package se.malspar.kernel.revision;

/** Every decision that has changes or verifications, with its revision status. */
public record FindRevisionStatuses() {
}
