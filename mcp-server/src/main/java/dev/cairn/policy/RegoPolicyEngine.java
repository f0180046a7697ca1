package dev.cairn.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.cairn.rego.PreparedQuery;
import dev.cairn.rego.QueryResult;
import dev.cairn.rego.Rego;
import dev.cairn.rego.RegoException;
import dev.cairn.rego.value.Value;

/**
 * Decides in process with Cairn's own Rego engine, from a folder of policies. Each
 * revision is compiled and its entrypoint prepared once, then evaluated concurrently. A
 * revision replaces the one serving only when it loads, compiles and decides a probe
 * input without an error; otherwise the error ({@code file:row:col: code: message}) is
 * logged and kept for health, and the previous revision keeps serving.
 */
final class RegoPolicyEngine implements PolicyEngine {

	private static final Logger logger = LoggerFactory.getLogger(RegoPolicyEngine.class);

	private static final Pattern ENTRYPOINT = Pattern.compile("data(\\.[A-Za-z_][A-Za-z0-9_]*)+");

	private static final String RESULT = "cairn_decision";

	private final Path root;

	private final String entrypoint;

	private final Duration timeout;

	private final Clock clock;

	private final boolean shipped;

	private volatile Loaded current;

	private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

	private volatile String lastError;

	/**
	 * Loads the folder once; a folder that does not load leaves the engine without a
	 * revision (every decision fails closed) until a reload succeeds.
	 * @param entrypoint a plain ref into {@code data}, for example
	 * {@code data.cairn.authz.decision}
	 * @param timeout the limit of one evaluation
	 */
	RegoPolicyEngine(Path root, String entrypoint, Duration timeout, Clock clock) {
		this(root, entrypoint, timeout, clock, false);
	}

	/**
	 * @param shipped whether {@code root} is a copy of the policies shipped in the jar
	 * (reported in health, never watched)
	 */
	RegoPolicyEngine(Path root, String entrypoint, Duration timeout, Clock clock, boolean shipped) {
		if (!ENTRYPOINT.matcher(entrypoint).matches()) {
			throw new IllegalArgumentException(
					"cairn.policy.entrypoint must be a ref into data such as data.cairn.authz.decision, not \""
							+ entrypoint + "\"");
		}
		this.root = root;
		this.entrypoint = entrypoint;
		this.timeout = timeout;
		this.clock = clock;
		this.shipped = shipped;
		reload();
	}

	/**
	 * Reads the folder again and, when its content changed and the new revision is sound,
	 * serves it.
	 * @return whether the folder's current content is what serves
	 */
	synchronized boolean reload() {
		Loaded previous = this.current;
		try {
			PolicyBundle bundle = PolicyBundle.read(this.root);
			if (previous != null && previous.revision().equals(bundle.revision())) {
				if (this.lastError != null) {
					logger.info("policy folder {} is back to revision {}, which kept serving", this.root,
							previous.revision());
				}
				this.lastError = null;
				return true;
			}
			Loaded loaded = compile(bundle);
			this.current = loaded;
			this.lastError = null;
			logger.info("policy revision {} serving from {} ({} modules){}", loaded.revision(), this.root,
					bundle.modules().size(), (previous != null) ? ", replacing " + previous.revision() : "");
			if (previous != null) {
				this.listeners.forEach(RegoPolicyEngine::notify);
			}
			return true;
		}
		catch (RegoException | IOException | UncheckedIOException | IllegalArgumentException ex) {
			this.lastError = ex.getMessage();
			if (previous != null) {
				logger.error("policy change under {} rejected; revision {} keeps serving: {}", this.root,
						previous.revision(), ex.getMessage());
			}
			else {
				logger.error("no policy loaded from {}; every action is denied until it loads: {}", this.root,
						ex.getMessage());
			}
			return false;
		}
	}

	private Loaded compile(PolicyBundle bundle) {
		Rego.Builder builder = Rego.builder().data(bundle.data()).timeoutMillis(this.timeout.toMillis());
		for (Map.Entry<String, String> module : bundle.modules().entrySet()) {
			builder.module(module.getKey(), module.getValue());
		}
		PreparedQuery query = builder.build().prepare(RESULT + " = " + this.entrypoint);
		// An evaluation error on a plain input (an unknown function, a conflict) is
		// caught
		// here rather than on the first real call.
		Value probe = PolicyInputs.probe(this.clock).toValue();
		try {
			query.evaluate(probe);
		}
		catch (RegoException ex) {
			throw new RegoException(ex.code(), ex.location(),
					ex.detail() + " (while deciding a probe input with revision " + bundle.revision() + ")");
		}
		return new Loaded(query, bundle.revision(), this.clock.instant());
	}

	@Override
	public DecisionDocument evaluate(PolicyInput input) {
		Loaded loaded = this.current;
		if (loaded == null) {
			throw new PolicyUnavailableException("no policy loaded from " + this.root + ": " + this.lastError,
					PolicyBundle.NO_REVISION);
		}
		Value value;
		try {
			value = input.toValue();
		}
		catch (IllegalArgumentException ex) {
			throw new PolicyUnavailableException("the input is not JSON: " + ex.getMessage(), loaded.revision(), ex);
		}
		QueryResult result;
		try {
			result = loaded.query().evaluate(value);
		}
		catch (RegoException ex) {
			throw new PolicyUnavailableException("evaluating " + this.entrypoint + " failed: " + ex.getMessage(),
					loaded.revision(), ex);
		}
		Value document = result.isDefined() ? result.rows().get(0).get(RESULT) : null;
		return new DecisionDocument(document, loaded.revision(), null);
	}

	@Override
	public void onNewRevision(Runnable listener) {
		this.listeners.add(listener);
	}

	private static void notify(Runnable listener) {
		try {
			listener.run();
		}
		catch (RuntimeException ex) {
			// A listener must not undo a reload that succeeded.
			logger.warn("a listener for new policy revisions failed", ex);
		}
	}

	@Override
	public String revision() {
		Loaded loaded = this.current;
		return (loaded != null) ? loaded.revision() : PolicyBundle.NO_REVISION;
	}

	@Override
	public String describe() {
		return "rego " + (this.shipped ? "shipped guardrails (" + this.root + ")" : this.root) + " " + this.entrypoint;
	}

	Path root() {
		return this.root;
	}

	boolean shipped() {
		return this.shipped;
	}

	/** Why the last load failed, or {@code null} when the folder's content serves. */
	String lastError() {
		return this.lastError;
	}

	/** When the serving revision was loaded, or {@code null}. */
	Instant loadedAt() {
		Loaded loaded = this.current;
		return (loaded != null) ? loaded.loadedAt() : null;
	}

	private record Loaded(PreparedQuery query, String revision, Instant loadedAt) {
	}

}
