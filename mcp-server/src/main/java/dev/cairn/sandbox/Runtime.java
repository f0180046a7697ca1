package dev.cairn.sandbox;

import java.util.List;
import java.util.Locale;

/**
 * What a service is written in, read from its catalog tags, and so how its log lines
 * look: Spring Boot's console format, Go's logfmt, a Node server's plain lines, or
 * uvicorn's. The words that matter to a diagnosis (the missing key, the dependency, the
 * status) are the same in all four; only the frame around them differs.
 */
enum Runtime {

	JVM, GO, NODE, PYTHON;

	static Runtime of(List<String> tags) {
		for (String tag : tags) {
			switch (tag.toLowerCase(Locale.ROOT)) {
				case "java", "kotlin", "scala", "spring-boot":
					return JVM;
				case "go", "golang":
					return GO;
				case "typescript", "javascript", "nodejs", "node", "nextjs":
					return NODE;
				case "python":
					return PYTHON;
				default:
					break;
			}
		}
		return JVM;
	}

	/**
	 * A line as the runtime's logger frames it; {@code thread} and {@code logger} are the
	 * JVM's.
	 */
	String line(String level, String thread, String logger, String body) {
		switch (this) {
			case JVM:
				return pad(word(level), 5) + " 1 --- [" + thread + "] " + logger + " : " + body;
			case GO:
				return "level=" + word(level) + " msg=\"" + body.replace("\"", "\\\"") + "\"";
			case NODE:
				return pad(word(level), 5) + " " + body;
			default:
				return pad(word(level) + ":", 10) + body;
		}
	}

	/** The level word as this runtime's logger writes it. */
	String word(String level) {
		switch (level) {
			case "warn":
				return (this == PYTHON) ? "WARNING" : "WARN";
			case "error":
				return "ERROR";
			case "debug":
				return "DEBUG";
			default:
				return "INFO";
		}
	}

	/** An access-log line for one served request. */
	String access(String level, Words words, Words.Request request, int status, long millis, long seed) {
		switch (this) {
			case GO:
				return "level=" + word(level) + " msg=\"request completed\" method=" + request.method() + " path="
						+ request.path() + " status=" + status + " duration=" + millis + "ms";
			case PYTHON:
				return pad(word(level) + ":", 10) + "10.42." + Seed.between(seed, 0, 15) + "."
						+ Seed.between(seed + 1, 2, 250) + ":" + Seed.between(seed + 2, 32768, 60999) + " - \""
						+ request.method() + " " + request.path() + " HTTP/1.1\" " + status + " " + reason(status);
			default:
				return line(level, "nio-8080-exec-" + Seed.between(seed, 1, 10),
						"c.a." + words.noun() + ".web.RequestLog",
						request.method() + " " + request.path() + " " + status + " " + millis + "ms");
		}
	}

	/** The lines a process writes as it starts, before it is ready. */
	List<Text> starting(Workload workload, String version) {
		Words words = Words.of(workload.service());
		String app = words.type() + "Application";
		switch (this) {
			case JVM:
				return List.of(
						info(line("info", "main", "c.a." + words.noun() + "." + app,
								"Starting " + app + " v" + version
										+ " using Java 17.0.13 with PID 1 (/app/app.jar started by app in /app)")),
						info(line("info", "main", "c.a." + words.noun() + "." + app,
								"The following 1 profile is active: \"" + workload.environment() + "\"")));
			case GO:
				return List.of(info("level=INFO msg=\"starting " + workload.service() + "\" version=" + version
						+ " env=" + workload.environment()));
			case NODE:
				return List.of(info("INFO  " + workload.service() + "@" + version
						+ " starting (node v20.18.1, NODE_ENV=production)"));
			default:
				return List.of(info("INFO:     Started server process [1]"),
						info("INFO:     Waiting for application startup."));
		}
	}

	/** The lines a process writes once it serves. */
	List<Text> started(Workload workload) {
		Words words = Words.of(workload.service());
		String app = words.type() + "Application";
		switch (this) {
			case JVM:
				return List.of(
						info(line("info", "main", "o.s.b.w.embedded.tomcat.TomcatWebServer",
								"Tomcat started on port 8080 (http) with context path '/'")),
						info(line("info", "main", "c.a." + words.noun() + "." + app,
								"Started " + app + " in 9.412 seconds (process running for 10.305)")));
			case GO:
				return List.of(info("level=INFO msg=\"listening\" addr=:8080"));
			case NODE:
				return List.of(info("INFO  listening on http://0.0.0.0:3000"));
			default:
				return List.of(info("INFO:     Application startup complete."),
						info("INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)"));
		}
	}

	static String reason(int status) {
		switch (status) {
			case 200:
				return "OK";
			case 201:
				return "Created";
			case 404:
				return "Not Found";
			case 409:
				return "Conflict";
			case 500:
				return "Internal Server Error";
			case 502:
				return "Bad Gateway";
			case 503:
				return "Service Unavailable";
			default:
				return "";
		}
	}

	static String pad(String text, int width) {
		if (text.length() >= width) {
			return text;
		}
		StringBuilder out = new StringBuilder(width).append(text);
		while (out.length() < width) {
			out.append(' ');
		}
		return out.toString();
	}

	private static Text info(String message) {
		return new Text("info", message);
	}

	/**
	 * A line's level (in the ports' words) and its text.
	 *
	 * @param level debug, info, warn or error
	 * @param message the line as the container wrote it
	 */
	record Text(String level, String message) {

	}

}
