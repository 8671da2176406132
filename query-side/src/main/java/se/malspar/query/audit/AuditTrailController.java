package se.malspar.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.malspar.kernel.audit.FindAuditEvents;
import se.malspar.platform.web.InvalidFieldException;

@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "The raw event trail, as stored")
class AuditTrailController {

    private final QueryGateway queries;
    private final boolean axonServer;

    AuditTrailController(QueryGateway queries, @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        this.queries = queries;
        this.axonServer = axonServer;
    }

    @Operation(summary = "Every stored event in global order, paged by sequence",
            description = "Continue with afterSequence=nextAfterSequence until it is null. limit is 1 to "
                    + FindAuditEvents.MAX_LIMIT + " (default " + FindAuditEvents.DEFAULT_LIMIT + "). Optional filters: "
                    + "aggregateId, userId, decisionId (the events naming that decision, and its own register events).")
    @GetMapping("/events")
    AuditTrail events(@RequestParam(defaultValue = "0") long afterSequence,
                      @RequestParam(defaultValue = "" + FindAuditEvents.DEFAULT_LIMIT) int limit,
                      @RequestParam(required = false) String aggregateId,
                      @RequestParam(required = false) String userId,
                      @RequestParam(required = false) String decisionId) {
        if (axonServer) {
            // An empty list would claim that nothing ever happened.
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "the event trail is kept in Axon Server in this deployment (profile 'axonserver') and "
                            + "cannot be read through this API; read it with Axon Server's own tools");
        }
        if (afterSequence < 0) {
            throw new InvalidFieldException("afterSequence", "must be 0 or more");
        }
        if (limit < 1 || limit > FindAuditEvents.MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + FindAuditEvents.MAX_LIMIT);
        }
        return queries.query(new FindAuditEvents(afterSequence, limit,
                        blankToNull(aggregateId), blankToNull(userId), blankToNull(decisionId)), ResponseTypes.instanceOf(AuditTrail.class))
                .join();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
