package dev.cairn.catalog;

/**
 * A catalog source could not be read at all. The message names the source and what went
 * wrong.
 */
public class CatalogSourceException extends RuntimeException {

	public CatalogSourceException(String message) {
		super(message);
	}

	public CatalogSourceException(String message, Throwable cause) {
		super(message, cause);
	}

}
