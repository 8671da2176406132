package se.malspar.command.programme;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.malspar.command.decision.DecisionAuthority;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.Citation;
import se.malspar.kernel.programme.ChangeKind;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.structure.AddGoal;
import se.malspar.kernel.programme.structure.ChildRightsArticles;
import se.malspar.kernel.programme.structure.ChildRightsLinked;
import se.malspar.kernel.programme.structure.DelmalCountStated;
import se.malspar.kernel.programme.structure.GoalAdded;
import se.malspar.kernel.programme.structure.LinkChildRights;
import se.malspar.kernel.programme.structure.StateDelmalCount;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An overall goal (KF 1–4, or one of KS's own goals). It belongs to one programme, fixed when it is
 * added, with the goals of other programmes it contributes to; its Barnkonventionen articles may change.
 */
@Aggregate
class Goal {

    @AggregateIdentifier
    private GoalId goalId;
    private List<Integer> childRights = List.of();
    private String childRightsDecision;
    private ProgrammeId programmeId;
    private Integer statedDelmal;

    Goal() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Accepted handle(AddGoal command, DecisionAuthority authority, StructureLookup structure) {
        if (goalId != null) {
            throw Rules.alreadyExists("goal", command.goalId());
        }
        String programme = command.programmeId().value();
        structure.find(StructureLookup.Kind.PROGRAMME, programme)
                .orElseThrow(() -> Rules.notFound("programme", programme));
        String name = Rules.requireName(command.name(), "name", 300);
        if (structure.nameTaken(StructureLookup.Kind.GOAL, programme, name, null)) {
            throw Rules.duplicateName("goal", name, "programme " + programme);
        }
        String goalArea = command.goalArea() == null || command.goalArea().isBlank() ? null
                : Rules.requireName(command.goalArea(), "goalArea", 300);
        List<GoalId> contributesTo = contributions(command, structure);
        var authorised = authority.authorise(ChangeKind.ADD_GOAL, command.decision(), command.effectiveFrom(),
                command.effectiveFromPrecision());
        // A programme's goals are decided by the organ that owns it: KF's by KF, KS's own by KS.
        String organ = Citation.parse(authorised.decision().citation()).organ();
        structure.owner(programme).filter(owner -> !owner.equals(organ)).ifPresent(owner -> {
            throw new RuleViolationException(Refusal.DECISION_LACKS_COMPETENCE, authorised.decision().citation()
                    + " cannot add a goal to programme " + programme + ": it is owned by " + owner
                    + ", whose own decisions add its goals");
        });
        apply(new GoalAdded(command.goalId(), command.programmeId(), name, goalArea, authorised.decision(),
                authorised.effectiveFrom(), authorised.precision(), contributesTo));
        return Accepted.now(command.goalId());
    }

    /** Each goal contributed to exists, is not retired and belongs to another programme; listed once, in order. */
    private static List<GoalId> contributions(AddGoal command, StructureLookup structure) {
        Set<GoalId> seen = new LinkedHashSet<>(command.contributesTo());
        List<GoalId> result = new ArrayList<>();
        for (GoalId target : seen) {
            StructureLookup.Entry entry = structure.find(StructureLookup.Kind.GOAL, target.value())
                    .filter(e -> !e.retired())
                    .orElseThrow(() -> new RuleViolationException(Refusal.VALIDATION_FAILED,
                            "contributesTo must name existing goals; there is no goal " + target));
            if (entry.parentId().equals(command.programmeId().value())) {
                throw new RuleViolationException(Refusal.VALIDATION_FAILED, "contributesTo must name goals of another "
                        + "programme; " + target + " belongs to " + entry.parentId() + " itself");
            }
            result.add(target);
        }
        return result;
    }

    @CommandHandler
    Accepted handle(LinkChildRights command, DecisionAuthority authority) {
        List<Integer> articles;
        try {
            articles = ChildRightsArticles.normalise(command.articles());
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, e.getMessage());
        }
        var authorised = authority.authorise(ChangeKind.LINK_CHILD_RIGHTS, command.decision(), command.effectiveFrom());
        if (articles.equals(childRights) && authorised.decision().decisionId().value().equals(childRightsDecision)) {
            throw new RuleViolationException(Refusal.DUPLICATE_CHANGE, "goal " + goalId + " is already linked to articles "
                    + articles + " by " + authorised.decision().citation());
        }
        apply(new ChildRightsLinked(goalId, articles, authorised.decision(), authorised.effectiveFrom()));
        return Accepted.now(goalId);
    }

    /** A paper's count of the goal's delmål, named or not (the tree says how many are named of how many). */
    @CommandHandler
    Accepted handle(StateDelmalCount command, DecisionAuthority authority) {
        if (command.count() < 1 || command.count() > 100) {
            throw new RuleViolationException(Refusal.VALIDATION_FAILED, "count must be between 1 and 100");
        }
        var authorised = authority.authorise(ChangeKind.STATE_DELMAL_COUNT, command.decision(), command.effectiveFrom(),
                command.effectiveFromPrecision());
        if (statedDelmal != null && statedDelmal == command.count()) {
            throw new RuleViolationException(Refusal.DUPLICATE_CHANGE, "goal " + goalId + " is already stated to have "
                    + command.count() + " delmål");
        }
        apply(new DelmalCountStated(goalId, programmeId, command.count(), authorised.decision(),
                authorised.effectiveFrom(), authorised.precision()));
        return Accepted.now(goalId);
    }

    @EventSourcingHandler
    void on(GoalAdded event) {
        goalId = event.goalId();
        programmeId = event.programmeId();
    }

    @EventSourcingHandler
    void on(DelmalCountStated event) {
        statedDelmal = event.count();
    }

    @EventSourcingHandler
    void on(ChildRightsLinked event) {
        childRights = event.articles();
        childRightsDecision = event.decision().decisionId().value();
    }
}
