package se.malspar.query.revision;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.malspar.kernel.decision.FindDecisions;
import se.malspar.kernel.revision.FindRevisionStatuses;
import se.malspar.kernel.revision.RevisionStatus;
import se.malspar.query.decision.DecisionView;
import se.malspar.query.pages.WebPage;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The revisor's pages: every paragraph by revision status, and the audit pack of one paragraph
 * as a download (the same pack the API's /api/revision/decisions/{id}/pack builds).
 */
@Controller
@WebPage
class RevisionPages {

    private final QueryGateway queries;
    private final AuditPack packs;

    RevisionPages(QueryGateway queries, AuditPack packs) {
        this.queries = queries;
        this.packs = packs;
    }

    /** One paragraph on the revisor's list. */
    record Row(DecisionView decision, DecisionRevision revision) {
    }

    @GetMapping("/granskning")
    String revision(@RequestParam(required = false) RevisionStatus status, Model model) {
        List<DecisionView> decisions = queries.query(new FindDecisions(false),
                ResponseTypes.multipleInstancesOf(DecisionView.class)).join();
        Map<String, DecisionRevision> revisions = queries.query(new FindRevisionStatuses(),
                        ResponseTypes.multipleInstancesOf(DecisionRevision.class)).join().stream()
                .collect(Collectors.toMap(DecisionRevision::decisionId, Function.identity()));
        List<Row> all = decisions.stream().map(d -> new Row(d, revisions.getOrDefault(d.decisionId(),
                DecisionRevision.of(d.decisionId(), List.of(), List.of())))).toList();
        model.addAttribute("rows", all.stream().filter(r -> status == null || r.revision().status() == status).toList());
        model.addAttribute("counts", all.stream().collect(Collectors.groupingBy(r -> r.revision().status(), Collectors.counting())));
        model.addAttribute("statuses", RevisionStatus.values());
        model.addAttribute("status", status == null ? "" : status.name());
        return "pages/granskning";
    }

    @GetMapping(path = "/beslut/{decisionId}/granskningspaket", produces = "application/zip")
    ResponseEntity<byte[]> pack(@PathVariable String decisionId) {
        return packs.download(decisionId);
    }
}
