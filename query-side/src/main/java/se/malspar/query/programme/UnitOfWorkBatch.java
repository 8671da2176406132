package se.malspar.query.programme;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows one repository was given during one unit of work, written together just before it
 * commits. A pooled processor handles a batch of events in one unit of work and one transaction,
 * so the rows and the token still commit (or roll back) together, and a batch costs a few
 * statements instead of one or two per event. The rows live in the unit of work's resources (under
 * the owner's name), so nothing outlives the batch; rows given outside a unit of work are written
 * at once.
 */
final class UnitOfWorkBatch<T> {

    private final String resource;
    private final Consumer<List<T>> writer;

    UnitOfWorkBatch(String owner, Consumer<List<T>> writer) {
        this.resource = UnitOfWorkBatch.class.getName() + "/" + owner;
        this.writer = writer;
    }

    void add(T row) {
        if (!CurrentUnitOfWork.isStarted()) {
            writer.accept(List.of(row));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.<List<T>>getOrComputeResource(resource, key -> {
            List<T> rows = new ArrayList<>();
            // Before the commit, in the batch's transaction: a failure here rolls the batch back.
            root.onPrepareCommit(u -> write(rows));
            return rows;
        }).add(row);
    }

    /** Writes what the current unit of work holds so far, so a read in the same batch sees every earlier row. */
    void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            List<T> rows = CurrentUnitOfWork.get().root().getResource(resource);
            if (rows != null) {
                write(rows);
            }
        }
    }

    private void write(List<T> rows) {
        if (!rows.isEmpty()) {
            List<T> copy = List.copyOf(rows);
            rows.clear();
            writer.accept(copy);
        }
    }
}
