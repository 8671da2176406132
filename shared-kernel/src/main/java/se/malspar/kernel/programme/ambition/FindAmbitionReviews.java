package se.malspar.kernel.programme.ambition;

import se.malspar.kernel.programme.ProgrammeId;

/** Every ambition review of a programme, as recorded, oldest first. */
public record FindAmbitionReviews(ProgrammeId programmeId) {
}
