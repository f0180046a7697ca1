package dev.cairn.rego;

import java.util.ArrayList;
import java.util.List;

import dev.cairn.rego.ast.Body;
import dev.cairn.rego.ast.Module;
import dev.cairn.rego.internal.compile.CompiledPolicy;
import dev.cairn.rego.internal.eval.Evaluator;
import dev.cairn.rego.internal.parser.RegoParser;
import dev.cairn.rego.value.ObjectValue;
import dev.cairn.rego.value.Value;

/**
 * A compiled set of Rego modules and a base data document. Compile once with
 * {@link #builder()}, then {@link #prepare(String) prepare} queries; both this object and
 * its prepared queries are immutable and safe to share between threads.
 *
 * <pre>{@code
 * Rego rego = Rego.builder().module("authz.rego", source).build();
 * QueryResult result = rego.prepare("data.authz.allow").evaluate(input);
 * }</pre>
 */
public final class Rego {

	private final CompiledPolicy policy;

	private final Options options;

	private Rego(CompiledPolicy policy, Options options) {
		this.policy = policy;
		this.options = options;
	}

	/** A builder for modules, data and options. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Parses and checks a query against the compiled modules.
	 * @param query a Rego query, for example {@code data.authz.allow == true}
	 * @throws RegoException when the query does not parse or does not compile
	 */
	public PreparedQuery prepare(String query) {
		Body body = this.policy.prepare(RegoParser.parseQuery(query));
		return new PreparedQuery(this.policy, body, this.options, this.options.limits());
	}

	/**
	 * Evaluation options.
	 *
	 * @param strictBuiltinErrors whether a failing builtin stops evaluation with an error
	 * instead of making its expression undefined
	 * @param limits the bounds of each evaluation, unless a query or evaluation sets its
	 * own
	 * @param network the hosts network builtins may reach
	 * @param runtime what {@code opa.runtime()} returns
	 * @param printHook where {@code print} output goes
	 */
	record Options(boolean strictBuiltinErrors, Limits limits, NetworkAccess network, Value runtime,
			PrintHook printHook) {
	}

	/** Collects modules and data; {@link #build()} compiles them. */
	public static final class Builder {

		private final List<Module> modules = new ArrayList<>();

		private Value data = ObjectValue.EMPTY;

		private boolean experimentalKeywords;

		private boolean strictBuiltinErrors;

		private Limits limits = Limits.DEFAULT;

		private NetworkAccess network = NetworkAccess.NONE;

		private Value runtime = ObjectValue.EMPTY;

		private PrintHook printHook = PrintHook.DISCARD;

		private Builder() {
		}

		/**
		 * Allows the experimental {@code and}/{@code or} keywords in modules added after
		 * this call.
		 */
		public Builder experimentalKeywords(boolean enabled) {
			this.experimentalKeywords = enabled;
			return this;
		}

		/** Adds a module. @throws RegoException when it does not parse */
		public Builder module(String file, String source) {
			this.modules.add(RegoParser.parseModule(file, source, this.experimentalKeywords));
			return this;
		}

		/** Sets the base document under {@code data}; it must be an object. */
		public Builder data(Value data) {
			if (!(data instanceof ObjectValue)) {
				throw new IllegalArgumentException("data must be an object, got " + data.typeName());
			}
			this.data = data;
			return this;
		}

		/** Makes builtin errors fatal, as OPA's {@code strict-builtin-errors}. */
		public Builder strictBuiltinErrors(boolean strict) {
			this.strictBuiltinErrors = strict;
			return this;
		}

		/**
		 * Limits each evaluation to this many milliseconds (0: none); the same as
		 * {@code limits(limits.withTimeout(...))}.
		 */
		public Builder timeoutMillis(long millis) {
			this.limits = this.limits.withTimeout(java.time.Duration.ofMillis(millis));
			return this;
		}

		/**
		 * Sets the bounds of each evaluation ({@link Limits#DEFAULT} unless set); a
		 * prepared query or a single evaluation can override them.
		 */
		public Builder limits(Limits limits) {
			this.limits = java.util.Objects.requireNonNull(limits, "limits");
			return this;
		}

		/**
		 * Lets {@code http.send} and {@code net.lookup_ip_addr} reach these hosts; by
		 * default ({@link NetworkAccess#NONE}) they fail with an error naming the host.
		 */
		public Builder network(NetworkAccess access) {
			this.network = java.util.Objects.requireNonNull(access, "access");
			return this;
		}

		/**
		 * The document {@code opa.runtime()} returns (an empty object by default), for
		 * example the gateway's version and environment.
		 */
		public Builder runtime(Value runtime) {
			this.runtime = java.util.Objects.requireNonNull(runtime, "runtime");
			return this;
		}

		/** Sends {@code print} output to {@code hook} (by default it is discarded). */
		public Builder printHook(PrintHook hook) {
			this.printHook = java.util.Objects.requireNonNull(hook, "hook");
			return this;
		}

		/** Compiles the modules. @throws RegoException for compile errors */
		public Rego build() {
			return new Rego(CompiledPolicy.compile(this.modules, (ObjectValue) this.data, Evaluator::builtinArity),
					new Options(this.strictBuiltinErrors, this.limits, this.network, this.runtime, this.printHook));
		}

	}

}
