package dev.optimlab.runs;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports the run service at {@code /actuator/health}: down when a worker has died, with the workers alive,
 * the queue length, the programs running and the memory budgets held. No PyTorch counterpart.
 */
class RunServiceHealthIndicator implements HealthIndicator {
    private final RunService runService;

    RunServiceHealthIndicator(RunService runService) {
        this.runService = runService;
    }

    @Override
    public Health health() {
        int alive = runService.workersAlive();
        int configured = runService.settings().workers();
        Health.Builder health = alive == configured ? Health.up() : Health.down();
        return health.withDetail("workersAlive", alive).withDetail("workers", configured)
                .withDetail("queueLength", runService.queueLength()).withDetail("running", runService.runningCount())
                .withDetail("reservedBytes", runService.reservedBytes())
                .withDetail("memoryCapacityBytes", runService.settings().memoryCapacityBytes()).build();
    }
}
