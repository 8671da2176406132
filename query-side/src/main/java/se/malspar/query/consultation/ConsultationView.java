package se.malspar.query.consultation;

import se.malspar.kernel.programme.DecisionReference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A consultation round (remiss) as read: its answers in the order they were recorded, each with the
 * changes it led to. {@code decision} and {@code sentOn} are null when no paper gives them.
 * {@code outcomes} counts the answers shown by outcome ({@code NONE}: the paper's words are none of the four).
 */
public record ConsultationView(String consultationId, String title, DecisionReference decision, LocalDate sentOn,
                               Map<String, Object> source, Instant recordedAt, String recordedBy,
                               Map<String, String> filter, int responseCount, Map<String, Integer> outcomes,
                               List<Response> responses) {

    /**
     * One answer: who ({@code respondent} as the paper spells it, {@code respondentName} its full name), about
     * what, the comment, the office's proposed answer, the outcome and the paper's own words for it, its source.
     */
    public record Response(String consultationId, String responseId, String respondent, String respondentName,
                           String subject, String subjectKind, String comment, String proposedAnswer, String outcome,
                           String outcomeText, boolean ledToChange, List<Change> changes, Map<String, Object> source,
                           Instant recordedAt, String recordedBy) {
    }

    /** A change an answer led to: what the decision changed, why the link was made, who made it and when. */
    public record Change(DecisionReference decision, String entity, String reason, Instant linkedAt, String linkedBy) {
    }

    /** A round in the list: how many answers, by outcome. */
    public record Summary(String consultationId, String title, DecisionReference decision, LocalDate sentOn,
                          int responseCount, int ledToChange, Map<String, Integer> outcomes) {
    }
}
