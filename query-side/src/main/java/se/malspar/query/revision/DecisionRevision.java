package se.malspar.query.revision;

import se.malspar.kernel.revision.RevisionStatus;

import java.util.List;

/**
 * A decision as the revisors see it: its status, the sequence numbers of its changes, and its
 * verifications in the order they were recorded.
 */
public record DecisionRevision(String decisionId, RevisionStatus status, List<Long> changeSequences,
                               List<VerificationView> verifications) {

    static DecisionRevision of(String decisionId, List<Long> changes, List<VerificationView> verifications) {
        VerificationView latest = verifications.isEmpty() ? null : verifications.get(verifications.size() - 1);
        RevisionStatus status = RevisionStatus.of(
                latest == null ? null : se.malspar.kernel.revision.VerificationOutcome.valueOf(latest.outcome()),
                latest == null ? 0 : latest.treeSize(), changes);
        return new DecisionRevision(decisionId, status, changes, verifications);
    }

    /** The verifications that cover the change at {@code sequence}. */
    public List<java.util.UUID> coveredBy(long sequence) {
        return verifications.stream().filter(v -> v.covers().contains(sequence)).map(VerificationView::verificationId).toList();
    }

    public List<Long> uncovered() {
        return changeSequences.stream().filter(s -> coveredBy(s).isEmpty()).toList();
    }
}
