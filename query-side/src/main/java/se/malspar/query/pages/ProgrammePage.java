package se.malspar.query.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.malspar.kernel.decision.FindDecisions;
import se.malspar.kernel.programme.FindProgrammeChangeDates;
import se.malspar.kernel.programme.FindProgrammeDiff;
import se.malspar.kernel.programme.FindProgrammeTree;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.ambition.FindAmbitionReviews;
import se.malspar.platform.web.InvalidFieldException;
import se.malspar.platform.web.NotFoundException;
import se.malspar.query.ambitionreview.AmbitionReview;
import se.malspar.query.decision.DecisionView;
import se.malspar.query.programme.ProgrammeDiff;
import se.malspar.query.programme.ProgrammeTree;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static se.malspar.platform.web.Fields.parse;

/**
 * The programme as in force on a date ({@code validAt}) as recorded at an instant ({@code knownAt}),
 * and what changed between two dates: the same queries the API answers, rendered for people.
 */
@Controller
@WebPage
class ProgrammePage {

    private final QueryGateway queries;
    private final Clock clock;

    ProgrammePage(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/program/{programmeId}")
    String programme(@PathVariable String programmeId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt,
                     @RequestParam(required = false) String knownAt,
                     @RequestParam(required = false) Integer steg,
                     Model model) {
        ProgrammeId id = parse(programmeId, "programmeId", ProgrammeId::of);
        Instant known = knownAt(knownAt);
        List<LocalDate> dates = queries.query(new FindProgrammeChangeDates(id, known),
                ResponseTypes.multipleInstancesOf(LocalDate.class)).join();
        LocalDate day = validAt;
        if (steg != null) {
            if (steg < 0 || steg >= dates.size()) {
                throw new InvalidFieldException("steg", "must be between 0 and " + (dates.size() - 1));
            }
            day = dates.get(steg);
        }
        if (day == null) {
            day = LocalDate.now(clock);
        }
        ProgrammeTree tree = queries.query(new FindProgrammeTree(id, day, known, null),
                        ResponseTypes.optionalInstanceOf(ProgrammeTree.class)).join()
                .orElseThrow(() -> new NotFoundException("no programme " + id + " as recorded by " + known));
        // The review of the ambition levels under way that day (its own read model), as the API's tree shows it.
        model.addAttribute("ambitionReview", AmbitionReview.underWay(queries.query(new FindAmbitionReviews(id),
                ResponseTypes.multipleInstancesOf(AmbitionReview.class)).join(), tree.validAt(), known));
        model.addAttribute("tree", tree);
        model.addAttribute("knownAt", knownAt == null || knownAt.isBlank() ? "" : knownAt.strip());
        model.addAttribute("dates", dates);
        model.addAttribute("datesText", dates.stream().map(LocalDate::toString).collect(Collectors.joining(",")));
        model.addAttribute("step", stepOf(dates, day));
        model.addAttribute("decisions", decisions());
        return "pages/program";
    }

    @GetMapping("/program/{programmeId}/andringar")
    String changes(@PathVariable String programmeId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) String knownAt,
                   Model model) {
        ProgrammeId id = parse(programmeId, "programmeId", ProgrammeId::of);
        Instant known = knownAt(knownAt);
        if (from == null) {
            // From before the first change, so that everything the programme ever added is listed.
            List<LocalDate> dates = queries.query(new FindProgrammeChangeDates(id, known),
                    ResponseTypes.multipleInstancesOf(LocalDate.class)).join();
            from = dates.isEmpty() ? LocalDate.now(clock) : dates.get(0).minusDays(1);
        }
        if (to == null) {
            to = LocalDate.now(clock);
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before 'from'");
        }
        ProgrammeDiff diff = queries.query(new FindProgrammeDiff(id, from, to, known),
                        ResponseTypes.optionalInstanceOf(ProgrammeDiff.class)).join()
                .orElseThrow(() -> new NotFoundException("no programme " + id));
        ProgrammeTree tree = queries.query(new FindProgrammeTree(id, to, known, null),
                ResponseTypes.optionalInstanceOf(ProgrammeTree.class)).join().orElse(null);
        model.addAttribute("diff", diff);
        model.addAttribute("programmeName", tree == null ? id.value() : tree.name());
        model.addAttribute("knownAt", knownAt == null || knownAt.isBlank() ? "" : knownAt.strip());
        model.addAttribute("decisions", decisions());
        return "pages/andringar";
    }

    /** The register by id, to say on the page which decisions the papers leave incomplete. */
    private Map<String, DecisionView> decisions() {
        return queries.query(new FindDecisions(false), ResponseTypes.multipleInstancesOf(DecisionView.class)).join()
                .stream().collect(Collectors.toMap(DecisionView::decisionId, Function.identity()));
    }

    /** The slider's position: the last change on or before the day shown. */
    private static int stepOf(List<LocalDate> dates, LocalDate day) {
        int step = 0;
        for (int i = 0; i < dates.size(); i++) {
            if (!dates.get(i).isAfter(day)) {
                step = i;
            }
        }
        return step;
    }

    /**
     * knownAt as an instant ({@code 2022-01-01T12:00:00Z}) or a day ({@code 2022-01-01}: as recorded
     * by the end of that day, Swedish time); empty means now.
     */
    private Instant knownAt(String text) {
        if (text == null || text.isBlank()) {
            return clock.instant();
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).plusDays(1).atStartOfDay(Svenska.SWEDEN).toInstant().minusNanos(1);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("knownAt", "must be a date (YYYY-MM-DD) or an instant (YYYY-MM-DDThh:mm:ssZ)");
        }
    }
}
