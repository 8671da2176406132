package se.malspar.command.consultation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.command.admin.AdminCommands;
import se.malspar.command.admin.AdminHeaders;
import se.malspar.command.programme.Accepted;
import se.malspar.command.programme.ETags;
import se.malspar.kernel.consultation.ConsultationId;
import se.malspar.kernel.consultation.ConsultationOutcome;
import se.malspar.kernel.consultation.LinkResponseToChange;
import se.malspar.kernel.consultation.OpenConsultation;
import se.malspar.kernel.consultation.RecordConsultationResponse;
import se.malspar.kernel.consultation.Respondent;

import static se.malspar.command.admin.AdminCommands.decision;
import static se.malspar.platform.web.Fields.parse;

/** Consultation rounds (remiss), their answers, and the changes the answers led to. */
@RestController
@RequestMapping(path = "/api/admin/consultations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Consultations (admin)", description = "Remiss rounds, remissvar and the changes they led to")
class ConsultationAdminController {

    private final AdminCommands commands;

    ConsultationAdminController(AdminCommands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Open a consultation round (remiss)",
            description = "decision and sentOn only when a paper gives them. 409 ALREADY_EXISTS for a known id.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> open(@Valid @RequestBody ConsultationRequests.OpenConsultationRequest request,
                                  AdminHeaders.Write headers) {
        ConsultationId id = parse(request.consultationId(), "consultationId", ConsultationId::of);
        Accepted accepted = commands.send(new OpenConsultation(id, request.title(),
                request.decision() == null || request.decision().isBlank() ? null : decision(request.decision()),
                request.sentOn()), headers, request.source());
        return ETags.created(accepted, "/api/consultations/" + id);
    }

    @Operation(summary = "Record an answer (remissvar)",
            description = "respondent from the fixed list of seed 000, outcome JA|NEJ|DELVIS|JA_SKA_TAS_FRAM (400 naming the "
                    + "field otherwise); 404 for an unknown consultation.")
    @PostMapping(path = "/{consultationId}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> respond(@PathVariable String consultationId,
                                     @Valid @RequestBody ConsultationRequests.RecordResponseRequest request,
                                     AdminHeaders.Write headers) {
        ConsultationId id = parse(consultationId, "consultationId", ConsultationId::of);
        Respondent respondent = parse(request.respondent(), "respondent", Respondent::fromCode);
        ConsultationOutcome outcome = request.outcome() == null ? null
                : parse(request.outcome(), "outcome", ConsultationOutcome::parse);
        String responseId = request.responseId() == null ? null
                : parse(request.responseId(), "responseId", ConsultationId::requireResponseId);
        Accepted accepted = commands.send(new RecordConsultationResponse(id, responseId, respondent, request.subject(),
                request.comment(), request.proposedAnswer(), outcome, request.outcomeText()), headers, request.source());
        return ETags.created(accepted, "/api/consultations/" + id);
    }

    @Operation(summary = "Link an answer to the change it led to",
            description = "The change is the one the decision made to the entity (programme, goal, delmål or indicator); "
                    + "422 NO_SUCH_CHANGE when the record holds none. Recorded as an event with who linked it and why.")
    @PostMapping(path = "/{consultationId}/responses/{responseId}/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> link(@PathVariable String consultationId, @PathVariable String responseId,
                                  @Valid @RequestBody ConsultationRequests.LinkChangeRequest request,
                                  AdminHeaders.Write headers) {
        ConsultationId id = parse(consultationId, "consultationId", ConsultationId::of);
        String response = parse(responseId, "responseId", ConsultationId::requireResponseId);
        Accepted accepted = commands.send(new LinkResponseToChange(id, response, decision(request.decision()),
                request.entity(), request.reason()), headers, request.source());
        return ETags.created(accepted, "/api/consultations/" + id);
    }
}
