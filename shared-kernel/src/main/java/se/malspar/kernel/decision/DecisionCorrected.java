package se.malspar.kernel.decision;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A correction of a register entry: carries the whole entry as it stands after the correction,
 * the names of the fields that changed, and why. The decision id never changes.
 */
@Revision("1")
public record DecisionCorrected(
        DecisionId decisionId,
        String citation,
        MeetingDate meetingDate,
        Integer paragraph,
        String caseNumber,
        String title,
        String protocolUrl,
        LocalDate effectiveFrom,
        boolean incomplete,
        List<String> correctedFields,
        String reason) {

    public DecisionCorrected {
        correctedFields = List.copyOf(correctedFields);
    }
}
