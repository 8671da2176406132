package se.malspar.kernel.decision;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A decision entered in the register. {@code incomplete} is true when the source paper gives no
 * paragraph or only a month; {@code effectiveFrom} is null when it is not known; {@code note}
 * says what else the register should know (e.g. that the approved wording is not in the papers).
 * Revision 2 added {@code status}; a revision-1 event has none and was adopted (the field's default).
 */
@Revision("2")
public record DecisionRegistered(
        DecisionId decisionId,
        String citation,
        String organ,
        MeetingDate meetingDate,
        Integer paragraph,
        String caseNumber,
        String title,
        String protocolUrl,
        LocalDate effectiveFrom,
        boolean incomplete,
        String note,
        DecisionStatus status) {

    public DecisionRegistered {
        status = status == null ? DecisionStatus.ADOPTED : status;
    }

    /** Adopted. */
    public DecisionRegistered(DecisionId decisionId, String citation, String organ, MeetingDate meetingDate,
                              Integer paragraph, String caseNumber, String title, String protocolUrl,
                              LocalDate effectiveFrom, boolean incomplete, String note) {
        this(decisionId, citation, organ, meetingDate, paragraph, caseNumber, title, protocolUrl, effectiveFrom,
                incomplete, note, DecisionStatus.ADOPTED);
    }

    /** Adopted, without a note. */
    public DecisionRegistered(DecisionId decisionId, String citation, String organ, MeetingDate meetingDate,
                              Integer paragraph, String caseNumber, String title, String protocolUrl,
                              LocalDate effectiveFrom, boolean incomplete) {
        this(decisionId, citation, organ, meetingDate, paragraph, caseNumber, title, protocolUrl, effectiveFrom,
                incomplete, null, DecisionStatus.ADOPTED);
    }
}
