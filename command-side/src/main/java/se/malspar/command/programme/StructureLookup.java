package se.malspar.command.programme;

import java.util.Optional;

/**
 * The command side's view of the programme structure (programmes, goals, delmål, indicators),
 * for the rules that span aggregates: a parent exists and is not retired, names are unique per
 * parent. Written in the same transaction as the structure events; a unique index on active
 * names backs the name rule against concurrent writers.
 */
interface StructureLookup {

    enum Kind { PROGRAMME, GOAL, DELMAL, INDICATOR }

    /** The entry, read with a share lock so that a concurrent retirement waits for this transaction. */
    Optional<Entry> find(Kind kind, String id);

    /** The organ that owns a programme (its ownerOrgan), when the programme is known. */
    Optional<String> owner(String programmeId);

    /** Whether an active entry of this kind under this parent already has this name (NFC, case-insensitive). */
    boolean nameTaken(Kind kind, String parentId, String name, String exceptId);

    record Entry(Kind kind, String id, String parentId, String name, boolean retired) {
    }
}
