package se.malspar.command.decision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.command.admin.AdminCommands;
import se.malspar.command.admin.AdminHeaders;
import se.malspar.kernel.decision.AdoptDecision;
import se.malspar.kernel.decision.Citation;
import se.malspar.kernel.decision.CorrectDecision;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.MeetingDate;
import se.malspar.kernel.decision.RegisterDecision;
import se.malspar.platform.web.Fields;
import se.malspar.platform.web.InvalidFieldException;

import java.net.URI;

@RestController
@RequestMapping(path = "/api/admin/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Decisions (admin)", description = "The decision register: every change of the programme names one of these")
class DecisionAdminController {

    private final AdminCommands commands;

    DecisionAdminController(AdminCommands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Register a decision (a minute paragraph)",
            description = "201 with the canonical citation and id; 400 for a malformed or lookalike citation; "
                    + "409 DUPLICATE_DECISION when it is already registered. Without § or with a month-only "
                    + "date the decision is accepted and marked incomplete.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DecisionEntry> register(@Valid @RequestBody RegisterDecisionRequest request,
                                           AdminHeaders.Write headers) {
        Citation citation = request.toCitation();
        DecisionEntry entry = commands.send(new RegisterDecision(citation.decisionId(), citation,
                request.caseNumber(), request.title(), request.protocolUrl(), request.effectiveFrom(), request.note(), request.status()), headers, request.source());
        return ResponseEntity.created(URI.create("/api/decisions/" + entry.decisionId())).body(entry);
    }

    @Operation(summary = "Correct an entry error in the register",
            description = "Kept as a correction with its reason, never as a new decision. 404 for an unknown "
                    + "decision; 422 NOTHING_TO_CORRECT when nothing changes.")
    @PostMapping(path = "/{decisionId}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    DecisionEntry correct(@PathVariable String decisionId, @Valid @RequestBody CorrectDecisionRequest request,
                          AdminHeaders.Write headers) {
        DecisionId id = Fields.parse(decisionId, "decisionId", DecisionId::of);
        MeetingDate meetingDate = request.meetingDate() == null ? null
                : Fields.parse(request.meetingDate(), "meetingDate", MeetingDate::parse);
        if (request.paragraph() != null && (request.paragraph() < 1 || request.paragraph() > 9999)) {
            throw new InvalidFieldException("paragraph", "must be between 1 and 9999");
        }
        return commands.send(new CorrectDecision(id, meetingDate, request.paragraph(), request.caseNumber(),
                request.title(), request.protocolUrl(), request.effectiveFrom(), request.reason()), headers);
    }

    @Operation(summary = "Record that a planned decision was adopted",
            description = "Its own recorded step (DecisionAdopted), with the day and what shows it (the adopting "
                    + "paragraph or paper). 404 for an unknown decision; 422 DECISION_ALREADY_ADOPTED when it is adopted.")
    @PostMapping(path = "/{decisionId}/adoption", consumes = MediaType.APPLICATION_JSON_VALUE)
    DecisionEntry adopt(@PathVariable String decisionId, @Valid @RequestBody AdoptDecisionRequest request,
                        AdminHeaders.Write headers) {
        DecisionId id = Fields.parse(decisionId, "decisionId", DecisionId::of);
        return commands.send(new AdoptDecision(id, request.adoptedOn(), request.adoptedBy(), request.note()), headers);
    }
}
