package se.malspar.command.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.command.admin.AdminCommands;
import se.malspar.command.admin.AdminHeaders;
import se.malspar.kernel.ambition.AmbitionRule;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.fulfilment.AssessFulfilment;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.Ids;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ambition.CorrectAmbitionLevel;
import se.malspar.kernel.programme.ambition.SetAmbitionLevel;
import se.malspar.kernel.programme.ambition.SetTargetValue;
import se.malspar.kernel.programme.indicator.ChangeIndicatorSource;
import se.malspar.kernel.programme.indicator.DefineIndicator;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.indicator.RetireIndicator;
import se.malspar.kernel.programme.measurement.RecordMeasurement;
import se.malspar.platform.web.InvalidFieldException;

import java.util.List;

import static se.malspar.command.admin.AdminCommands.decision;
import static se.malspar.platform.web.Fields.parse;

/** Indicators (mätvärden): definition, ambition levels, target values, measurements. */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Indicators (admin)", description = "Indicators, ambition levels, target values and measurements")
class IndicatorAdminController {

    private final AdminCommands commands;

    IndicatorAdminController(AdminCommands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Define an indicator under a delmål (KS)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/delmal/{delmalId}/indicators", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> defineIndicator(@PathVariable String delmalId,
                                             @Valid @RequestBody ProgrammeRequests.DefineIndicatorRequest request,
                                             AdminHeaders.Write headers) {
        DelmalId delmal = parse(delmalId, "delmalId", DelmalId::of);
        IndicatorId indicator = request.indicatorId() != null
                ? parse(request.indicatorId(), "indicatorId", IndicatorId::of)
                : parse(Ids.slug(delmal.value(), request.name()), "name", IndicatorId::of);
        Accepted accepted = commands.send(new DefineIndicator(indicator, delmal, request.name(), request.unit(),
                request.kind(), request.direction(), request.politicallyDecidedTarget(), request.source(),
                decision(request.decision()), start(request.effectiveFrom()), request.note(), request.directionBasis(),
                request.directionReason(), precision(request.effectiveFrom())), headers, request.documentSource());
        return ETags.created(accepted, "/api/indicators/" + indicator + "/history");
    }

