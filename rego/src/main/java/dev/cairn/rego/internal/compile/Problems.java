package dev.cairn.rego.internal.compile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.cairn.rego.ErrorCode;
import dev.cairn.rego.Location;
import dev.cairn.rego.RegoException;

/**
 * The errors of one compiler stage. As in OPA, a stage reports everything it finds, and
 * compilation stops after the first stage that found something.
 */
final class Problems {

	/** Positions in source order; errors without one go last. */
	static final Comparator<Location> BY_POSITION = Comparator.nullsLast(
			Comparator.comparing(Location::file).thenComparingInt(Location::row).thenComparingInt(Location::col));

	private final List<RegoException> errors = new ArrayList<>();

	void add(ErrorCode code, Location location, String detail) {
		this.errors.add(new RegoException(code, location, detail));
	}

	boolean isEmpty() {
		return this.errors.isEmpty();
	}

	/** Ends the stage: throws what it found, if anything. */
	void check() {
		if (!this.errors.isEmpty()) {
			throw (this.errors.size() == 1) ? this.errors.get(0) : new RegoException(this.errors);
		}
	}

}
