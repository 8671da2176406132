package se.malspar.kernel.fulfilment;

import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ambition.AmbitionLevel;
import se.malspar.kernel.programme.ambition.AmbitionLevelCorrected;
import se.malspar.kernel.programme.ambition.AmbitionLevelSet;
import se.malspar.kernel.programme.ambition.TargetValueSet;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorDefined;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;
import se.malspar.kernel.programme.measurement.MeasurementRecorded;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the assessment principle may use of one indicator, folded from the indicator's own events with their
 * aggregate sequence numbers: its kind and direction, every ambition level (as corrected), every decided
 * målvärde, the latest observation per report period and the latest computed verdict per period. The
 * {@code Indicator} aggregate keeps one as its state and the rebuild benchmark folds the same events with it,
 * so both compute the verdict the same way.
 *
 * <p>Not thread-safe, like the aggregate state it is; pure otherwise (no clock, no I/O).
 */
public final class IndicatorEvidence {

    /** One recorded ambition level, as corrected; {@code correction} is the sequence of the last correction. */
    public record LevelEntry(DecisionReference decision, LocalDate effectiveFrom, AmbitionLevel level, long sequence,
                             Long correction) {
    }

    private record Sourced<T>(T value, long sequence) {
    }

    /** What a period's latest verdict was given against. */
    private record LastVerdict(VerdictInputs inputs, String principleVersion) {
    }

    private IndicatorKind kind;
    private Direction direction;
    private Long definition;
    private final List<LevelEntry> levels = new ArrayList<>();
    private final List<Sourced<TargetValueSet>> targets = new ArrayList<>();
    private final Map<String, Sourced<Observation>> observations = new TreeMap<>(Comparator.comparingInt(FollowUpPeriod::order));
    private final Map<String, LastVerdict> verdicts = new TreeMap<>(Comparator.comparingInt(FollowUpPeriod::order));
    private long lastSequence = -1;

    /** One of the indicator's events at its aggregate sequence number; events the principle does not use are ignored. */
    public void apply(Object event, long sequence) {
        lastSequence = Math.max(lastSequence, sequence);
        if (event instanceof IndicatorDefined e) {
            kind = e.kind();
            direction = e.direction();
            definition = sequence;
        } else if (event instanceof AmbitionLevelSet e) {
            levels.add(new LevelEntry(e.decision(), e.effectiveFrom(), e.ambitionLevel(), sequence, null));
        } else if (event instanceof AmbitionLevelCorrected e) {
            for (int i = levels.size() - 1; i >= 0; i--) {
                LevelEntry entry = levels.get(i);
                if (entry.decision().equals(e.corrects()) && entry.effectiveFrom().equals(e.effectiveFrom())) {
                    levels.set(i, new LevelEntry(entry.decision(), entry.effectiveFrom(), e.ambitionLevel(),
                            entry.sequence(), sequence));
                    break;
                }
            }
        } else if (event instanceof TargetValueSet e) {
            targets.add(new Sourced<>(e, sequence));
        } else if (event instanceof MeasurementRecorded e) {
            observations.put(e.period(), new Sourced<>(new Observation(e.period(), e.value(), e.done(), e.dataPeriod(),
                    e.referenceValues()), sequence));
        } else if (event instanceof FulfilmentComputed e) {
            verdicts.put(e.period(), new LastVerdict(e.inputs(), e.assessment().principleVersion()));
        }
    }

    /** The sequence number of the latest event applied. */
    public long lastSequence() {
        return lastSequence;
    }

    /** Every recorded ambition level, oldest first, as corrected. */
    public List<LevelEntry> ambitionLevels() {
        return Collections.unmodifiableList(levels);
    }

    /**
     * What the principle sees for a report period: the ambition level and målvärde in force on the day the
     * period reports on, and the latest observation of every period up to it.
     */
    public AssessmentInput input(String period) {
        LevelEntry level = levelInForce(period);
        Sourced<TargetValueSet> target = targetInForce(period);
        List<Observation> history = observations.entrySet().stream()
                .filter(o -> FollowUpPeriod.order(o.getKey()) <= FollowUpPeriod.order(period))
                .map(o -> o.getValue().value()).toList();
        return new AssessmentInput(period, level == null ? List.of() : level.level().rules(),
                level != null && level.level().ambiguous(), direction, kind,
                target == null ? null : target.value().value(), target == null ? null : target.value().year(), history);
    }

    /** The verdict for the period as the principle gives it now, with what it used and what triggered it. */
    public FulfilmentComputed compute(IndicatorId indicatorId, String period, VerdictTrigger trigger) {
        Decision decision = AssessmentPrinciple.decide(input(period));
        LevelEntry level = levelInForce(period);
        Sourced<TargetValueSet> target = targetInForce(period);
        VerdictInputs.Sources sources = new VerdictInputs.Sources(definition,
                level == null ? null : level.sequence(), level == null ? null : level.correction(),
                target == null ? null : target.sequence(), sequenceOf(decision.observation()),
                sequenceOf(decision.previous()));
        return new FulfilmentComputed(indicatorId, period, VerdictInputs.of(decision, sources),
                AssessmentNarrator.narrate(decision), trigger);
    }

    /**
     * The periods whose latest verdict was given against another level (rules, their reading or målvärde) or
     * another version of the principle than the one that applies now: the verdicts a change concerns. Oldest
     * period first.
     */
    public List<String> periodsToReassess() {
        List<String> periods = new ArrayList<>();
        verdicts.forEach((period, last) -> {
            if (!AssessmentPrinciple.VERSION.equals(last.principleVersion())
                    || !current(period).sameLevelAs(last.inputs())) {
                periods.add(period);
            }
        });
        return periods;
    }

    private VerdictInputs current(String period) {
        LevelEntry level = levelInForce(period);
        Sourced<TargetValueSet> target = targetInForce(period);
        return new VerdictInputs(period, level == null ? List.of() : level.level().rules(),
                level != null && level.level().ambiguous(), direction, kind,
                target == null ? null : target.value().value(), target == null ? null : target.value().year(),
                null, null, null);
    }

    private Long sequenceOf(Observation observation) {
        if (observation == null) {
            return null;
        }
        Sourced<Observation> sourced = observations.get(observation.period());
        return sourced == null ? null : sourced.sequence();
    }

    /** The latest entry effective on the period's report date; of two from the same day, the later recorded. */
    private LevelEntry levelInForce(String period) {
        LocalDate reportDate = FollowUpPeriod.endDate(period);
        LevelEntry found = null;
        for (LevelEntry entry : levels) {
            if (!entry.effectiveFrom().isAfter(reportDate)
                    && (found == null || !entry.effectiveFrom().isBefore(found.effectiveFrom()))) {
                found = entry;
            }
        }
        return found;
    }

    private Sourced<TargetValueSet> targetInForce(String period) {
        LocalDate reportDate = FollowUpPeriod.endDate(period);
        Sourced<TargetValueSet> found = null;
        for (Sourced<TargetValueSet> entry : targets) {
            if (!entry.value().effectiveFrom().isAfter(reportDate)
                    && (found == null || !entry.value().effectiveFrom().isBefore(found.value().effectiveFrom()))) {
                found = entry;
            }
        }
        return found;
    }
}
