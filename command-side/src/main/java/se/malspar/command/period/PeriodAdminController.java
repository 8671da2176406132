package se.malspar.command.period;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.command.admin.AdminCommands;
import se.malspar.command.admin.AdminHeaders;
import se.malspar.command.admin.SourceRequest;
import se.malspar.command.programme.Accepted;
import se.malspar.command.programme.ETags;
import se.malspar.kernel.programme.measurement.ClosePeriod;
import se.malspar.kernel.programme.measurement.PeriodId;
import se.malspar.kernel.programme.measurement.ReopenPeriod;

import static se.malspar.command.admin.AdminCommands.decision;
import static se.malspar.platform.web.Fields.parse;

/** Closing and reopening follow-up periods (API.md, closed periods). */
@RestController
@RequestMapping(path = "/api/admin/periods", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Follow-up periods (admin)", description = "Closing a follow-up period on a decision, and reopening it")
class PeriodAdminController {

    private static final String PERIOD = "2021-T1, 2021-T2 or 2021-AR (the annual report)";
    private static final String DECISION = "The decision that closes or reopens it: citation or id, e.g. 'KF 2022-04-25 § 40'";

    private final AdminCommands commands;

    PeriodAdminController(AdminCommands commands) {
        this.commands = commands;
    }

    @Schema(example = """
            {"decision": "KF 2022-04-25 § 40"}""")
    record ClosePeriodRequest(@Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                              @Valid SourceRequest source) {
    }

    @Schema(example = """
            {"decision": "KS 2022-05-11 § 90", "reason": "SCB rättade valdeltagandet för 2021 efter årsredovisningen"}""")
    record ReopenPeriodRequest(@Schema(description = DECISION) @NotBlank @Size(max = 64) String decision,
                               @Schema(description = "Why the closed period is opened again") @NotBlank @Size(max = 2000)
                               String reason,
                               @Valid SourceRequest source) {
    }

    @Operation(summary = "Close a follow-up period (ClosePeriod, KF or KS)",
            description = "From then on a measurement or assessment for the period is refused with 422 PERIOD_CLOSED, "
                    + "and a Kolada import for it records nothing and lists it in skipped. Closing a closed period: "
                    + "422 PERIOD_ALREADY_CLOSED.")
    @PostMapping(path = "/{period}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> closePeriod(@Parameter(description = PERIOD, example = "2021-AR") @PathVariable String period,
                                         @Valid @RequestBody ClosePeriodRequest request,
                                         AdminHeaders.Write headers) {
        return ETags.ok(commands.send(new ClosePeriod(periodId(period), decision(request.decision())), headers,
                request.source()));
    }

    @Operation(summary = "Reopen a closed follow-up period (ReopenPeriod, KF or KS), with a reason",
            description = "Reopening an open period: 422 PERIOD_NOT_CLOSED; without a reason: 400 naming reason.")
    @PostMapping(path = "/{period}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> reopenPeriod(@Parameter(description = PERIOD, example = "2021-AR") @PathVariable String period,
                                          @Valid @RequestBody ReopenPeriodRequest request,
                                          AdminHeaders.Write headers) {
        return ETags.ok(commands.send(new ReopenPeriod(periodId(period), decision(request.decision()),
                request.reason()), headers, request.source()));
    }

    private static PeriodId periodId(String period) {
        return parse(period, "period", PeriodId::of);
    }
}
