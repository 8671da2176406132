package se.malspar.query.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.FindProgrammeDiff;
import se.malspar.kernel.programme.FindProgrammeTree;
import se.malspar.kernel.programme.FindProgrammes;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.ambition.FindAmbitionReviews;
import se.malspar.kernel.programme.indicator.FindIndicatorHistory;
import se.malspar.kernel.programme.measurement.FindFulfilment;
import se.malspar.kernel.programme.measurement.FindPeriodStates;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;
import se.malspar.kernel.programme.structure.FindStatedDelmalCounts;
import se.malspar.platform.web.InvalidFieldException;
import se.malspar.platform.web.NotFoundException;
import se.malspar.query.ambitionreview.AmbitionReview;
import se.malspar.query.delmalcount.StatedDelmalCount;
import se.malspar.query.etag.ReadModelPositions;
import se.malspar.query.goallinks.GoalLinks;
import se.malspar.query.period.PeriodState;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static se.malspar.platform.web.Fields.parse;

@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programme", description = "The programme as in force on any date, as recorded at any instant")
class ProgrammeReadController {

    /** The read model every answer here is built from (its position is the ETag's). */
    private static final List<String> READ_MODEL = List.of(ProgrammeProjection.GROUP);
    /** The tree also shows the goals' links (Barnkonventionen, contributions), a read model of its own. */
    private static final List<String> TREE_READ_MODELS = List.of(ProgrammeProjection.GROUP, GoalLinks.READ_MODEL,
            AmbitionReview.READ_MODEL, StatedDelmalCount.READ_MODEL, PeriodState.READ_MODEL);
    /** Diff and histories also show the ambition reviews (omarbetning) under way. */
    private static final List<String> WITH_REVIEWS = List.of(ProgrammeProjection.GROUP, AmbitionReview.READ_MODEL,
            PeriodState.READ_MODEL);

    private final QueryGateway queries;
    private final Clock clock;
    private final GoalLinks goalLinks;
    private final VerdictEvents verdictEvents;
    private final ReadModelPositions positions;

    ProgrammeReadController(QueryGateway queries, Clock clock, GoalLinks goalLinks, VerdictEvents verdictEvents,
                            ReadModelPositions positions) {
        this.queries = queries;
        this.clock = clock;
        this.goalLinks = goalLinks;
        this.verdictEvents = verdictEvents;
        this.positions = positions;
    }

    @Operation(summary = "Every programme in the register")
    @GetMapping("/programmes")
    ResponseEntity<List<ProgrammeSummary>> programmes(HttpServletRequest request) {
        return positions.storedAnswer(request, READ_MODEL, "", () -> queries.query(new FindProgrammes(),
                ResponseTypes.multipleInstancesOf(ProgrammeSummary.class)).join());
    }

    @Operation(summary = "The goal tree in force on validAt, as recorded by knownAt",
            description = "Goals, delmål, indicators with the ambition level and target value in force and the latest "
                    + "measurement; every node names its decision. validAt defaults to today, knownAt to now. "
                    + "documentedBy: only what papers dated up to that day say (no measurements or fulfilment). "
                    + "goal / delmal: only that goal or delmål of the tree. periods: the state (OPEN, CLOSED) of every "
                    + "follow-up period ever closed and of the period shown, as recorded by knownAt. Answers carry an "
                    + "ETag; If-None-Match gets 304 while the read models have not changed.")
    @GetMapping("/programmes/{programmeId}")
    ResponseEntity<ProgrammeTree> tree(@PathVariable String programmeId,
                                       @Parameter(example = "2022-03-10") @RequestParam(required = false) LocalDate validAt,
                                       @Parameter(example = "2026-11-22T10:15:30Z") @RequestParam(required = false) Instant knownAt,
                                       @Parameter(description = "Report period of the fulfilment shown; default the latest with a verdict",
                                               example = "2022-T2") @RequestParam(required = false) String period,
                                       @Parameter(example = "2022-01-01") @RequestParam(required = false) LocalDate documentedBy,
                                       @Parameter(description = "Only this goal of the tree") @RequestParam(required = false) String goal,
                                       @Parameter(description = "Only this delmål of the tree") @RequestParam(required = false) String delmal,
                                       HttpServletRequest request) {
        return scopedTree(programmeId, validAt, knownAt, period, documentedBy, goal, delmal, request);
    }

