package se.malspar.query.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.FindDecision;
import se.malspar.kernel.decision.FindDecisions;
import se.malspar.kernel.programme.FindDecisionChanges;
import se.malspar.platform.web.Fields;
import se.malspar.platform.web.InvalidFieldException;
import se.malspar.platform.web.NotFoundException;
import se.malspar.query.decision.DecisionView;
import se.malspar.query.programme.DecisionChange;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The decision register (filterable) and one decision with every change it authorised. */
@Controller
class DecisionPages {

    private final QueryGateway queries;

    DecisionPages(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/beslut")
    String register(@RequestParam(required = false) String organ, @RequestParam(required = false) String ar,
                    @RequestParam(defaultValue = "false") boolean ofullstandiga, Model model) {
        List<DecisionView> all = queries.query(new FindDecisions(false),
                ResponseTypes.multipleInstancesOf(DecisionView.class)).join();
        String organFilter = organ == null || organ.isBlank() ? null : organ.strip().toUpperCase(Locale.ROOT);
        String yearFilter = ar == null || ar.isBlank() ? null : ar.strip();
        if (yearFilter != null && !yearFilter.matches("\\d{4}")) {
            throw new InvalidFieldException("ar", "must be a year (YYYY)");
        }
        List<DecisionView> shown = all.stream()
                .filter(d -> organFilter == null || organFilter.equals(d.organ()))
                .filter(d -> yearFilter == null || d.meetingDate().startsWith(yearFilter))
                .filter(d -> !ofullstandiga || d.incomplete())
                .toList();
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
    String decision(@PathVariable String decisionId, Model model) {
        DecisionId id = Fields.parse(decisionId, "decisionId", DecisionId::fromReference);
        DecisionView decision = queries.query(new FindDecision(id), ResponseTypes.optionalInstanceOf(DecisionView.class))
                .join().orElseThrow(() -> new NotFoundException("no decision " + id + " in the register"));
        List<DecisionChange> changes = queries.query(new FindDecisionChanges(id),
                ResponseTypes.multipleInstancesOf(DecisionChange.class)).join();
        model.addAttribute("d", decision);
        model.addAttribute("changes", changes);
        return "pages/beslut";
    }
}
