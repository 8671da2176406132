package se.malspar.query.decision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.FindDecision;
import se.malspar.kernel.decision.FindDecisions;
import se.malspar.kernel.revision.FindDecisionRevision;
import se.malspar.platform.web.Fields;
import se.malspar.platform.web.InvalidFieldException;
import se.malspar.platform.web.NotFoundException;
import se.malspar.query.ambitionreview.AmbitionReview;
import se.malspar.query.delmalcount.StatedDelmalCount;
import se.malspar.query.etag.ReadModelPositions;
import se.malspar.query.goallinks.GoalLinks;
import se.malspar.query.period.PeriodState;
import se.malspar.query.programme.DecisionChange;
import se.malspar.query.revision.DecisionRevision;

import java.util.List;

@RestController
@RequestMapping(path = "/api/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Decisions", description = "The decision register as revisors read it")
class DecisionRegisterController {

    /** The register's entries. */
    private static final List<String> REGISTER = List.of(DecisionRegisterProjection.GROUP);
    /** An entry with the changes it authorised (the programme read model) and the revisors' verifications. */
    private static final List<String> DETAIL = List.of(DecisionRegisterProjection.GROUP, "programme", "revision",
            AmbitionReview.READ_MODEL, StatedDelmalCount.READ_MODEL, GoalLinks.READ_MODEL, PeriodState.READ_MODEL);

    private final QueryGateway queries;
    private final ReadModelPositions positions;

    DecisionRegisterController(QueryGateway queries, ReadModelPositions positions) {
        this.queries = queries;
        this.positions = positions;
    }

    @Operation(summary = "The decision register in meeting order, paged",
            description = "incomplete=true lists only the entries whose paragraph or day the papers do not give, "
                    + "incomplete=false only the others; without it, all. "
                    + "At most limit entries (1 to " + FindDecisions.MAX_LIMIT + ", default " + FindDecisions.DEFAULT_LIMIT
                    + ") after the entry 'after' (a decision id; default from the start). When there may be more, "
                    + "the response has a Link header with rel=\"next\" (RFC 8288): the same request continuing after the "
                    + "last entry of this page.")
    @GetMapping
    ResponseEntity<List<DecisionView>> list(@RequestParam(required = false) Boolean incomplete,
                                            @RequestParam(required = false) String after,
                                            @RequestParam(defaultValue = "" + FindDecisions.DEFAULT_LIMIT) int limit,
                                            HttpServletRequest request) {
        if (limit < 1 || limit > FindDecisions.MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + FindDecisions.MAX_LIMIT);
        }
        DecisionId afterId = after == null ? null : Fields.parse(after, "after", DecisionId::fromReference);
        if (afterId != null && queries.query(new FindDecision(afterId), ResponseTypes.optionalInstanceOf(DecisionView.class))
                .join().isEmpty()) {
            throw new InvalidFieldException("after", "no decision " + afterId + " in the register");
        }
        ResponseEntity<List<DecisionView>> answer = positions.answer(request, REGISTER,
                "incomplete=" + incomplete + "&after=" + afterId + "&limit=" + limit,
                () -> queries.query(new FindDecisions(Boolean.TRUE.equals(incomplete), Boolean.FALSE.equals(incomplete),
                        afterId, limit), ResponseTypes.multipleInstancesOf(DecisionView.class)).join());
        if (answer.getBody() == null) {
            return answer;
        }
        List<DecisionView> page = answer.getBody();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().headers(answer.getHeaders());
        if (page.size() == limit) {
            UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/api/decisions");
            if (incomplete != null) {
                builder.queryParam("incomplete", incomplete);
            }
            String next = builder
                    .queryParam("after", page.get(page.size() - 1).decisionId())
                    .queryParam("limit", limit).build().toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page);
    }

    @Operation(summary = "One register entry with its corrections and every change it authorised",
            description = "changes: each programme change the decision authorised (event, entity, before, after, "
                    + "effectiveFrom, recordedAt, recordedBy, sequence, covered, coveredBy); revisionStatus and verifications "
                    + "are the revisors'. The path takes the id or the citation.")
    @GetMapping("/{decisionId}")
    ResponseEntity<DecisionDetail> get(@PathVariable String decisionId, HttpServletRequest request) {
        DecisionId id = Fields.parse(decisionId, "decisionId", DecisionId::fromReference);
        return positions.storedAnswer(request, DETAIL, "decision=" + id.value(), () -> detail(id));
    }

    private DecisionDetail detail(DecisionId id) {
        DecisionView view = queries.query(new FindDecision(id), ResponseTypes.optionalInstanceOf(DecisionView.class)).join()
                .orElseThrow(() -> new NotFoundException("no decision " + id + " in the register"));
        List<DecisionChange> changes = DecisionChange.authorisedBy(queries, id);
        DecisionRevision revision = queries.query(new FindDecisionRevision(id),
                ResponseTypes.instanceOf(DecisionRevision.class)).join();
        return DecisionDetail.of(view, changes, revision);
    }
}
