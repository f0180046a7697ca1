package dev.cairn.catalog;

import java.util.Objects;

/**
 * Something wrong in the catalog's input, reported without stopping the rest from
 * loading.
 *
 * @param severity {@code ERROR} when an entity or document was dropped, {@code WARNING}
 * when it loaded
 * @param location where: {@code path:line} for files, a URL for a Backstage backend
 * @param entityRef the entity concerned, when known
 * @param message what is wrong, naming the field
 */
public record CatalogProblem(Severity severity, String location, String entityRef, String message) {

	public CatalogProblem {
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(message, "message");
	}

	public enum Severity {

		ERROR, WARNING

	}

	@Override
	public String toString() {
		return this.location + ": " + this.severity.name().toLowerCase(java.util.Locale.ROOT) + ": "
				+ ((this.entityRef != null) ? this.entityRef + ": " : "") + this.message;
	}

}
