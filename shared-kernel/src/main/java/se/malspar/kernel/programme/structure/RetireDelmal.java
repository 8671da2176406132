package se.malspar.kernel.programme.structure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.programme.DelmalId;

import java.time.LocalDate;

public record RetireDelmal(@TargetAggregateIdentifier DelmalId delmalId, DecisionId decision, LocalDate effectiveFrom,
                           @TargetAggregateVersion Long expectedVersion) {
}
