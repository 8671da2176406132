package se.malspar.query.ambitionreview;

import com.fasterxml.jackson.databind.JsonNode;
import se.malspar.kernel.programme.DecisionReference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One review (omarbetning) of the programme's ambition levels: UNDER_REVIEW from {@code since}
 * (the adopted assignment {@code openedBy}, e.g. KSAU 2022-02-23 § 38) until {@code until}, the
 * day the decision {@code closedBy} took effect (null: still under way), as recorded by the
 * instant asked about. {@code subject} is what the assignment concerns; the provenances say which
 * paper shows the opening and the closing.
 */
public record AmbitionReview(String status, String subject, LocalDate since, DecisionReference openedBy,
                             Instant openedRecordedAt, String openedRecordedBy, JsonNode openedProvenance,
                             LocalDate until, DecisionReference closedBy, String outcome, Instant closedRecordedAt,
                             JsonNode closedProvenance) {

    /** The read model's name: its processing group and its row in read_model_position. */
    public static final String READ_MODEL = "ambition-review";

    public static final String UNDER_REVIEW = "UNDER_REVIEW";
    public static final String CLOSED = "CLOSED";

    /** As recorded by {@code knownAt}: null if opened later; still under way if closed later. */
    public AmbitionReview knownAt(Instant knownAt) {
        if (openedRecordedAt.isAfter(knownAt)) {
            return null;
        }
        if (closedRecordedAt != null && closedRecordedAt.isAfter(knownAt)) {
            return new AmbitionReview(UNDER_REVIEW, subject, since, openedBy, openedRecordedAt, openedRecordedBy,
                    openedProvenance, null, null, null, null, null);
        }
        return this;
    }

    /**
     * As the papers dated up to {@code day} give it (null: no paper of then shows the assignment; still
     * under way if its closing came later): a review is documented by the minutes of the decisions that
     * opened and closed it, dated their days (the same inference as the programme's documentedBy).
     */
    public AmbitionReview documentedBy(LocalDate day) {
        if (day == null) {
            return this;
        }
        if (since.isAfter(day)) {
            return null;
        }
        if (until != null && until.isAfter(day)) {
            return new AmbitionReview(UNDER_REVIEW, subject, since, openedBy, openedRecordedAt, openedRecordedBy,
                    openedProvenance, null, null, null, null, null);
        }
        return this;
    }

    /** Every review as the papers dated up to {@code day} give it (all of them when day is null). */
    public static List<AmbitionReview> documentedBy(List<AmbitionReview> reviews, LocalDate day) {
        return reviews.stream().map(r -> r.documentedBy(day)).filter(java.util.Objects::nonNull).toList();
    }

    /** Whether the levels were under this review on {@code day}. */
    public boolean underWayOn(LocalDate day) {
        return !since.isAfter(day) && (until == null || day.isBefore(until));
    }

    /** The review under way on {@code day} as recorded by {@code knownAt}, or null. */
    public static AmbitionReview underWay(List<AmbitionReview> reviews, LocalDate day, Instant knownAt) {
        return reviews.stream().map(r -> r.knownAt(knownAt)).filter(r -> r != null && r.underWayOn(day))
                .reduce((first, second) -> second).orElse(null);
    }

    /** Every review as recorded by {@code knownAt}. */
    public static List<AmbitionReview> knownAt(List<AmbitionReview> reviews, Instant knownAt) {
        return reviews.stream().map(r -> r.knownAt(knownAt)).filter(java.util.Objects::nonNull).toList();
    }
}
