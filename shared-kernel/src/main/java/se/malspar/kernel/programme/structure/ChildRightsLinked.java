package se.malspar.kernel.programme.structure;

import org.axonframework.serialization.Revision;
import se.malspar.kernel.programme.DecisionReference;
import se.malspar.kernel.programme.GoalId;

import java.time.LocalDate;
import java.util.List;

/** The goal's Barnkonventionen articles (ascending, distinct, 1–54) from {@code effectiveFrom}, by the decision. */
@Revision("1")
public record ChildRightsLinked(GoalId goalId, List<Integer> articles, DecisionReference decision,
                                LocalDate effectiveFrom) {

    public ChildRightsLinked {
        articles = articles == null ? List.of() : List.copyOf(articles);
    }
}
