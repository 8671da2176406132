package se.malspar.query.consultation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.kernel.consultation.ConsultationId;
import se.malspar.kernel.consultation.ConsultationOutcome;
import se.malspar.kernel.consultation.Respondent;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.platform.web.NotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static se.malspar.platform.web.Fields.parse;

@RestController
@RequestMapping(path = "/api/consultations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Consultations", description = "Remiss rounds, their answers and the changes the answers led to")
class ConsultationReadController {

    private final ConsultationRepository repository;

    ConsultationReadController(ConsultationRepository repository) {
        this.repository = repository;
    }

    @Operation(summary = "Every consultation round, with its answers counted by outcome")
    @GetMapping
    List<ConsultationView.Summary> consultations() {
        return repository.summaries();
    }

    @Operation(summary = "One round with its answers, each with the changes it led to",
            description = "Narrow the answers with outcome (JA, NEJ, DELVIS, JA_SKA_TAS_FRAM, or NONE for the paper's "
                    + "other words), respondent (as the paper spells it), ledToChange=true|false. The auditor's question "
                    + "\"which answers changed the programme, which were turned down\": ?ledToChange=true and ?outcome=NEJ.")
    @GetMapping("/{consultationId}")
    ConsultationView consultation(@PathVariable String consultationId,
                                  @Parameter(example = "NEJ") @RequestParam(required = false) String outcome,
                                  @Parameter(example = "BUN") @RequestParam(required = false) String respondent,
                                  @RequestParam(required = false) Boolean ledToChange) {
        ConsultationId id = parse(consultationId, "consultationId", ConsultationId::of);
        String wanted = outcome == null ? null : "NONE".equals(outcome) ? "NONE"
                : parse(outcome, "outcome", o -> ConsultationOutcome.parse(o).name());
        String who = respondent == null ? null : parse(respondent, "respondent", r -> Respondent.fromCode(r).name());
        Map<String, String> filter = new LinkedHashMap<>();
        if (outcome != null) {
            filter.put("outcome", wanted);
        }
        if (respondent != null) {
            filter.put("respondent", respondent);
        }
        if (ledToChange != null) {
            filter.put("ledToChange", ledToChange.toString());
        }
        return repository.consultation(id.value(), repository.responses(id.value(), wanted, who, ledToChange, null, null),
                        filter)
                .orElseThrow(() -> new NotFoundException("no consultation " + id));
    }

    @Operation(summary = "The answers behind a change: those linked to what a decision changed",
            description = "entity: a programme, goal, delmål or indicator id; decision: a citation or id. At least one.")
    @GetMapping("/responses")
    List<ConsultationView.Response> behind(@Parameter(example = "kf1-antal-bostader-och-upplatelseform")
                                           @RequestParam(required = false) String entity,
                                           @Parameter(example = "KS 2021-01-13 § 12") @RequestParam(required = false) String decision) {
        if (entity == null && decision == null) {
            throw new se.malspar.platform.web.InvalidFieldException("entity", "must be given (or decision)");
        }
        String decisionId = decision == null ? null : parse(decision, "decision", DecisionId::fromReference).value();
        return repository.responses(null, null, null, null, decisionId, entity);
    }
}