    @Operation(summary = "Set or change where an indicator's values come from (ChangeIndicatorSource)",
            description = "A Kolada KPI, a survey or manual entry. Målspår's own mapping, not a board decision: it "
                    + "carries a reason, and the user is recorded; it shows in the indicator's history as SOURCE. "
                    + "The Kolada import records on the indicators whose source names the KPI.")
    @PutMapping(path = "/indicators/{indicatorId}/source", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> changeIndicatorSource(@PathVariable String indicatorId,
                                                   @Valid @RequestBody ProgrammeRequests.ChangeSourceRequest request,
                                                   AdminHeaders.Change headers) {
        return ETags.ok(commands.send(new ChangeIndicatorSource(indicator(indicatorId),
                new IndicatorSource(request.kind(), request.kpi()), request.reason(), headers.expectedVersion()), headers));
    }

    @Operation(summary = "Retire an indicator (KS)")
    @PostMapping(path = "/indicators/{indicatorId}/retire", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> retireIndicator(@PathVariable String indicatorId,
                                             @Valid @RequestBody ProgrammeRequests.RetireRequest request,
                                             AdminHeaders.Change headers) {
        return ETags.ok(commands.send(new RetireIndicator(indicator(indicatorId), decision(request.decision()),
                request.effectiveFrom(), headers.expectedVersion()), headers, request.source()));
    }

    @Operation(summary = "Set the ambition level decided for an indicator (SetAmbitionLevel, KS)",
            description = "The verbatim text is always kept and read into structured rules; a reading the text "
                    + "leaves open (e.g. '%': procent or procentenheter) is stored as ambiguous. Rules you send are "
                    + "checked against the text (422 AMBITION_RULE_CONFLICT). If-Match guards against lost updates (412).")
    @PutMapping(path = "/indicators/{indicatorId}/ambition-level", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> setAmbitionLevel(@PathVariable String indicatorId,
                                              @Valid @RequestBody ProgrammeRequests.SetAmbitionLevelRequest request,
                                              AdminHeaders.Change headers) {
        return ETags.ok(commands.send(new SetAmbitionLevel(indicator(indicatorId), request.text(),
                rules(request.rule(), request.rules()), decision(request.decision()), start(request.effectiveFrom()),
                headers.expectedVersion(), request.status(), request.targetGroup(), precision(request.effectiveFrom())),
                headers, request.source()));
    }

    @Operation(summary = "Correct an entry error in a recorded ambition level",
            description = "A correction carries a reason and no decision; it is shown as a correction in every history.")
    @PostMapping(path = "/indicators/{indicatorId}/ambition-level/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> correctAmbitionLevel(@PathVariable String indicatorId,
                                                  @Valid @RequestBody ProgrammeRequests.CorrectAmbitionLevelRequest request,
                                                  AdminHeaders.Change headers) {
        DecisionId corrects = request.correctsDecision() == null ? null : decisionField(request.correctsDecision());
        return ETags.ok(commands.send(new CorrectAmbitionLevel(indicator(indicatorId), corrects, request.text(),
                rules(request.rule(), request.rules()), request.reason(), headers.expectedVersion()), headers, request.source()));
    }

    @Operation(summary = "Set the target value (målvärde) decided for an indicator (SetTargetValue, KS)")
    @PutMapping(path = "/indicators/{indicatorId}/target-value", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> setTargetValue(@PathVariable String indicatorId,
                                            @Valid @RequestBody ProgrammeRequests.SetTargetValueRequest request,
                                            AdminHeaders.Change headers) {
        return ETags.ok(commands.send(new SetTargetValue(indicator(indicatorId), request.value(), request.year(),
                decision(request.decision()), request.effectiveFrom(), headers.expectedVersion()), headers, request.source()));
    }

    @Operation(summary = "Record a measurement for a follow-up period (RecordMeasurement)",
            description = "Not a decision. A later measurement for the same period supersedes the earlier one; both stay. "
                    + "If-Match (the indicator's ETag) refuses it with 412 when the indicator changed since.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/indicators/{indicatorId}/measurements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> recordMeasurement(@PathVariable String indicatorId,
                                               @Valid @RequestBody ProgrammeRequests.RecordMeasurementRequest request,
                                               AdminHeaders.Change headers) {
        IndicatorId indicator = indicator(indicatorId);
        Accepted accepted = commands.send(new RecordMeasurement(indicator, request.period(), request.value(),
                request.done(), request.dataPeriod(), request.referenceValues(), request.source(), request.note(),
                headers.expectedVersion()), headers);
        return ETags.created(accepted, "/api/indicators/" + indicator + "/history");
    }

    @Operation(summary = "Assess fulfilment for a period by human judgement (AssessFulfilment)",
            description = "Overrides the computed verdict with a motivation (and a KS decision when KS decided it); "
                    + "both stay visible in /api/indicators/{id}/fulfilment.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/indicators/{indicatorId}/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> assessFulfilment(@PathVariable String indicatorId,
                                              @Valid @RequestBody ProgrammeRequests.AssessFulfilmentRequest request,
                                              AdminHeaders.Change headers) {
        IndicatorId indicator = indicator(indicatorId);
        Accepted accepted = commands.send(new AssessFulfilment(indicator, request.period(), request.status(),
                request.motivation(), request.decision() == null ? null : decision(request.decision()),
                headers.expectedVersion()), headers);
        return ETags.created(accepted, "/api/indicators/" + indicator + "/fulfilment?period=" + request.period());
    }

    private static IndicatorId indicator(String indicatorId) {
        return parse(indicatorId, "indicatorId", IndicatorId::of);
    }

    private static DecisionId decisionField(String reference) {
        try {
            return decision(reference);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException("correctsDecision", e.getMessage());
        }
    }

    /** {@code rule} (one) or {@code rules} (several), not both; null when the reader is to read the text. */
    private static List<AmbitionRule> rules(AmbitionRule rule, List<AmbitionRule> rules) {
        if (rule != null && rules != null) {
            throw new InvalidFieldException("rule", "give either 'rule' or 'rules', not both");
        }
        if (rules != null && (rules.isEmpty() || rules.stream().anyMatch(java.util.Objects::isNull))) {
            throw new InvalidFieldException("rules", "must be a non-empty list of rules when given");
        }
        return rule != null ? List.of(rule) : rules;
    }

    /** The first day of an effectiveFrom given as YYYY-MM-DD, YYYY-MM or YYYY (a paper's month or year). */
    private static java.time.LocalDate start(String effectiveFrom) {
        var dated = se.malspar.kernel.common.DatePrecision.parse(effectiveFrom, "effectiveFrom");
        return dated == null ? null : dated.start();
    }

    private static se.malspar.kernel.common.DatePrecision precision(String effectiveFrom) {
        var dated = se.malspar.kernel.common.DatePrecision.parse(effectiveFrom, "effectiveFrom");
        return dated == null ? null : dated.precision();
    }
}
