package se.malspar.command.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.command.admin.AdminCommands;
import se.malspar.command.admin.AdminHeaders;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.Ids;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.ambition.CloseAmbitionReview;
import se.malspar.kernel.programme.ambition.OpenAmbitionReview;
import se.malspar.kernel.programme.structure.AddDelmal;
import se.malspar.kernel.programme.structure.AddGoal;
import se.malspar.kernel.programme.structure.CreateProgramme;
import se.malspar.kernel.programme.structure.RenameDelmal;
import se.malspar.kernel.programme.structure.RetireDelmal;
import se.malspar.kernel.programme.structure.StateDelmalCount;

import static se.malspar.command.admin.AdminCommands.decision;
import static se.malspar.platform.web.Fields.parse;

/** Programmes, their goals and delmål. Every change names the decision behind it. */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programme (admin)", description = "Programmes, goals and delmål; every change names its decision")
class ProgrammeAdminController {

    private final AdminCommands commands;

    ProgrammeAdminController(AdminCommands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Create a programme (KF)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/programmes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> createProgramme(@Valid @RequestBody ProgrammeRequests.CreateProgrammeRequest request,
                                             AdminHeaders.Write headers) {
        ProgrammeId id = parse(request.programmeId(), "programmeId", ProgrammeId::of);
        Accepted accepted = commands.send(new CreateProgramme(id, request.name(), request.ownerOrgan(),
                decision(request.decision()), start(request.effectiveFrom()), precision(request.effectiveFrom())), headers,
                request.source());
        return ETags.created(accepted, "/api/programmes/" + id);
    }

    @Operation(summary = "Add an overall goal to a programme (KF)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/programmes/{programmeId}/goals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> addGoal(@PathVariable String programmeId,
                                     @Valid @RequestBody ProgrammeRequests.AddGoalRequest request,
                                     AdminHeaders.Write headers) {
        ProgrammeId programme = parse(programmeId, "programmeId", ProgrammeId::of);
        GoalId goal = parse(request.goalId(), "goalId", GoalId::of);
        java.util.List<GoalId> contributesTo = request.contributesTo() == null ? java.util.List.of()
                : request.contributesTo().stream().map(g -> parse(g, "contributesTo", GoalId::of)).toList();
        Accepted accepted = commands.send(new AddGoal(goal, programme, request.name(), request.goalArea(),
                decision(request.decision()), start(request.effectiveFrom()), precision(request.effectiveFrom()),
                contributesTo), headers, request.source());
        return ETags.created(accepted, "/api/programmes/" + programme);
    }

    @Operation(summary = "Add a delmål under a goal (AddDelmål)",
            description = "The id is made from the goal id and the name unless given. 404 for an unknown goal; "
                    + "409 DUPLICATE_NAME when an active delmål of the goal has the name; 422 DECISION_NOT_REGISTERED "
                    + "or DECISION_LACKS_COMPETENCE.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/goals/{goalId}/delmal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> addDelmal(@PathVariable String goalId,
                                       @Valid @RequestBody ProgrammeRequests.AddDelmalRequest request,
                                       AdminHeaders.Write headers) {
        GoalId goal = parse(goalId, "goalId", GoalId::of);
        DelmalId delmal = request.delmalId() != null
                ? parse(request.delmalId(), "delmalId", DelmalId::of)
                : parse(Ids.slug(goal.value(), request.name()), "name", DelmalId::of);
        Accepted accepted = commands.send(new AddDelmal(delmal, goal, request.name(), request.description(),
                decision(request.decision()), start(request.effectiveFrom()), precision(request.effectiveFrom())), headers,
                request.source());
        return ETags.created(accepted, "/api/delmal/" + delmal);
    }

    @Operation(summary = "Rename a delmål", description = "If-Match with the delmål's ETag guards against lost updates (412).")
    @PostMapping(path = "/delmal/{delmalId}/rename", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> renameDelmal(@PathVariable String delmalId,
                                          @Valid @RequestBody ProgrammeRequests.RenameDelmalRequest request,
                                          AdminHeaders.Change headers) {
        DelmalId delmal = parse(delmalId, "delmalId", DelmalId::of);
        return ETags.ok(commands.send(new RenameDelmal(delmal, request.name(), decision(request.decision()),
                request.effectiveFrom(), headers.expectedVersion()), headers, request.source()));
    }

    @Operation(summary = "Retire a delmål", description = "Nothing can be added to or changed on a retired delmål.")
    @PostMapping(path = "/delmal/{delmalId}/retire", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> retireDelmal(@PathVariable String delmalId,
                                          @Valid @RequestBody ProgrammeRequests.RetireRequest request,
                                          AdminHeaders.Change headers) {
        DelmalId delmal = parse(delmalId, "delmalId", DelmalId::of);
        return ETags.ok(commands.send(new RetireDelmal(delmal, decision(request.decision()),
                request.effectiveFrom(), headers.expectedVersion()), headers, request.source()));
    }

    @Operation(summary = "Put the programme's ambition levels under review (an adopted assignment, KS or KSAU)",
            description = "An omarbetning of the ambition levels, e.g. KSAU 2022-02-23 § 38: from effectiveFrom "
                    + "(default the decision's day) the tree, diff and indicator histories show the levels under review "
                    + "until a decision closes it. 422 AMBITION_REVIEW_UNDER_WAY when one is open.")
    @PostMapping(path = "/programmes/{programmeId}/ambition-reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> openAmbitionReview(@PathVariable String programmeId,
                                                @Valid @RequestBody ProgrammeRequests.OpenAmbitionReviewRequest request,
                                                AdminHeaders.Write headers) {
        ProgrammeId programme = parse(programmeId, "programmeId", ProgrammeId::of);
        return ETags.ok(commands.send(new OpenAmbitionReview(programme, request.subject(),
                decision(request.decision()), request.effectiveFrom()), headers, request.source()));
    }

    @Operation(summary = "Close the review of the ambition levels under way (KS)",
            description = "422 NO_AMBITION_REVIEW when none is open; only an adopted decision may close it.")
    @PostMapping(path = "/programmes/{programmeId}/ambition-reviews/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> closeAmbitionReview(@PathVariable String programmeId,
                                                 @Valid @RequestBody ProgrammeRequests.CloseAmbitionReviewRequest request,
                                                 AdminHeaders.Write headers) {
        ProgrammeId programme = parse(programmeId, "programmeId", ProgrammeId::of);
        return ETags.ok(commands.send(new CloseAmbitionReview(programme, request.outcome(),
                decision(request.decision()), request.effectiveFrom()), headers, request.source()));
    }

    @Operation(summary = "State how many delmål a paper says a goal has (KF or KS)",
            description = "Named or not: the tree shows delmalNamed of delmalStated for the goal.")
    @PostMapping(path = "/goals/{goalId}/delmal-count", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> stateDelmalCount(@PathVariable String goalId,
                                              @Valid @RequestBody ProgrammeRequests.StateDelmalCountRequest request,
                                              AdminHeaders.Write headers) {
        GoalId goal = parse(goalId, "goalId", GoalId::of);
        return ETags.ok(commands.send(new StateDelmalCount(goal, request.count(), decision(request.decision()),
                start(request.effectiveFrom()), precision(request.effectiveFrom())), headers, request.source()));
    }

    /** The first day of an effectiveFrom given as YYYY-MM-DD, YYYY-MM or YYYY (a paper's month or year). */
    private static java.time.LocalDate start(String effectiveFrom) {
        var dated = se.malspar.kernel.common.DatePrecision.parse(effectiveFrom, "effectiveFrom");
        return dated == null ? null : dated.start();
    }

    private static se.malspar.kernel.common.DatePrecision precision(String effectiveFrom) {
        var dated = se.malspar.kernel.common.DatePrecision.parse(effectiveFrom, "effectiveFrom");
        return dated == null ? null : dated.precision();
    }
}
