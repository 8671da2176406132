package se.malspar.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.kernel.audit.FindAuditEvents;
import se.malspar.platform.web.InvalidFieldException;

@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "The raw event trail, as stored")
class AuditTrailController {

    private final QueryGateway queries;

    AuditTrailController(QueryGateway queries) {
        this.queries = queries;
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
