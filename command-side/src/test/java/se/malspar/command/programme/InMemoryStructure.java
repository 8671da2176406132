package se.malspar.command.programme;

import se.malspar.kernel.programme.Ids;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The structure lookup for fixture tests: what the lookup table would hold. */
class InMemoryStructure implements StructureLookup {

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, String> owners = new LinkedHashMap<>();

    /** A programme is owned by KF unless {@link #ownedBy} says otherwise, as the council's programme is. */
    InMemoryStructure with(Kind kind, String id, String parentId, String name) {
        entries.put(kind + "/" + id, new Entry(kind, id, parentId, name, false));
        if (kind == Kind.PROGRAMME) {
            owners.put(id, "KF");
        }
        return this;
    }

    InMemoryStructure ownedBy(String programmeId, String organ) {
        owners.put(programmeId, organ);
        return this;
    }

    @Override
    public Optional<String> owner(String programmeId) {
        return Optional.ofNullable(owners.get(programmeId));
    }

    InMemoryStructure retired(Kind kind, String id) {
        Entry e = entries.get(kind + "/" + id);
        entries.put(kind + "/" + id, new Entry(kind, id, e.parentId(), e.name(), true));
        return this;
    }

    @Override
    public Optional<Entry> find(Kind kind, String id) {
        return Optional.ofNullable(entries.get(kind + "/" + id));
    }

    @Override
    public boolean nameTaken(Kind kind, String parentId, String name, String exceptId) {
        String parent = parentId == null ? "" : parentId;
        return entries.values().stream().anyMatch(e -> e.kind() == kind && e.parentId().equals(parent) && !e.retired()
                && Ids.nameKey(e.name()).equals(Ids.nameKey(name)) && !e.id().equals(exceptId));
    }
}
