package se.malspar.query.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.malspar.kernel.audit.FindAuditEvents;
import se.malspar.platform.web.InvalidFieldException;
import se.malspar.query.audit.AuditTrail;

/** The audit trail, paged and filterable by aggregate, user and decision: the same query as the API's. */
@Controller
@WebPage
class AuditTrailPage {

    static final int PAGE_SIZE = 50;

    private final QueryGateway queries;
    private final boolean axonServer;

    AuditTrailPage(QueryGateway queries, @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        this.queries = queries;
        this.axonServer = axonServer;
    }

    @GetMapping("/handelser")
    String events(@RequestParam(defaultValue = "0") long efter,
                  @RequestParam(required = false) String aggregat,
                  @RequestParam(required = false) String anvandare,
                  @RequestParam(required = false) String beslut,
                  Model model) {
        if (efter < 0) {
            throw new InvalidFieldException("efter", "must be 0 or more");
        }
        model.addAttribute("aggregat", blankToEmpty(aggregat));
        model.addAttribute("anvandare", blankToEmpty(anvandare));
        model.addAttribute("beslut", blankToEmpty(beslut));
        model.addAttribute("efter", efter);
        model.addAttribute("axonServer", axonServer);
        if (!axonServer) {
            AuditTrail trail = queries.query(new FindAuditEvents(efter, PAGE_SIZE, blankToNull(aggregat),
                    blankToNull(anvandare), blankToNull(beslut)), ResponseTypes.instanceOf(AuditTrail.class)).join();
            model.addAttribute("trail", trail);
        }
        return "pages/handelser";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