    @Operation(summary = "One goal of the tree (as GET /api/programmes/{programmeId}?goal=)")
    @GetMapping("/programmes/{programmeId}/goals/{goalId}")
    ResponseEntity<ProgrammeTree> goal(@PathVariable String programmeId, @PathVariable String goalId,
                                       @RequestParam(required = false) LocalDate validAt,
                                       @RequestParam(required = false) Instant knownAt,
                                       @RequestParam(required = false) String period,
                                       @RequestParam(required = false) LocalDate documentedBy,
                                       HttpServletRequest request) {
        return scopedTree(programmeId, validAt, knownAt, period, documentedBy, goalId, null, request);
    }

    @Operation(summary = "One delmål of the tree, under its goal (as GET /api/programmes/{programmeId}?delmal=)")
    @GetMapping("/programmes/{programmeId}/delmal/{delmalId}")
    ResponseEntity<ProgrammeTree> delmal(@PathVariable String programmeId, @PathVariable String delmalId,
                                         @RequestParam(required = false) LocalDate validAt,
                                         @RequestParam(required = false) Instant knownAt,
                                         @RequestParam(required = false) String period,
                                         @RequestParam(required = false) LocalDate documentedBy,
                                         HttpServletRequest request) {
        return scopedTree(programmeId, validAt, knownAt, period, documentedBy, null, delmalId, request);
    }

    private ResponseEntity<ProgrammeTree> scopedTree(String programmeId, LocalDate validAt, Instant knownAt, String period,
                                                     LocalDate documentedBy, String goal, String delmal,
                                                     HttpServletRequest request) {
        ProgrammeId id = parse(programmeId, "programmeId", ProgrammeId::of);
        GoalId goalId = goal == null ? null : parse(goal, "goal", GoalId::of);
        DelmalId delmalId = delmal == null ? null : parse(delmal, "delmal", DelmalId::of);
        LocalDate day = validAt != null ? validAt : LocalDate.now(clock);
        Instant known = knownAt != null ? knownAt : clock.instant();
        String checkedPeriod = period(period);
        // knownAt left out is "now": everything applied so far, which the read models' positions name.
        String query = "validAt=" + day + "&knownAt=" + knownAt + "&period=" + checkedPeriod + "&documentedBy="
                + documentedBy + "&goal=" + goalId + "&delmal=" + delmalId;
        return positions.storedAnswer(request, TREE_READ_MODELS, query, () -> {
            ProgrammeTree tree = queries.query(new FindProgrammeTree(id, day, known, checkedPeriod, documentedBy, goalId,
                                    delmalId),
                            ResponseTypes.optionalInstanceOf(ProgrammeTree.class))
                    .join().orElseThrow(() -> new NotFoundException("no programme " + id + " (as recorded by then)"))
                    .withLinks(goalLinks).withPeriods(periodStates(known));
            if ((goalId != null || delmalId != null) && tree.goals().isEmpty()) {
                throw new NotFoundException("no " + (delmalId != null ? "delmål " + delmalId : "goal " + goalId)
                        + " in force in programme " + id + " on " + day);
            }
            // From their own read models: the review under way on that day, and each goal's stated delmål count.
            List<StatedDelmalCount> counts = queries.query(new FindStatedDelmalCounts(id),
                    ResponseTypes.multipleInstancesOf(StatedDelmalCount.class)).join();
            return tree.withAmbitionReview(AmbitionReview.underWay(reviews(id, documentedBy), day, known), g -> {
                StatedDelmalCount stated = StatedDelmalCount.inForce(counts, g.goalId(), day, known);
                return g.withDelmalStated(stated == null ? null : stated.stated());
            });
        });
    }

    private List<AmbitionReview> reviews(ProgrammeId id, LocalDate documentedBy) {
        return AmbitionReview.documentedBy(queries.query(new FindAmbitionReviews(id),
                ResponseTypes.multipleInstancesOf(AmbitionReview.class)).join(), documentedBy);
    }

