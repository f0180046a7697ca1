package dev.cairn.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current catalog snapshot and replaces it on reload. A reload that fails
 * outright (a backend down) keeps the previous snapshot in service and adds a problem
 * saying which source failed, so tools keep answering from the last good state.
 */
public class CatalogService {

	private static final Logger logger = LoggerFactory.getLogger(CatalogService.class);

	private final CatalogSource source;

	private final List<Consumer<Catalog>> listeners = new CopyOnWriteArrayList<>();

	private volatile Catalog current;

	public CatalogService(CatalogSource source) {
		this.source = source;
		this.current = Catalog.empty(source.describe(), List.of());
		reload();
	}

	public Catalog current() {
		return this.current;
	}

	public CatalogSource source() {
		return this.source;
	}

	/** Called with each new snapshot after a reload. */
	public void onReload(Consumer<Catalog> listener) {
		this.listeners.add(listener);
	}

	public synchronized Catalog reload() {
		long started = System.nanoTime();
		Catalog loaded;
		try {
			loaded = this.source.load();
		}
		catch (CatalogSourceException ex) {
			Catalog previous = this.current;
			List<CatalogProblem> problems = new ArrayList<>();
			problems.add(new CatalogProblem(CatalogProblem.Severity.ERROR, this.source.describe(), null,
					ex.getMessage() + "; serving the last loaded catalog (" + previous.entities().size()
							+ " entities, loaded " + previous.loadedAt() + ")"));
			previous.problems()
				.stream()
				.filter((p) -> !p.location().equals(this.source.describe()))
				.forEach(problems::add);
			loaded = new Catalog(previous.entities(), problems, previous.source(), previous.loadedAt());
			logger.warn("catalog reload failed: {}", ex.getMessage());
		}
		this.current = loaded;
		long millis = (System.nanoTime() - started) / 1_000_000;
		logger.info("catalog loaded from {}: {} entities, {} relations, {} problems in {} ms", this.source.describe(),
				loaded.entities().size(), loaded.relationCount(), loaded.problems().size(), millis);
		loaded.problems().stream().limit(50).forEach((problem) -> logger.info("catalog problem: {}", problem));
		if (loaded.problems().size() > 50) {
			logger.info("catalog problems: {} more not logged; see the catalog://summary resource",
					loaded.problems().size() - 50);
		}
		for (Consumer<Catalog> listener : this.listeners) {
			listener.accept(loaded);
		}
		return loaded;
	}

}
