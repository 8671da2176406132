package se.malspar.kernel.programme;

/** Every programme in the register. */
public record FindProgrammes() {
}
