package se.malspar.command.period;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolation;
import se.malspar.kernel.fulfilment.AssessFulfilment;
import se.malspar.kernel.programme.measurement.RecordMeasurement;

/**
 * A measurement or an assessment for a closed period is refused before the indicator decides,
 * whichever way it came (admin API, Kolada import, history load): a set-based rule, answered by
 * {@link ClosedPeriods}. Thrown as the translated refusal itself, so it becomes a problem detail
 * whatever the order of the bus's interceptors.
 */
@Configuration(proxyBeanMethods = false)
class ClosedPeriodGuard {

    @Autowired
    void register(CommandBus commandBus, ClosedPeriods closed) {
        commandBus.<CommandMessage<?>>registerHandlerInterceptor((unitOfWork, chain) -> {
            Object payload = unitOfWork.getMessage().getPayload();
            String period = payload instanceof RecordMeasurement m ? m.period()
                    : payload instanceof AssessFulfilment a ? a.period() : null;
            if (period != null) {
                var decision = closed.closedBy(period);
                if (decision.isPresent()) {
                    String message = "period " + period + " is closed (" + decision.get()
                            + "); a reopening decision with a reason must come first";
                    throw new CommandExecutionException(message, null, new RuleViolation(Refusal.PERIOD_CLOSED, message));
                }
            }
            return chain.proceed();
        });
    }
}
