package dev.cairn.catalog;

/**
 * Where catalog entities come from. A source builds a whole snapshot at a time; it
 * reports bad input as {@link CatalogProblem}s inside the snapshot and throws
 * {@link CatalogSourceException} only when it could not read anything at all (a backend
 * that is down), so that the previous snapshot stays in service.
 */
public interface CatalogSource {

	Catalog load();

	/** Where the entities come from, for messages: a folder path or a URL. */
	String describe();

}
