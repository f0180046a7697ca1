package dev.cairn.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small payloads the fixtures share, and a helper for the JSON schemas they send.
 */
final class Fixtures {

	/** A 1×1 red PNG. */
	static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

	/** Eight samples of 8 kHz mono silence as WAV. */
	static final String WAV = "UklGRiwAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQgAAACAgICAgICAgA==";

	private Fixtures() {
	}

	/**
	 * A map from alternating keys and values, in that order, so that schemas read in the
	 * order they were written.
	 */
	static Map<String, Object> object(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	/** Waits a little between notifications, as the suite's scenarios ask. */
	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
