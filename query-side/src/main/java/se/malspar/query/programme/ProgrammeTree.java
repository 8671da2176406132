package se.malspar.query.programme;

import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.query.ambitionreview.AmbitionReview;
import se.malspar.query.goallinks.GoalLinks;
import se.malspar.query.period.PeriodState;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The goal tree as in force on {@code validAt} according to what was recorded by {@code knownAt}.
 * Every node names the decision it stands on; {@code inForce} is false when the programme itself
 * had not taken effect on {@code validAt}. Lists are ordered by id. Fulfilment is shown for
 * {@code fulfilmentPeriod}; a delmål's and a goal's verdict are combined from their children by
 * the assessment principle's stated rule.
 *
 * <p>A programme, goal or delmål whose paper gives its date only to the month or year has
 * {@code effectiveFrom} = the interval's first day, {@code effectiveFromWritten} as the paper gives
 * it ("2020-10") and {@code effectiveFromPrecision} MONTH|YEAR; on a {@code validAt} inside that
 * interval it is {@code certainty: UNCERTAIN} (in force at some day of it, not shown which), after it CERTAIN.
 */
public record ProgrammeTree(String programmeId, String name, String ownerOrgan, LocalDate validAt, Instant knownAt,
                            boolean inForce, LocalDate effectiveFrom, DecisionReference decision,
                            String fulfilmentPeriod, List<Goal> goals, String effectiveFromWritten,
                            String effectiveFromPrecision, String certainty, AmbitionReview ambitionReview,
                            List<PeriodState> periods) {

    /** Without an ambition review under way or the periods' states: the read API adds them. */
    public ProgrammeTree(String programmeId, String name, String ownerOrgan, LocalDate validAt, Instant knownAt,
                         boolean inForce, LocalDate effectiveFrom, DecisionReference decision,
                         String fulfilmentPeriod, List<Goal> goals, String effectiveFromWritten,
                         String effectiveFromPrecision, String certainty) {
        this(programmeId, name, ownerOrgan, validAt, knownAt, inForce, effectiveFrom, decision, fulfilmentPeriod, goals,
                effectiveFromWritten, effectiveFromPrecision, certainty, null, List.of());
    }

    /**
     * With the review of the ambition levels under way on {@code validAt} (omarbetning, e.g. after
     * KSAU 2022-02-23 § 38), or null; and each goal with the delmål count its paper states.
     */
    public ProgrammeTree withAmbitionReview(AmbitionReview review, java.util.function.Function<Goal, Goal> goal) {
        return new ProgrammeTree(programmeId, name, ownerOrgan, validAt, knownAt, inForce, effectiveFrom, decision,
                fulfilmentPeriod, goals.stream().map(goal).toList(), effectiveFromWritten, effectiveFromPrecision,
                certainty, review, periods);
    }

    /** The same tree with each goal's Barnkonventionen articles and contributions (read from their own tables). */
    public ProgrammeTree withLinks(GoalLinks links) {
        List<String> ids = goals.stream().map(Goal::goalId).toList();
        Map<String, GoalLinks.ChildRights> rights = links.childRights(ids, validAt, knownAt);
        Map<String, List<String>> contributions = links.contributions(ids);
        return new ProgrammeTree(programmeId, name, ownerOrgan, validAt, knownAt, inForce, effectiveFrom, decision,
                fulfilmentPeriod, goals.stream().map(g -> g.withLinks(rights.get(g.goalId()),
                contributions.get(g.goalId()))).toList(), effectiveFromWritten, effectiveFromPrecision, certainty,
                ambitionReview, periods);
    }

    /**
     * With the state of every follow-up period that was ever closed and of {@code fulfilmentPeriod}, as
     * recorded by {@code knownAt} (a period not listed is open).
     */
    public ProgrammeTree withPeriods(List<PeriodState> states) {
        return new ProgrammeTree(programmeId, name, ownerOrgan, validAt, knownAt, inForce, effectiveFrom, decision,
                fulfilmentPeriod, goals, effectiveFromWritten, effectiveFromPrecision, certainty, ambitionReview,
                PeriodState.covering(states, fulfilmentPeriod == null ? List.of() : List.of(fulfilmentPeriod)));
    }

    /** Taking effect on a known day: certain whenever in force. */
    public ProgrammeTree(String programmeId, String name, String ownerOrgan, LocalDate validAt, Instant knownAt,
                         boolean inForce, LocalDate effectiveFrom, DecisionReference decision,
                         String fulfilmentPeriod, List<Goal> goals) {
        this(programmeId, name, ownerOrgan, validAt, knownAt, inForce, effectiveFrom, decision, fulfilmentPeriod, goals,
                effectiveFrom == null ? null : effectiveFrom.toString(), "DAY", inForce ? "CERTAIN" : null);
    }

    /**
     * {@code childRights}: the Barnkonventionen articles in force, with their decision (null when none is
     * linked); {@code contributesTo}: the goals of other programmes it contributes to (KS's own goals name KF goals);
     * {@code delmalNamed}: how many delmål the tree shows; {@code delmalStated}: how many a paper says
     * the goal has (seed 000: four per goal), null when no paper states a count.
     */
    public record Goal(String goalId, String name, String goalArea, LocalDate effectiveFrom,
                       DecisionReference decision, String fulfilment, List<Delmal> delmal, String effectiveFromWritten,
                       String effectiveFromPrecision, String certainty, GoalLinks.ChildRights childRights,
                       List<String> contributesTo, Integer delmalNamed, Integer delmalStated) {

        public Goal(String goalId, String name, String goalArea, LocalDate effectiveFrom, DecisionReference decision,
                    String fulfilment, List<Delmal> delmal, String effectiveFromWritten, String effectiveFromPrecision,
                    String certainty) {
            this(goalId, name, goalArea, effectiveFrom, decision, fulfilment, delmal, effectiveFromWritten,
                    effectiveFromPrecision, certainty, null, List.of(), delmal.size(), null);
        }

        public Goal withLinks(GoalLinks.ChildRights rights, List<String> contributions) {
            return new Goal(goalId, name, goalArea, effectiveFrom, decision, fulfilment, delmal, effectiveFromWritten,
                    effectiveFromPrecision, certainty, rights, contributions == null ? List.of() : contributions,
                    delmalNamed, delmalStated);
        }

        public Goal withDelmalStated(Integer stated) {
            return new Goal(goalId, name, goalArea, effectiveFrom, decision, fulfilment, delmal, effectiveFromWritten,
                    effectiveFromPrecision, certainty, childRights, contributesTo, delmal.size(), stated);
        }

        public Goal(String goalId, String name, String goalArea, LocalDate effectiveFrom, DecisionReference decision,
                    String fulfilment, List<Delmal> delmal) {
            this(goalId, name, goalArea, effectiveFrom, decision, fulfilment, delmal, effectiveFrom.toString(), "DAY",
                    "CERTAIN");
        }
    }

    /** {@code renamedBy} is the decision behind the name in force, when it is not the original one. */
    public record Delmal(String delmalId, String name, String description, LocalDate effectiveFrom,
                         DecisionReference decision, DecisionReference renamedBy, String fulfilment,
                         List<Indicator> indicators, String effectiveFromWritten, String effectiveFromPrecision,
                         String certainty) {

        public Delmal(String delmalId, String name, String description, LocalDate effectiveFrom,
                      DecisionReference decision, DecisionReference renamedBy, String fulfilment,
                      List<Indicator> indicators) {
            this(delmalId, name, description, effectiveFrom, decision, renamedBy, fulfilment, indicators,
                    effectiveFrom.toString(), "DAY", "CERTAIN");
        }
    }

    /**
     * {@code kind} PLANNED: named by the papers but not finished (never measured or assessed).
     * {@code directionBasis} DECIDED or ASSUMED, with {@code directionReason} when assumed. Its date as
     * written, at DAY|MONTH|YEAR precision, UNCERTAIN on a validAt inside that interval.
     */
    public record Indicator(String indicatorId, String name, String unit, String kind, String direction,
                            boolean politicallyDecidedTarget, IndicatorSource source, LocalDate effectiveFrom,
                            DecisionReference decision, String note, Ambition ambitionLevel, Target targetValue,
                            Measurement latestMeasurement, Fulfilment fulfilment, String directionBasis,
                            String directionReason, String effectiveFromWritten, String effectiveFromPrecision,
                            String certainty) {

        public Indicator(String indicatorId, String name, String unit, String kind, String direction,
                         boolean politicallyDecidedTarget, IndicatorSource source, LocalDate effectiveFrom,
                         DecisionReference decision, String note, Ambition ambitionLevel, Target targetValue,
                         Measurement latestMeasurement, Fulfilment fulfilment) {
            this(indicatorId, name, unit, kind, direction, politicallyDecidedTarget, source, effectiveFrom, decision, note,
                    ambitionLevel, targetValue, latestMeasurement, fulfilment, "DECIDED", null,
                    effectiveFrom == null ? null : effectiveFrom.toString(), "DAY", "CERTAIN");
        }
    }

    /**
     * The verdict of the period: a human assessment when there is one ({@code source} HUMAN, with
     * its motivation), otherwise the computed one; {@code computed} is the principle's verdict either way.
     */
    public record Fulfilment(String period, String status, String source, String computed, boolean carriedForward,
                             String principleVersion, String explanationSv, String explanationEn, String motivation) {
    }

    /**
     * The ambition level in force; {@code corrected} when the entry was corrected after it was first
     * recorded; {@code status} SET, or TO_BE_DISCUSSED (the paper leaves the level to dialogue: no rule);
     * its date as written, at DAY|MONTH|YEAR precision, and UNCERTAIN on a validAt inside that interval.
     */
    public record Ambition(String text, List<AmbitionRule> rules, Integer targetYear, boolean ambiguous,
                           List<String> findings, String rulesSource, LocalDate effectiveFrom,
                           DecisionReference decision, boolean corrected, String status, String effectiveFromWritten,
                           String effectiveFromPrecision, String certainty) {

        public Ambition(String text, List<AmbitionRule> rules, Integer targetYear, boolean ambiguous,
                        List<String> findings, String rulesSource, LocalDate effectiveFrom,
                        DecisionReference decision, boolean corrected) {
            this(text, rules, targetYear, ambiguous, findings, rulesSource, effectiveFrom, decision, corrected, "SET",
                    effectiveFrom == null ? null : effectiveFrom.toString(), "DAY", "CERTAIN");
        }
    }

    public record Target(BigDecimal value, int year, LocalDate effectiveFrom, DecisionReference decision) {
    }

    public record Measurement(String period, BigDecimal value, Boolean done, String dataPeriod,
                              Map<String, BigDecimal> referenceValues, MeasurementSource source, Instant recordedAt) {
    }
}
