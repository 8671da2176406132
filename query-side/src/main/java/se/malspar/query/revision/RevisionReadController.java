package se.malspar.query.revision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.kernel.decision.FindDecisions;
import se.malspar.kernel.revision.FindRevisionStatuses;
import se.malspar.kernel.revision.RevisionStatus;
import se.malspar.query.decision.DecisionView;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@RestController
@RequestMapping(path = "/api/revision/decisions")
@Tag(name = "Revision", description = "The revisors' verification of each paragraph, and its audit pack")
class RevisionReadController {

    private final QueryGateway queries;
    private final AuditPack packs;

    RevisionReadController(QueryGateway queries, AuditPack packs) {
        this.queries = queries;
        this.packs = packs;
    }

    /** One paragraph's place in the revision. */
    record Entry(String decisionId, String citation, String title, RevisionStatus status, int changes,
                 List<Long> uncoveredChanges, VerificationView latestVerification) {
    }

    @Operation(summary = "Decisions by revision status (REVISOR, AUDITOR)",
            description = "status: UNVERIFIED, VERIFIED, DISCREPANCY or CHANGED_SINCE_VERIFIED; all when left out")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<Entry> list(@RequestParam(required = false) RevisionStatus status) {
        List<DecisionView> decisions = queries.query(new FindDecisions(false),
                ResponseTypes.multipleInstancesOf(DecisionView.class)).join();
        Map<String, DecisionRevision> revisions = queries.query(new FindRevisionStatuses(),
                        ResponseTypes.multipleInstancesOf(DecisionRevision.class)).join().stream()
                .collect(Collectors.toMap(DecisionRevision::decisionId, Function.identity()));
        return decisions.stream().map(d -> {
                    DecisionRevision r = revisions.getOrDefault(d.decisionId(),
                            DecisionRevision.of(d.decisionId(), List.of(), List.of()));
                    return new Entry(d.decisionId(), d.citation(), d.title(), r.status(), r.changeSequences().size(),
                            r.uncovered(), r.verifications().isEmpty() ? null : r.verifications().get(r.verifications().size() - 1));
                })
                .filter(e -> status == null || e.status() == status)
                .toList();
    }

    @Operation(summary = "The audit pack of one paragraph (REVISOR, AUDITOR): a ZIP to check offline with the verifier",
            description = "entry.json, changes.json, changes.csv, events.json, proofs.json, checkpoint.json, "
                    + "public-keys.json, verifications.json and LASMIG.txt (README, Integrity and revision)")
    @GetMapping(path = "/{decisionId}/pack", produces = "application/zip")
    ResponseEntity<byte[]> pack(@PathVariable String decisionId) {
        return packs.download(decisionId);
    }
}
