package se.malspar.query.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.kernel.programme.FindFulfilment;
import se.malspar.kernel.programme.FindIndicatorHistory;
import se.malspar.kernel.programme.FollowUpPeriod;
import se.malspar.kernel.programme.FindProgrammeDiff;
import se.malspar.kernel.programme.FindProgrammeTree;
import se.malspar.kernel.programme.FindProgrammes;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.measurement.FindPeriodStates;
import se.malspar.platform.web.InvalidFieldException;
import se.malspar.query.period.PeriodState;
import se.malspar.platform.web.NotFoundException;

import static se.malspar.platform.web.Fields.parse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programme", description = "The programme as in force on any date, as recorded at any instant")
class ProgrammeReadController {

    private final QueryGateway queries;
    private final Clock clock;

    ProgrammeReadController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Operation(summary = "Every programme in the register")
    @GetMapping("/programmes")
    List<ProgrammeSummary> programmes() {
        return queries.query(new FindProgrammes(), ResponseTypes.multipleInstancesOf(ProgrammeSummary.class)).join();
    }

    @Operation(summary = "The goal tree in force on validAt, as recorded by knownAt",
            description = "Goals, delmål, indicators with the ambition level and target value in force and the latest "
                    + "measurement; every node names its decision. periods: the state (OPEN, CLOSED) of every follow-up "
                    + "period ever closed and of the period shown, as recorded by knownAt. validAt defaults to today, knownAt to now.")
    @GetMapping("/programmes/{programmeId}")
    ProgrammeTree tree(@PathVariable String programmeId,
                       @Parameter(example = "2022-03-10") @RequestParam(required = false) LocalDate validAt,
                       @Parameter(example = "2026-11-22T10:15:30Z") @RequestParam(required = false) Instant knownAt,
                       @Parameter(description = "Report period of the fulfilment shown; default the latest with a verdict",
                               example = "2022-T2") @RequestParam(required = false) String period) {
        ProgrammeId id = parse(programmeId, "programmeId", ProgrammeId::of);
        Instant known = knownAt != null ? knownAt : clock.instant();
        return queries.query(new FindProgrammeTree(id, validAt != null ? validAt : LocalDate.now(clock),
                        known, period(period)),
                        ResponseTypes.optionalInstanceOf(ProgrammeTree.class))
                .join().map(tree -> tree.withPeriods(periodStates(known)))
                .orElseThrow(() -> new NotFoundException("no programme " + id + " (as recorded by then)"));
    }

    @Operation(summary = "What changed in force between two dates, each change with its decision",
            description = "Added, retired, renamed, ambition level and target value changes, as recorded by knownAt (default now).")
    @GetMapping("/programmes/{programmeId}/diff")
    ProgrammeDiff diff(@PathVariable String programmeId,
                       @Parameter(example = "2021-06-01") @RequestParam LocalDate from,
                       @Parameter(example = "2022-03-10") @RequestParam LocalDate to,
                       @RequestParam(required = false) Instant knownAt) {
        ProgrammeId id = parse(programmeId, "programmeId", ProgrammeId::of);
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before 'from'");
        }
        return queries.query(new FindProgrammeDiff(id, from, to, knownAt != null ? knownAt : clock.instant()),
                        ResponseTypes.optionalInstanceOf(ProgrammeDiff.class))
                .join().orElseThrow(() -> new NotFoundException("no programme " + id));
    }

    @Operation(summary = "Every version of an indicator: definition, ambition levels, target values, measurements",
            description = "With decision, effectiveFrom, validTo, recordedAt, recordedBy; corrections marked as corrections "
                    + "and what they superseded. Verdicts are listed without their inputs and steps; "
                    + "GET /api/indicators/{indicatorId}/fulfilment?period= gives them for a period.")
    @GetMapping("/indicators/{indicatorId}/history")
    IndicatorHistory history(@PathVariable String indicatorId) {
        IndicatorId id = parse(indicatorId, "indicatorId", IndicatorId::of);
        return queries.query(new FindIndicatorHistory(id), ResponseTypes.optionalInstanceOf(IndicatorHistory.class))
                .join().map(history -> history.withPeriods(periodStates(clock.instant())))
                .orElseThrow(() -> new NotFoundException("no indicator " + id));
    }

    /** The follow-up periods' own read model (closed, reopened), beside the programme's. */
    private List<PeriodState> periodStates(Instant knownAt) {
        return queries.query(new FindPeriodStates(knownAt), ResponseTypes.multipleInstancesOf(PeriodState.class)).join();
    }

    @Operation(summary = "Fulfilment of an indicator for a report period: status, rule version, inputs, explanation",
            description = "The computed verdict with the principle's version, the inputs used and a plain-language "
                    + "explanation in Swedish and English (why red), and a human assessment that overrides it; "
                    + "every earlier version stays listed. period defaults to the latest period with a verdict.")
    @GetMapping("/indicators/{indicatorId}/fulfilment")
    IndicatorFulfilment fulfilment(@PathVariable String indicatorId,
                                   @Parameter(example = "2022-T2") @RequestParam(required = false) String period) {
        IndicatorId id = parse(indicatorId, "indicatorId", IndicatorId::of);
        return queries.query(new FindFulfilment(id, period(period)), ResponseTypes.optionalInstanceOf(IndicatorFulfilment.class))
                .join().orElseThrow(() -> new NotFoundException("no indicator " + id));
    }

    private static String period(String period) {
        if (period != null && !FollowUpPeriod.isValid(period)) {
            throw new InvalidFieldException("period", "must be YYYY-T1, YYYY-T2 or YYYY-AR");
        }
        return period;
    }

}
