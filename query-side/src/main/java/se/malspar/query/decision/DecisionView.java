package se.malspar.query.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision register entry as revisors read it. {@code incomplete} marks a paragraph or day the
 * papers do not give; such values are null, never guessed. {@code status} is ADOPTED or PLANNED (the
 * papers show only a plan or proposal); {@code adoption} is the recorded step that adopted a
 * planned decision, or null.
 */
public record DecisionView(
        String decisionId,
        String citation,
        String organ,
        String meetingDate,
        Integer paragraph,
        String caseNumber,
        String title,
        String protocolUrl,
        LocalDate effectiveFrom,
        boolean incomplete,
        String status,
        Adoption adoption,
        String note,
        Instant registeredAt,
        String registeredBy,
        List<Correction> corrections) {

    DecisionView withCorrections(List<Correction> list) {
        return new DecisionView(decisionId, citation, organ, meetingDate, paragraph, caseNumber, title, protocolUrl,
                effectiveFrom, incomplete, status, adoption, note, registeredAt, registeredBy, list);
    }

    /** The step that adopted a planned decision: the day and what shows it. */
    public record Adoption(LocalDate adoptedOn, String adoptedBy, String note) {
    }

    /** A correction of the entry (an entry error fixed, not a new decision). */
    public record Correction(String citation, List<String> correctedFields, String reason,
                             Instant recordedAt, String recordedBy) {
    }
}
