package dev.cairn.goldenpath;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Golden-path settings ({@code cairn.goldenpath.*}).
 *
 * @param folder the templates folder; unset means {@code ./golden-paths} when it exists,
 * else the templates shipped in the jar
 * @param watch whether the templates reload when a file under the folder changes
 */
@ConfigurationProperties("cairn.goldenpath")
public record GoldenPathProperties(String folder, Boolean watch) {

	public GoldenPathProperties {
		folder = (folder == null || folder.isBlank()) ? null : folder;
		watch = (watch != null) ? watch : Boolean.TRUE;
	}

}
