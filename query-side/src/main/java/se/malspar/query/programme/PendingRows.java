package se.malspar.query.programme;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one batch of events, written together just before the batch commits. A pooled
 * processor handles a batch in one unit of work and one transaction, so the rows and the token
 * still commit (or roll back) together, and a batch costs a few statements instead of one or two
 * per event. Rows handled outside a unit of work are written at once.
 */
final class PendingRows {

    private static final String RESOURCE = PendingRows.class.getName();

    private final ProgrammeFacts tables;
    private final List<Fact> facts = new ArrayList<>();
    private final List<ProgrammeFacts.NewMeasurement> measurements = new ArrayList<>();
    private final List<ProgrammeFacts.Verdict> verdicts = new ArrayList<>();

    private PendingRows(ProgrammeFacts tables) {
        this.tables = tables;
    }

    static void add(ProgrammeFacts tables, Fact fact) {
        PendingRows rows = current(tables);
        rows.facts.add(fact);
        if (!CurrentUnitOfWork.isStarted()) {
            rows.flush();
        }
    }

    static void add(ProgrammeFacts tables, ProgrammeFacts.NewMeasurement measurement) {
        PendingRows rows = current(tables);
        rows.measurements.add(measurement);
        if (!CurrentUnitOfWork.isStarted()) {
            rows.flush();
        }
    }

    static void add(ProgrammeFacts tables, ProgrammeFacts.Verdict verdict) {
        PendingRows rows = current(tables);
        rows.verdicts.add(verdict);
        if (!CurrentUnitOfWork.isStarted()) {
            rows.flush();
        }
    }

    /**
     * Writes what the current batch holds so far; called before any other read or write of the
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

    private static PendingRows current(ProgrammeFacts tables) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new PendingRows(tables);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            PendingRows rows = new PendingRows(tables);
            // Before the commit, in the batch's transaction: a failure here rolls the batch back.
            root.onPrepareCommit(u -> rows.flush());
            return rows;
        });
    }

    private void flush() {
        // Three tables, and no write to one reads another: only the order within a table matters.
        tables.insert(facts);
        facts.clear();
        tables.insertMeasurements(measurements);
        measurements.clear();
        tables.insertVerdicts(verdicts);
        verdicts.clear();
    }
}