    @Operation(summary = "What changed in force between two dates, each change with its decision",
            description = "Added, retired, renamed, ambition level and target value changes, as recorded by knownAt "
                    + "(default now); documentedBy: as the papers dated up to that day tell it. An ADDED entry carries "
                    + "the entity's full state.")
    @GetMapping("/programmes/{programmeId}/diff")
    ResponseEntity<ProgrammeDiff> diff(@PathVariable String programmeId,
                                       @Parameter(example = "2021-06-01") @RequestParam LocalDate from,
                                       @Parameter(example = "2022-03-10") @RequestParam LocalDate to,
                                       @RequestParam(required = false) Instant knownAt,
                                       @Parameter(example = "2022-01-01") @RequestParam(required = false) LocalDate documentedBy,
                                       HttpServletRequest request) {
        ProgrammeId id = parse(programmeId, "programmeId", ProgrammeId::of);
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before 'from'");
        }
        String query = "from=" + from + "&to=" + to + "&knownAt=" + knownAt + "&documentedBy=" + documentedBy;
        return positions.storedAnswer(request, WITH_REVIEWS, query, () -> {
            Instant known = knownAt != null ? knownAt : clock.instant();
            ProgrammeDiff diff = queries.query(new FindProgrammeDiff(id, from, to, known, documentedBy),
                            ResponseTypes.optionalInstanceOf(ProgrammeDiff.class))
                    .join().orElseThrow(() -> new NotFoundException("no programme " + id));
            return diff.withAmbitionReviews(AmbitionReview.knownAt(reviews(id, documentedBy), known));
        });
    }

    @Operation(summary = "Every version of an indicator: definition, ambition levels, target values, measurements",
            description = "With decision, effectiveFrom, validTo, recordedAt, recordedBy; corrections marked as corrections "
                    + "and what they superseded. Verdicts are listed without their inputs and steps; "
                    + "GET /api/indicators/{indicatorId}/fulfilment?period= gives them for a period. documentedBy: only "
                    + "the versions papers dated up to that day give (no measurements or verdicts).")
    @GetMapping("/indicators/{indicatorId}/history")
    ResponseEntity<IndicatorHistory> history(@PathVariable String indicatorId,
                                             @Parameter(example = "2022-01-01") @RequestParam(required = false)
                                             LocalDate documentedBy,
                                             HttpServletRequest request) {
        IndicatorId id = parse(indicatorId, "indicatorId", IndicatorId::of);
        return positions.storedAnswer(request, WITH_REVIEWS, "documentedBy=" + documentedBy, () -> {
            IndicatorHistory history = queries.query(new FindIndicatorHistory(id, documentedBy),
                            ResponseTypes.optionalInstanceOf(IndicatorHistory.class))
                    .join().orElseThrow(() -> new NotFoundException("no indicator " + id)).resolved(verdictEvents)
                    .withPeriods(periodStates(clock.instant()));
            return history.programmeId() == null ? history
                    : history.withAmbitionReviews(reviews(ProgrammeId.of(history.programmeId()), documentedBy));
        });
    }

    /** The follow-up periods' own read model (closed, reopened), beside the programme's. */
    private List<PeriodState> periodStates(Instant knownAt) {
        return queries.query(new FindPeriodStates(knownAt), ResponseTypes.multipleInstancesOf(PeriodState.class)).join();
    }

    @Operation(summary = "Fulfilment of an indicator for a report period: status, rule version, inputs, explanation",
            description = "The computed verdict with the principle's version, the inputs used and a plain-language "
                    + "explanation in Swedish and English (why red), and a human assessment that overrides it; "
                    + "every earlier version stays listed, each with what triggered it; sourceEvents are the stored "
                    + "events the current verdict's inputs came from. A period without a measurement is NOT_ASSESSED "
                    + "with a reason. period defaults to the latest period with a verdict.")
    @GetMapping("/indicators/{indicatorId}/fulfilment")
    ResponseEntity<IndicatorFulfilment> fulfilment(@PathVariable String indicatorId,
                                                   @Parameter(example = "2022-T2") @RequestParam(required = false) String period,
                                                   HttpServletRequest request) {
        IndicatorId id = parse(indicatorId, "indicatorId", IndicatorId::of);
        String checkedPeriod = period(period);
        return positions.storedAnswer(request, READ_MODEL, "period=" + checkedPeriod, () -> queries.query(
                        new FindFulfilment(id, checkedPeriod), ResponseTypes.optionalInstanceOf(IndicatorFulfilment.class))
                .join().orElseThrow(() -> new NotFoundException("no indicator " + id)).resolved(verdictEvents));
    }

    private static String period(String period) {
        if (period != null && !FollowUpPeriod.isValid(period)) {
            throw new InvalidFieldException("period", "must be YYYY-T1, YYYY-T2 or YYYY-AR");
        }
        return period;
    }
}
