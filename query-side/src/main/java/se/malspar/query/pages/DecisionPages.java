package se.malspar.query.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.malspar.kernel.common.RuleViolation;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.FindDecision;
import se.malspar.kernel.decision.FindDecisions;
import se.malspar.kernel.revision.FindDecisionRevision;
import se.malspar.kernel.revision.FindRevisionStatuses;
import se.malspar.kernel.revision.RecordVerification;
import se.malspar.kernel.revision.RevisionStatus;
import se.malspar.kernel.revision.VerificationOutcome;
import se.malspar.platform.web.Fields;
import se.malspar.platform.web.InvalidFieldException;
import se.malspar.platform.web.NotFoundException;
import se.malspar.platform.web.StrictText;
import se.malspar.query.decision.DecisionView;
import se.malspar.query.integrity.SealedTree;
import se.malspar.query.programme.DecisionChange;
import se.malspar.query.revision.DecisionRevision;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The decision register (filterable) and one decision with every change it authorised, its
 * revision status and verifications; a revisor records a verification here.
 */
@Controller
@WebPage
class DecisionPages {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final SealedTree tree;

    DecisionPages(QueryGateway queries, CommandGateway commands, SealedTree tree) {
        this.queries = queries;
        this.commands = commands;
        this.tree = tree;
    }

