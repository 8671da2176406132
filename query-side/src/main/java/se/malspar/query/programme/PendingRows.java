package se.malspar.query.programme;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Measurements and verdicts of one batch of events, written together just before the batch
 * commits. A pooled processor handles a batch in one unit of work and one transaction, so the
 * rows and the token still commit (or roll back) together, and a batch costs a few statements
 * instead of two per event. Rows handled outside a unit of work are written at once.
 */
final class PendingRows {

    private static final String RESOURCE = PendingRows.class.getName();

    private final ProgrammeFacts facts;
    private final List<ProgrammeFacts.NewMeasurement> measurements = new ArrayList<>();
    private final List<ProgrammeFacts.Verdict> verdicts = new ArrayList<>();

    private PendingRows(ProgrammeFacts facts) {
        this.facts = facts;
    }

    static void add(ProgrammeFacts facts, ProgrammeFacts.NewMeasurement measurement) {
        PendingRows rows = current(facts);
        rows.measurements.add(measurement);
        if (!CurrentUnitOfWork.isStarted()) {
            rows.flush();
        }
    }

    static void add(ProgrammeFacts facts, ProgrammeFacts.Verdict verdict) {
        PendingRows rows = current(facts);
        rows.verdicts.add(verdict);
        if (!CurrentUnitOfWork.isStarted()) {
            rows.flush();
        }
    }

    /**
     * Writes what the current batch holds so far; called before any other write or read of the
     * programme tables in the batch, so those see every earlier event's rows.
     */
    static void flushCurrent() {
        if (CurrentUnitOfWork.isStarted()) {
            PendingRows rows = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (rows != null) {
                rows.flush();
            }
        }
    }

    private static PendingRows current(ProgrammeFacts facts) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new PendingRows(facts);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            PendingRows rows = new PendingRows(facts);
            // Before the commit, in the batch's transaction: a failure here rolls the batch back.
            root.onPrepareCommit(u -> rows.flush());
            return rows;
        });
    }

    private void flush() {
        // Measurements and verdicts are separate tables, and neither reads the other.
        facts.insertMeasurements(measurements);
        measurements.clear();
        facts.insertVerdicts(verdicts);
        verdicts.clear();
    }
}
