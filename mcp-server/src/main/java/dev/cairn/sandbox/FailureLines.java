package dev.cairn.sandbox;

import java.util.List;

import dev.cairn.sandbox.Runtime.Text;

/**
 * What a failing service writes, in its runtime's own frame: the startup failure naming
 * the missing key, the exception of a regressed code path, the database that refuses
 * connections, the dependency that answers 503, the readiness group that is down, the
 * slow query, the cache that grows without bound.
 */
final class FailureLines {

	private FailureLines() {
	}

	/** A process that stops at start because a configuration value is missing. */
	static List<Text> missingConfig(Workload workload) {
		String words = "required configuration value " + Changes.configKey(workload)
				+ " is not set (expected in ConfigMap " + Changes.configMap(workload) + ")";
		Words names = Words.of(workload.service());
		switch (workload.runtime()) {
			case JVM:
				return List.of(
						error(workload.runtime()
							.line("error", "main", "o.s.boot.SpringApplication", "Application run failed")),
						error("java.lang.IllegalStateException: " + words),
						error("\tat com.acme." + names.noun() + ".config." + names.type() + "Settings.require("
								+ names.type() + "Settings.java:48)"),
						error("\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)"));
			case GO:
				return List.of(error("level=ERROR msg=\"startup failed\" err=\"" + words + "\""));
			case NODE:
				return List.of(error("ERROR Application startup failed"), error("Error: " + words),
						error("    at requireEnv (/app/dist/config.js:18:11)"),
						error("    at loadConfig (/app/dist/config.js:42:20)"));
			default:
				return List.of(error("ERROR:    Traceback (most recent call last):"),
						error("  File \"/app/" + names.noun() + "/config.py\", line 31, in load"),
						error("RuntimeError: " + words), error("ERROR:    Application startup failed. Exiting."));
		}
	}

	/** A request the regressed code path fails with a null dereference. */
	static List<Text> requestFailure(Workload workload, Words.Request request, long seed) {
		Words names = Words.of(workload.service());
		switch (workload.runtime()) {
			case JVM:
				return List.of(
						error(workload.runtime()
							.line("error", "nio-8080-exec-" + Seed.between(seed, 1, 10),
									"o.a.c.c.C.[.[.[/].[dispatcherServlet]",
									"Servlet.service() for servlet [dispatcherServlet] threw exception")),
						error("java.lang.NullPointerException: Cannot invoke \"com.acme." + names.noun()
								+ ".Currency.code()\" because the return value of \"com.acme." + names.noun() + "."
								+ names.type() + ".currency()\" is null"),
						error("\tat com.acme." + names.noun() + "." + names.type() + "Totals.apply(" + names.type()
								+ "Totals.java:87)"),
						error("\tat com.acme." + names.noun() + ".web." + names.type() + "Controller.create("
								+ names.type() + "Controller.java:54)"));
			case GO:
				return List.of(error("level=ERROR msg=\"panic recovered\" method=" + request.method() + " path="
						+ request.path() + " err=\"runtime error: invalid memory address or nil pointer dereference\""),
						error("goroutine " + Seed.between(seed, 100, 9999) + " [running]:"),
						error("github.com/acme/" + workload.service() + "/internal/" + names.noun()
								+ ".(*Totals).Apply(...)"),
						error("\t/src/internal/" + names.noun() + "/totals.go:87 +0x1c4"));
			case NODE:
				return List.of(
						error("ERROR " + request.method() + " " + request.path()
								+ " 500 - TypeError: Cannot read properties of undefined (reading 'code')"),
						error("    at applyCurrency (/app/dist/" + names.noun() + "/totals.js:87:31)"),
						error("    at async create (/app/dist/api/" + names.plural() + ".js:22:19)"));
			default:
				return List.of(error("ERROR:    Exception in ASGI application"),
						error("Traceback (most recent call last):"),
						error("  File \"/app/" + names.noun() + "/totals.py\", line 87, in apply_currency"),
						error("AttributeError: 'NoneType' object has no attribute 'code'"));
		}
	}

	/** A process that stops because its database refuses connections. */
	static List<Text> databaseRefused(Workload workload) {
		String host = workload.databaseHost();
		Words names = Words.of(workload.service());
		return List.of(
				error(workload.runtime()
					.line("error", "main", "c.a." + names.noun() + "." + names.type() + "Application",
							"database " + host + " is unreachable, shutting down")),
				error("FATAL: could not connect to " + host + ":5432: connection refused"));
	}

	static Text upstreamUnavailable(Workload workload, Outage outage, long seed) {
		Workload.Peer peer = outage.dependency();
		Words target = Words.of(peer.service());
		return error(workload.runtime()
			.line("error", "nio-8080-exec-" + Seed.between(seed, 1, 10),
					"c.a." + Words.of(workload.service()).noun() + ".client." + Words.of(peer.service()).type()
							+ "Client",
					"upstream " + peer.service() + " unavailable: 503 Service Unavailable (POST " + peer.url()
							+ target.collectionPath() + ")"));
	}

	static Text slowQuery(Workload workload, long millis, long seed) {
		Words names = Words.of(workload.service());
		return new Text("warn",
				workload.runtime()
					.line("warn", "nio-8080-exec-" + Seed.between(seed, 1, 10), "org.hibernate.SQL_SLOW",
							"Slow query took " + millis + " milliseconds [select li.* from " + names.noun()
									+ "_line_items li where li." + names.noun() + "_id=? order by li.position]"));
	}

	static Text readinessDown(Workload workload, String version) {
		return new Text("warn", workload.runtime()
			.line("warn", "http-nio-8080-exec-1", "o.s.b.a.health.HealthEndpointSupport",
					"readiness group is DOWN: health contributor '" + Words.camel(Changes.probedName(workload))
							+ "' failed: GET " + Changes.probedUrl(workload)
							+ "/healthz/ready returned 404 Not Found (contributor added to the readiness group in "
							+ version + ")"));
	}

	static Text cacheGrowing(Workload workload, long entries, long mebibytes) {
		Words names = Words.of(workload.service());
		return new Text("warn",
				workload.runtime()
					.line("warn", "cache-stats", "c.a." + names.noun() + ".cache." + names.type() + "Cache",
							names.noun() + " lookup cache holds " + entries + " entries (~" + mebibytes
									+ " MiB); no size limit is configured"));
	}

	static Text slowRequest(Workload workload, Words.Request request, long millis, long seed) {
		return new Text("warn", workload.runtime()
			.line("warn", "nio-8080-exec-" + Seed.between(seed, 1, 10),
					"c.a." + Words.of(workload.service()).noun() + ".web.RequestLog", "slow request: "
							+ request.method() + " " + request.path() + " took " + millis + " ms (budget 500 ms)"));
	}

	private static Text error(String message) {
		return new Text("error", message);
	}

}
