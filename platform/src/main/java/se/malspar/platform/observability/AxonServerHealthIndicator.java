package se.malspar.platform.observability;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With the {@code axonserver} profile: UP while connected to Axon Server. Part of readiness there
 * (commands and queries travel through it), not of liveness: the connector keeps reconnecting on
 * its own, so a process waiting for Axon Server is alive, only not ready. (Axon's own indicator
 * is in {@code axon-actuator}, which this project does not carry.)
 */
@Component("axonServer")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class AxonServerHealthIndicator implements HealthIndicator {

    private final AxonServerConnectionManager connections;

    AxonServerHealthIndicator(AxonServerConnectionManager connections) {
        this.connections = connections;
    }

    @Override
    public Health health() {
        String context = connections.getDefaultContext();
        return (connections.isConnected(context) ? Health.up() : Health.down())
                .withDetail("context", context).build();
    }
}
