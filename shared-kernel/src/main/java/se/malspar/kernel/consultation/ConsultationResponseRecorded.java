package se.malspar.kernel.consultation;

/** One answer of a remiss, as recorded; {@code subjectKind} says whether {@code subject} names a register entry. */
public record ConsultationResponseRecorded(ConsultationId consultationId, String responseId, Respondent respondent,
                                           String subject, SubjectKind subjectKind, String comment,
                                           String proposedAnswer, ConsultationOutcome outcome, String outcomeText) {
}
