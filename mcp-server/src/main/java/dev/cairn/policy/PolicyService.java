package dev.cairn.policy;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to ask the policy. Every action, on every channel, is decided here before
 * it runs, and {@code tools/list} asks {@link #visible} with the same policy.
 * <p>
 * Fail closed: an input without a principal is denied before any engine is asked; an
 * engine error, a timeout, an undefined or malformed decision document, an unreachable
 * OPA: all deny with reason {@value Decision#POLICY_UNAVAILABLE}, and readiness stays
 * down until a decision succeeds again. Nothing here throws for a bad answer.
 * Thread-safe.
 */
public class PolicyService {

	private static final Logger logger = LoggerFactory.getLogger(PolicyService.class);

	private final PolicyEngine engine;

	private final Clock clock;

	private volatile PolicyStatus status = PolicyStatus.STARTING;

	PolicyService(PolicyEngine engine, Clock clock) {
		this.engine = Objects.requireNonNull(engine, "engine");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Decides one action.
	 * @param input what is to be decided; a {@code null} principal is denied with reason
	 * {@value Decision#UNIDENTIFIED} and no engine is asked
	 * @return the decision, never {@code null}
	 */
	public Decision decide(PolicyInput input) {
		if (input == null || input.principal() == null) {
			return new Decision.Deny(List.of(Decision.UNIDENTIFIED),
					"no identity was established for this request; authenticate and try again", null,
					this.engine.revision(), null);
		}
		Decision decision;
		try {
			decision = DecisionMapper.map(this.engine.evaluate(input));
		}
		catch (PolicyUnavailableException ex) {
			decision = Decision.Deny.unavailable(ex.getMessage(),
					(ex.revision() != null) ? ex.revision() : this.engine.revision(), null);
		}
		catch (RuntimeException ex) {
			// A bug in an engine must deny like any other failure, not escape to the
			// tool.
			logger.error("policy engine {} failed unexpectedly", this.engine.describe(), ex);
			decision = Decision.Deny.unavailable("unexpected engine failure: " + ex, this.engine.revision(), null);
		}
		record(input, decision);
		return decision;
	}

	/**
	 * Whether {@code tools/list} shows a tool: some call to it could be permitted, now or
	 * after an approval.
	 * @param input a listing input, from {@link PolicyInputs#forListing}
	 */
	public boolean visible(PolicyInput input) {
		Decision decision = decide(input);
		return decision instanceof Decision.Allow || decision instanceof Decision.RequireApproval;
	}

	/** The revision the next decision would come from, or {@code none}. */
	public String revision() {
		return this.engine.revision();
	}

	/**
	 * Calls {@code listener} whenever another policy revision starts serving (in-process
	 * engine), for example to tell MCP clients that their tool lists may have changed.
	 */
	public void onNewRevision(Runnable listener) {
		this.engine.onNewRevision(listener);
	}

	/**
	 * The engine, for health and logs: {@code rego <folder> <entrypoint>} or OPA's URL.
	 */
	public String engine() {
		return this.engine.describe();
	}

	PolicyStatus status() {
		return this.status;
	}

	PolicyEngine policyEngine() {
		return this.engine;
	}

	/** Decides a harmless probe input, so that readiness can recover without traffic. */
	Decision probe() {
		return decide(PolicyInputs.probe(this.clock));
	}

	private void record(PolicyInput input, Decision decision) {
		if (decision instanceof Decision.Deny deny && deny.policyUnavailable()) {
			this.status = this.status.failed(this.clock.instant(), deny.error());
			logger.warn("policy unavailable, {} denied (fail closed; request {}): {}", input.action().tool(),
					input.context().requestId(), deny.error());
		}
		else if (!this.status.ready()) {
			this.status = this.status.succeeded(this.clock.instant());
			logger.info("policy engine {} is deciding (revision {})", this.engine.describe(), decision.revision());
		}
		else {
			this.status = this.status.succeeded(this.clock.instant());
		}
	}

}
