package se.malspar.query.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.malspar.kernel.decision.FindDecisions;
import se.malspar.kernel.programme.FindProgrammes;
import se.malspar.query.decision.DecisionView;
import se.malspar.query.integrity.IntegrityOverview;
import se.malspar.query.programme.ProgrammeSummary;

import java.util.List;

/** The start page: the programmes and the way to everything an auditor or a revisor reads. */
@Controller
@WebPage
class StartPage {

    private final QueryGateway queries;
    private final IntegrityOverview integrity;

    StartPage(QueryGateway queries, IntegrityOverview integrity) {
        this.queries = queries;
        this.integrity = integrity;
    }

    @GetMapping("/")
    String start(Model model) {
        List<ProgrammeSummary> programmes = queries.query(new FindProgrammes(),
                ResponseTypes.multipleInstancesOf(ProgrammeSummary.class)).join();
        List<DecisionView> incomplete = queries.query(new FindDecisions(true),
                ResponseTypes.multipleInstancesOf(DecisionView.class)).join();
        model.addAttribute("programmes", programmes);
        model.addAttribute("incompleteCount", incomplete.size());
        model.addAttribute("decisions", incomplete.stream()
                .collect(java.util.stream.Collectors.toMap(DecisionView::decisionId, d -> d)));
        model.addAttribute("integrity", integrity.current());
        return "pages/start";
    }
}
