package se.malspar.command.programme;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import se.malspar.kernel.common.RuleViolationException;

/** Matches a refusal by its problem code, the part of a refusal the admin API turns into a status. */
final class Refusals {

    private Refusals() {
    }

    static Matcher<RuleViolationException> refusedWith(String code) {
        return new FeatureMatcher<>(Matchers.equalTo(code), "a rule violation with code", "code") {
            @Override
            protected String featureValueOf(RuleViolationException actual) {
                return actual.violation().code();
            }
        };
    }
}
