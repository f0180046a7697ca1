package dev.cairn.policy;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The policy's part of {@code /actuator/health} and of readiness: down until a decision
 * succeeds, and down again after a decision fails closed, until one succeeds. While down,
 * each check decides a probe input itself, so readiness recovers without waiting for
 * traffic that a load balancer would not send to an unready instance.
 */
@Component("policy")
class PolicyHealthIndicator implements HealthIndicator {

	private final PolicyService policies;

	PolicyHealthIndicator(PolicyService policies) {
		this.policies = policies;
	}

	@Override
	public Health health() {
		if (!this.policies.status().ready()) {
			this.policies.probe();
		}
		PolicyStatus status = this.policies.status();
		Health.Builder health = status.ready() ? Health.up() : Health.down();
		health.withDetail("engine", this.policies.engine()).withDetail("revision", this.policies.revision());
		if (status.lastSuccess() != null) {
			health.withDetail("lastSuccess", status.lastSuccess().toString());
		}
		if (status.lastFailure() != null) {
			health.withDetail("lastFailure", status.lastFailure().toString())
				.withDetail("lastError", status.lastError());
		}
		if (this.policies.policyEngine() instanceof RegoPolicyEngine rego && rego.lastError() != null) {
			// A rejected change: the previous revision serves, the platform team should
			// know.
			health.withDetail("rejectedChange", rego.lastError());
		}
		return health.build();
	}

}
