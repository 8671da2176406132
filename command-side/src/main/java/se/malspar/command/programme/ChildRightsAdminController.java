package se.malspar.command.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.command.admin.AdminCommands;
import se.malspar.command.admin.AdminHeaders;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.structure.ChildRightsArticles;
import se.malspar.kernel.programme.structure.LinkChildRights;
import se.malspar.platform.web.InvalidFieldException;

import java.util.List;

import static se.malspar.command.admin.AdminCommands.decision;
import static se.malspar.platform.web.Fields.parse;

/** A goal's articles of the Convention on the Rights of the Child (Barnkonventionen), as decided. */
@RestController
@RequestMapping(path = "/api/admin/goals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Programme (admin)")
class ChildRightsAdminController {

    private final AdminCommands commands;

    ChildRightsAdminController(AdminCommands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Link a goal to articles of Barnkonventionen",
            description = "Replaces the goal's articles from effectiveFrom (default: the decision's meeting date). "
                    + "400 naming the field for an article outside 1–54; 404 for an unknown goal.")
    @PutMapping(path = "/{goalId}/child-rights", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> link(@PathVariable String goalId, @Valid @RequestBody ProgrammeRequests.ChildRightsRequest request,
                                  AdminHeaders.Write headers) {
        GoalId goal = parse(goalId, "goalId", GoalId::of);
        List<Integer> articles;
        try {
            articles = ChildRightsArticles.normalise(request.articles());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("articles", e.getMessage());
        }
        return ETags.ok(commands.send(new LinkChildRights(goal, articles, decision(request.decision()),
                request.effectiveFrom()), headers, request.source()));
    }
}
