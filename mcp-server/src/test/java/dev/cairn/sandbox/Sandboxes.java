package dev.cairn.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import dev.cairn.catalog.CatalogService;
import dev.cairn.catalog.FolderCatalogSource;
import dev.cairn.telemetry.ServiceTarget;

/**
 * Sandboxes for tests: the demo organisation's catalog, a clock the test moves, and the
 * platform built on them with the failures asked for.
 */
final class Sandboxes {

	/** A Tuesday afternoon. */
	static final Instant START = Instant.parse("2026-11-24T14:00:00Z");

	private static CatalogService catalog;

	private Sandboxes() {
	}

	static synchronized CatalogService demoCatalog() {
		if (catalog == null) {
			catalog = new CatalogService(new FolderCatalogSource(Path.of("src/main/resources/demo-catalog")));
		}
		return catalog;
	}

	static SandboxPlatform platform(TestClock clock) {
		return new SandboxPlatform(demoCatalog(), clock, SandboxProperties.defaults());
	}

	static SandboxPlatform platform(TestClock clock, Map<String, Map<String, String>> failures) {
		return new SandboxPlatform(demoCatalog(), clock, new SandboxProperties(true, failures));
	}

	static ServiceTarget target(String service, String environment) {
		return new ServiceTarget(service, environment);
	}

	/** A clock that stands still until the test moves it. */
	static final class TestClock extends Clock {

		private Instant now;

		TestClock(Instant now) {
			this.now = now;
		}

		TestClock() {
			this(START);
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
