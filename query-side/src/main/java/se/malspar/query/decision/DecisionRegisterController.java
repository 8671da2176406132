package se.malspar.query.decision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.FindDecision;
import se.malspar.kernel.decision.FindDecisions;
import se.malspar.kernel.programme.FindDecisionChanges;
import se.malspar.kernel.revision.FindDecisionRevision;
import se.malspar.query.programme.DecisionChange;
import se.malspar.query.revision.DecisionRevision;
import se.malspar.platform.web.Fields;
import se.malspar.platform.web.NotFoundException;

import java.util.List;

@RestController
@RequestMapping(path = "/api/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Decisions", description = "The decision register as revisors read it")
class DecisionRegisterController {

    private final QueryGateway queries;

    DecisionRegisterController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The decision register in meeting order",
            description = "incomplete=true lists only the entries whose paragraph or day the papers do not give")
    @GetMapping
    List<DecisionView> list(@RequestParam(defaultValue = "false") boolean incomplete) {
        return queries.query(new FindDecisions(incomplete), ResponseTypes.multipleInstancesOf(DecisionView.class)).join();
    }

    @Operation(summary = "One register entry with its corrections and every change it authorised",
            description = "changes: each programme change the decision authorised (event, entity, before, after, "
                    + "effectiveFrom, recordedAt, recordedBy, sequence, covered, coveredBy); revisionStatus and verifications "
                    + "are the revisors'. The path takes the id or the citation.")
    @GetMapping("/{decisionId}")
    DecisionDetail get(@PathVariable String decisionId) {
        DecisionId id = Fields.parse(decisionId, "decisionId", DecisionId::fromReference);
        DecisionView view = queries.query(new FindDecision(id), ResponseTypes.optionalInstanceOf(DecisionView.class)).join()
                .orElseThrow(() -> new NotFoundException("no decision " + id + " in the register"));
        List<DecisionChange> changes = queries.query(new FindDecisionChanges(id),
                ResponseTypes.multipleInstancesOf(DecisionChange.class)).join();
        DecisionRevision revision = queries.query(new FindDecisionRevision(id),
                ResponseTypes.instanceOf(DecisionRevision.class)).join();
        return DecisionDetail.of(view, changes, revision);
    }
}
