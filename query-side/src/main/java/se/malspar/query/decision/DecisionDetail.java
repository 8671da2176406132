package se.malspar.query.decision;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import se.malspar.kernel.revision.RevisionStatus;
import se.malspar.query.programme.DecisionChange;
import se.malspar.query.revision.DecisionRevision;
import se.malspar.query.revision.VerificationView;

import java.util.List;
import java.util.UUID;

/**
 * A register entry with {@code changes}: every programme change the decision authorised, with
 * before and after, and whether a revisor's verification covers it; {@code revisionStatus} and
 * {@code verifications} are the revisors' (README "Integrity and revision").
 */
record DecisionDetail(@JsonUnwrapped DecisionView decision, RevisionStatus revisionStatus,
                      List<VerificationView> verifications, List<Change> changes) {

    @io.swagger.v3.oas.annotations.media.Schema(name = "DecisionChange")
    record Change(@JsonUnwrapped DecisionChange change, boolean covered, List<UUID> coveredBy) {
    }

    static DecisionDetail of(DecisionView view, List<DecisionChange> changes, DecisionRevision revision) {
        return new DecisionDetail(view, revision.status(), revision.verifications(), changes.stream()
                .map(c -> {
                    List<UUID> by = revision.coveredBy(c.sequence());
                    return new Change(c, !by.isEmpty(), by);
                }).toList());
    }
}