    @GetMapping("/beslut")
    String register(@RequestParam(required = false) String organ, @RequestParam(required = false) String ar,
                    @RequestParam(defaultValue = "false") boolean ofullstandiga,
                    @RequestParam(required = false) RevisionStatus status, Model model) {
        List<DecisionView> all = queries.query(new FindDecisions(false),
                ResponseTypes.multipleInstancesOf(DecisionView.class)).join();
        // A decision no verification or change has reached yet has no row: it is unverified.
        Map<String, RevisionStatus> statuses = queries.query(new FindRevisionStatuses(),
                        ResponseTypes.multipleInstancesOf(DecisionRevision.class)).join().stream()
                .collect(Collectors.toMap(DecisionRevision::decisionId, DecisionRevision::status));
        String organFilter = organ == null || organ.isBlank() ? null : organ.strip().toUpperCase(Locale.ROOT);
        String yearFilter = ar == null || ar.isBlank() ? null : ar.strip();
        if (yearFilter != null && !yearFilter.matches("\\d{4}")) {
            throw new InvalidFieldException("ar", "must be a year (YYYY)");
        }
        List<DecisionView> shown = all.stream()
                .filter(d -> organFilter == null || organFilter.equals(d.organ()))
                .filter(d -> yearFilter == null || d.meetingDate().startsWith(yearFilter))
                .filter(d -> !ofullstandiga || d.incomplete())
                .filter(d -> status == null || statuses.getOrDefault(d.decisionId(), RevisionStatus.UNVERIFIED) == status)
                .toList();
        model.addAttribute("revisionStatuses", RevisionStatus.values());
        model.addAttribute("status", status == null ? "" : status.name());
        model.addAttribute("statusOf", statuses);
        model.addAttribute("decisions", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("organs", new TreeSet<>(all.stream().map(DecisionView::organ).toList()));
        model.addAttribute("years", new TreeSet<>(all.stream().map(d -> d.meetingDate().substring(0, 4)).toList()));
        model.addAttribute("organ", organFilter == null ? "" : organFilter);
        model.addAttribute("ar", yearFilter == null ? "" : yearFilter);
        model.addAttribute("ofullstandiga", ofullstandiga);
        return "pages/beslut-lista";
    }

    @GetMapping("/beslut/{decisionId}")
    String decision(@PathVariable String decisionId, @RequestParam(required = false) String verifierad, Model model) {
        DecisionId id = Fields.parse(decisionId, "decisionId", DecisionId::fromReference);
        model.addAttribute("recorded", verifierad != null);
        model.addAttribute("form", new VerificationForm("", "", "", null));
        return render(id, model);
    }

    /**
     * A revisor's verification, recorded from the page: the same command the API sends
     * ({@code RecordVerification}), through the command bus. In the standalone system its handler
     * runs in this process; a query side running alone reaches it only with Axon Server.
     */
    @PostMapping("/beslut/{decisionId}/verifieringar")
    String verify(@PathVariable String decisionId, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String protocolReference, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String treeSize, Model model, HttpServletResponse response) {
        DecisionId id = Fields.parse(decisionId, "decisionId", DecisionId::fromReference);
        VerificationForm form = new VerificationForm(outcome == null ? "" : outcome, text(protocolReference),
                text(note), treeSize);
        Map<String, String> errors = new LinkedHashMap<>();
        VerificationOutcome chosen = null;
        try {
            chosen = VerificationOutcome.valueOf(form.outcome());
        } catch (IllegalArgumentException e) {
            errors.put("outcome", "Välj vad granskningen visade.");
        }
        String reference = normalised(form.protocolReference(), "protocolReference", errors);
        String noteText = normalised(form.note(), "note", errors);
        if (reference != null && reference.isBlank()) {
            errors.put("protocolReference", "Ange var i protokollet du kontrollerade (t.ex. sida och paragraf).");
        } else if (reference != null && reference.length() > 500) {
            errors.put("protocolReference", "Högst 500 tecken.");
        }
        if (noteText != null && noteText.length() > 4000) {
            errors.put("note", "Högst 4 000 tecken.");
        }
        Long size = null;
        try {
            size = Long.parseLong(form.treeSize() == null ? "" : form.treeSize().strip());
            if (size < 0) {
                errors.put("treeSize", "Kontrollpunkten måste vara 0 eller mer.");
            }
        } catch (NumberFormatException e) {
            errors.put("treeSize", "Kontrollpunkten saknas eller är inget heltal.");
        }
        if (errors.isEmpty()) {
            UUID verificationId = UUID.randomUUID();
            try {
                commands.sendAndWait(new RecordVerification(id, verificationId, chosen, reference,
                        noteText == null || noteText.isBlank() ? null : noteText, size));
                awaitProjected(id, verificationId);
                return "redirect:/beslut/" + id.value() + "?verifierad=" + verificationId;
            } catch (CommandExecutionException e) {
                RuleViolation violation = HandlerExecutionException.resolveDetails(e).filter(RuleViolation.class::isInstance)
                        .map(RuleViolation.class::cast).orElseThrow(() -> e);
                errors.put("command", "Verifieringen registrerades inte: " + violation.message() + " (" + violation.code() + ")");
                response.setStatus(422);
            } catch (NoHandlerForCommandException e) {
                errors.put("command", "Verifieringen registrerades inte: den här tjänsten tar inte emot kommandon "
                        + "(frågesidan körs ensam utan Axon Server). Använd det fristående systemet eller API:t på kommandosidan.");
                response.setStatus(503);
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("recorded", false);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return render(id, model);
    }

    private String render(DecisionId id, Model model) {
        DecisionView decision = queries.query(new FindDecision(id), ResponseTypes.optionalInstanceOf(DecisionView.class))
                .join().orElseThrow(() -> new NotFoundException("no decision " + id + " in the register"));
        List<DecisionChange> changes = DecisionChange.authorisedBy(queries, id);
        DecisionRevision revision = queries.query(new FindDecisionRevision(id),
                ResponseTypes.instanceOf(DecisionRevision.class)).join();
        model.addAttribute("d", decision);
        model.addAttribute("changes", changes);
        model.addAttribute("revision", revision);
        model.addAttribute("checkpoint", tree.currentCheckpoint());
        model.addAttribute("outcomes", VerificationOutcome.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "pages/beslut";
    }

    /** The page shown after the redirect should list the new verification; the read model is usually a few ms behind. */
    private void awaitProjected(DecisionId id, UUID verificationId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            DecisionRevision revision = queries.query(new FindDecisionRevision(id),
                    ResponseTypes.instanceOf(DecisionRevision.class)).join();
            if (revision.verifications().stream().anyMatch(v -> v.verificationId().equals(verificationId))) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String normalised(String text, String field, Map<String, String> errors) {
        try {
            return StrictText.normalise(text).strip();
        } catch (IllegalArgumentException e) {
            errors.put(field, "Texten innehåller ett otillåtet tecken.");
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** What the revisor typed, shown again when something must be corrected. */
    record VerificationForm(String outcome, String protocolReference, String note, String treeSize) {
    }
}
