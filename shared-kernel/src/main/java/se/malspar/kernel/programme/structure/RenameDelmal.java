package se.malspar.kernel.programme.structure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DelmalId;

import java.time.LocalDate;

/** @param expectedVersion the version the caller last saw (If-Match); null when not given */
public record RenameDelmal(@TargetAggregateIdentifier DelmalId delmalId, String name, DecisionId decision,
                           LocalDate effectiveFrom, @TargetAggregateVersion Long expectedVersion) {
}
