package dev.cairn.goldenpath;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The templates currently loaded from one folder, replaced as a whole on each reload: a
 * reader sees one consistent set.
 */
public class GoldenPaths {

	private static final Logger logger = LoggerFactory.getLogger(GoldenPaths.class);

	private final Path folder;

	private final boolean shipped;

	private volatile TemplateSet current;

	/**
	 * Loads the folder now.
	 * @param folder the golden-paths folder
	 * @param shipped whether it is a copy of the templates shipped in the jar
	 */
	public GoldenPaths(Path folder, boolean shipped) {
		this.folder = folder;
		this.shipped = shipped;
		reload();
	}

	/** The folder the templates are read from. */
	public Path folder() {
		return this.folder;
	}

	/** Whether the folder is a copy of the templates shipped in the jar. */
	public boolean shipped() {
		return this.shipped;
	}

	/** The last load. */
	public TemplateSet current() {
		return this.current;
	}

	/** Reads the folder again; broken templates are logged and skipped. */
	public final void reload() {
		TemplateSet loaded = TemplateLoader.load(this.folder);
		for (TemplateProblem problem : loaded.problems()) {
			logger.warn("golden path not loaded: {}", problem);
		}
		logger.info("golden paths from {}: {} loaded, {} broken", this.folder, loaded.templates().size(),
				loaded.broken().size());
		this.current = loaded;
	}

}
