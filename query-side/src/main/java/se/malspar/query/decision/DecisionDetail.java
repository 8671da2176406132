package se.malspar.query.decision;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import se.malspar.query.programme.DecisionChange;

import java.util.List;

/** A register entry with {@code changes}: every programme change the decision authorised, with before and after. */
record DecisionDetail(@JsonUnwrapped DecisionView decision, List<DecisionChange> changes) {
}
