package se.malspar.kernel.consultation;

import org.axonframework.serialization.Revision;

/** One answer of a remiss, as recorded; {@code subjectKind} says whether {@code subject} names a register entry. */
@Revision("1")
public record ConsultationResponseRecorded(ConsultationId consultationId, String responseId, Respondent respondent,
                                           String subject, SubjectKind subjectKind, String comment,
                                           String proposedAnswer, ConsultationOutcome outcome, String outcomeText) {
}
