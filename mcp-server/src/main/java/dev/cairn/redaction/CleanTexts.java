package dev.cairn.redaction;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Texts the redactor found nothing to mask in, so that the same catalog descriptions,
 * names and log templates are not scanned again on every call. Only clean texts are kept,
 * so the set never holds a secret. Bounded in characters: when full it starts over, which
 * keeps what is in use without any bookkeeping per hit.
 */
final class CleanTexts {

	private final Set<String> texts = ConcurrentHashMap.newKeySet();

	private final AtomicLong characters = new AtomicLong();

	private final int longest;

	private final long budget;

	/**
	 * @param longest longer texts are not kept
	 * @param budget most characters kept in all
	 */
	CleanTexts(int longest, long budget) {
		this.longest = longest;
		this.budget = budget;
	}

	boolean contains(String text) {
		return text.length() <= this.longest && this.texts.contains(text);
	}

	void remember(String text) {
		if (text.length() > this.longest) {
			return;
		}
		if (this.characters.addAndGet(text.length()) > this.budget) {
			this.texts.clear();
			this.characters.set(text.length());
		}
		this.texts.add(text);
	}

}
