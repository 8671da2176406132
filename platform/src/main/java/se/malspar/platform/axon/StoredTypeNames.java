package se.malspar.platform.axon;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A stored event's type name is part of the public record: verifiers, audit packs, the lookups'
 * SQL and every store already written name events by it. When a message class moves to another
 * package, it keeps the name under which it was first recorded: written under the old name, and
 * an old name read back as the moved class. Without this, a package move would split one kind of
 * event into two names in the same store.
 */
final class StoredTypeNames extends JacksonSerializer {

    /** The name events were recorded under → the class that reads them now (issue 17 gave kernel/programme sub-packages). */
    static final Map<String, String> MOVED = Map.ofEntries(
            Map.entry("se.malspar.kernel.programme.AddDelmal", "se.malspar.kernel.programme.structure.AddDelmal"),
            Map.entry("se.malspar.kernel.programme.AddGoal", "se.malspar.kernel.programme.structure.AddGoal"),
            Map.entry("se.malspar.kernel.programme.AmbitionLevel", "se.malspar.kernel.programme.ambition.AmbitionLevel"),
            Map.entry("se.malspar.kernel.programme.AmbitionLevelCorrected", "se.malspar.kernel.programme.ambition.AmbitionLevelCorrected"),
            Map.entry("se.malspar.kernel.programme.AmbitionLevelSet", "se.malspar.kernel.programme.ambition.AmbitionLevelSet"),
            Map.entry("se.malspar.kernel.programme.ChangeIndicatorSource", "se.malspar.kernel.programme.indicator.ChangeIndicatorSource"),
            Map.entry("se.malspar.kernel.programme.CorrectAmbitionLevel", "se.malspar.kernel.programme.ambition.CorrectAmbitionLevel"),
            Map.entry("se.malspar.kernel.programme.CreateProgramme", "se.malspar.kernel.programme.structure.CreateProgramme"),
            Map.entry("se.malspar.kernel.programme.DefineIndicator", "se.malspar.kernel.programme.indicator.DefineIndicator"),
            Map.entry("se.malspar.kernel.programme.DelmalAdded", "se.malspar.kernel.programme.structure.DelmalAdded"),
            Map.entry("se.malspar.kernel.programme.DelmalRenamed", "se.malspar.kernel.programme.structure.DelmalRenamed"),
            Map.entry("se.malspar.kernel.programme.DelmalRetired", "se.malspar.kernel.programme.structure.DelmalRetired"),
            Map.entry("se.malspar.kernel.programme.Direction", "se.malspar.kernel.programme.indicator.Direction"),
            Map.entry("se.malspar.kernel.programme.DirectionBasis", "se.malspar.kernel.programme.indicator.DirectionBasis"),
            Map.entry("se.malspar.kernel.programme.FindFulfilment", "se.malspar.kernel.programme.measurement.FindFulfilment"),
            Map.entry("se.malspar.kernel.programme.FindIndicatorHistory", "se.malspar.kernel.programme.indicator.FindIndicatorHistory"),
            Map.entry("se.malspar.kernel.programme.FollowUpPeriod", "se.malspar.kernel.programme.measurement.FollowUpPeriod"),
            Map.entry("se.malspar.kernel.programme.GoalAdded", "se.malspar.kernel.programme.structure.GoalAdded"),
            Map.entry("se.malspar.kernel.programme.IndicatorDefined", "se.malspar.kernel.programme.indicator.IndicatorDefined"),
            Map.entry("se.malspar.kernel.programme.IndicatorKind", "se.malspar.kernel.programme.indicator.IndicatorKind"),
            Map.entry("se.malspar.kernel.programme.IndicatorRetired", "se.malspar.kernel.programme.indicator.IndicatorRetired"),
            Map.entry("se.malspar.kernel.programme.IndicatorSource", "se.malspar.kernel.programme.indicator.IndicatorSource"),
            Map.entry("se.malspar.kernel.programme.IndicatorSourceChanged", "se.malspar.kernel.programme.indicator.IndicatorSourceChanged"),
            Map.entry("se.malspar.kernel.programme.MeasurementRecorded", "se.malspar.kernel.programme.measurement.MeasurementRecorded"),
            Map.entry("se.malspar.kernel.programme.MeasurementSource", "se.malspar.kernel.programme.measurement.MeasurementSource"),
            Map.entry("se.malspar.kernel.programme.ProgrammeCreated", "se.malspar.kernel.programme.structure.ProgrammeCreated"),
            Map.entry("se.malspar.kernel.programme.RecordMeasurement", "se.malspar.kernel.programme.measurement.RecordMeasurement"),
            Map.entry("se.malspar.kernel.programme.ReferenceArea", "se.malspar.kernel.programme.measurement.ReferenceArea"),
            Map.entry("se.malspar.kernel.programme.RenameDelmal", "se.malspar.kernel.programme.structure.RenameDelmal"),
            Map.entry("se.malspar.kernel.programme.RetireDelmal", "se.malspar.kernel.programme.structure.RetireDelmal"),
            Map.entry("se.malspar.kernel.programme.RetireIndicator", "se.malspar.kernel.programme.indicator.RetireIndicator"),
            Map.entry("se.malspar.kernel.programme.SetAmbitionLevel", "se.malspar.kernel.programme.ambition.SetAmbitionLevel"),
            Map.entry("se.malspar.kernel.programme.SetTargetValue", "se.malspar.kernel.programme.ambition.SetTargetValue"),
            Map.entry("se.malspar.kernel.programme.SourceKind", "se.malspar.kernel.programme.measurement.SourceKind"),
            Map.entry("se.malspar.kernel.programme.TargetValueSet", "se.malspar.kernel.programme.ambition.TargetValueSet"));

    private static final Map<String, String> RECORDED_AS = MOVED.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    StoredTypeNames(JacksonSerializer.Builder builder) {
        super(builder);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        SerializedType current = super.typeForClass(type);
        String recordedAs = RECORDED_AS.get(current.getName());
        return recordedAs == null ? current : new SimpleSerializedType(recordedAs, current.getRevision());
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        String name = super.resolveClassName(serializedType);
        return MOVED.getOrDefault(name, name);
    }
}
