package se.malspar.query.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.kernel.common.Refusal;
import se.malspar.platform.web.NotFoundException;
import se.malspar.platform.web.Problems;

import java.util.List;

/** Operations on the read models (OPERATOR only, see SecurityConfiguration). */
@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations", description = "Read models: position, lag, state, and rebuilding one")
class ProjectionsController {

    private final ProjectionOperations operations;

    ProjectionsController(ProjectionOperations operations) {
        this.operations = operations;
    }

    @Operation(summary = "Every read model with its position, lag and state",
            description = "state is RUNNING, REPLAYING (progress shows how far), ERROR (error names what it is "
                    + "stuck on; it retries the same event and never skips it) or STOPPED")
    @GetMapping
    List<ProjectionView> list() {
        return operations.all();
    }

    @Operation(summary = "One read model")
    @GetMapping("/{name}")
    ProjectionView get(@PathVariable String name) {
        return operations.find(name).orElseThrow(() -> new NotFoundException("no projection '" + name + "'"));
    }

    @Operation(summary = "Rebuild a read model from the event store",
            description = "Empties its tables and replays every event; follow it with GET. 409 while a replay of "
                    + "it is running.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionView> replay(@PathVariable String name) {
        return ResponseEntity.accepted().body(operations.replay(name));
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ReplayRefusedException e) {
        return Problems.response(Problems.problem(Refusal.CONFLICT, e.getMessage()));
    }
}
