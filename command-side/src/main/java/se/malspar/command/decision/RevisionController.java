package se.malspar.command.decision;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.revision.RecordVerification;
import se.malspar.kernel.revision.VerificationOutcome;
import se.malspar.platform.web.Fields;
import se.malspar.platform.web.InvalidFieldException;

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/revision/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Revision", description = "The revisors' verification of each paragraph")
class RevisionController {

    private final CommandGateway commands;

    RevisionController(CommandGateway commands) {
        this.commands = commands;
    }

    record RecordVerificationRequest(@NotNull VerificationOutcome outcome,
                                     @NotBlank @Size(max = 500) String protocolReference,
                                     @Size(max = 4000) String note,
                                     @NotNull Long treeSize) {
    }

    @Operation(summary = "Record a revisor's verification of a decision (REVISOR)",
            description = "Covers the decision's changes recorded within the signed checkpoint treeSize. 404 for an "
                    + "unknown decision; 422 TREE_SIZE_NOT_SIGNED beyond the latest checkpoint, "
                    + "TREE_SIZE_BEFORE_FIRST_CHANGE below the decision's first change.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/{decisionId}/verifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VerificationReceipt> record(@PathVariable String decisionId,
                                               @Valid @RequestBody RecordVerificationRequest request) {
        DecisionId id = Fields.parse(decisionId, "decisionId", DecisionId::fromReference);
        if (request.treeSize() < 0) {
            throw new InvalidFieldException("treeSize", "must be 0 or more");
        }
        VerificationReceipt receipt = commands.sendAndWait(new RecordVerification(id, UUID.randomUUID(), request.outcome(),
                request.protocolReference(), request.note(), request.treeSize()));
        return ResponseEntity.created(URI.create("/api/decisions/" + id)).body(receipt);
    }
}
