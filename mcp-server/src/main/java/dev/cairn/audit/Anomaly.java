package dev.cairn.audit;

/**
 * Something the verifier found wrong with the trail.
 *
 * @param kind what sort of tampering it points to
 * @param seq the sequence where it shows, or {@code null} for the head itself
 * @param message what was found, for a person
 */
record Anomaly(Kind kind, Long seq, String message) {

	@Override
	public String toString() {
		return ((this.seq != null) ? "seq " + this.seq : "head") + ": " + this.kind.label + ": " + this.message;
	}

	enum Kind {

		/**
		 * The entry does not match its MAC at its position: edited, forged, or moved far.
		 */
		NOT_AUTHENTIC("not authentic"),

		/** Sequences are missing: entries were deleted. */
		MISSING("missing"),

		/** The entry does not chain to the one stored before it. */
		BROKEN_LINK("broken link"),

		/**
		 * The entry is authentic but was written at another sequence: renumbered or
		 * swapped.
		 */
		MOVED("moved"),

		/** The trail ends before the last entry the head records. */
		TRUNCATED("truncated"),

		/** Entries follow the last one the head records. */
		BEYOND_HEAD("beyond head"),

		/** The last entry is not the one the head records. */
		HEAD_MISMATCH("head mismatch"),

		/**
		 * The head is missing, unsealed while entries exist, or does not match its MAC.
		 */
		BAD_HEAD("bad head");

		final String label;

		Kind(String label) {
			this.label = label;
		}

	}

}
