package se.malspar.query.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.malspar.kernel.decision.FindDecisions;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.indicator.FindIndicatorHistory;
import se.malspar.platform.web.NotFoundException;
import se.malspar.query.decision.DecisionView;
import se.malspar.query.programme.IndicatorHistory;

import java.util.function.Function;
import java.util.stream.Collectors;

import static se.malspar.platform.web.Fields.parse;

/** An indicator's timeline: chart and table of the same data, every ambition step with its decision, "why red". */
@Controller
@WebPage
class IndicatorPage {

    private final QueryGateway queries;
    private final Svenska svenska;

    IndicatorPage(QueryGateway queries, Svenska svenska) {
        this.queries = queries;
        this.svenska = svenska;
    }

    @GetMapping("/matvarden/{indicatorId}")
    String indicator(@PathVariable String indicatorId, Model model) {
        IndicatorId id = parse(indicatorId, "indicatorId", IndicatorId::of);
        IndicatorHistory history = queries.query(new FindIndicatorHistory(id),
                        ResponseTypes.optionalInstanceOf(IndicatorHistory.class)).join()
                .orElseThrow(() -> new NotFoundException("no indicator " + id));
        IndicatorTimeline timeline = IndicatorTimeline.of(history);
        model.addAttribute("t", timeline);
        model.addAttribute("chart", TimelineChart.of(timeline, svenska));
        model.addAttribute("decisions", queries.query(new FindDecisions(false),
                        ResponseTypes.multipleInstancesOf(DecisionView.class)).join()
                .stream().collect(Collectors.toMap(DecisionView::decisionId, Function.identity())));
        return "pages/matvarde";
    }
}
