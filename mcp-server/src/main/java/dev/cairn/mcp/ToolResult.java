package dev.cairn.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a tool returns: a compact text for agents and humans, and the same content as
 * structured data.
 *
 * @param text the text content, already bounded by the tool
 * @param structured a JSON-serializable object (records, maps, lists), or {@code null}
 * @param error whether this is an {@code isError} result
 * @param extraContent content that follows the text (images, audio, embedded documents);
 * empty for most tools
 */
public record ToolResult(String text, Object structured, boolean error, List<ToolContent> extraContent) {

	public ToolResult {
		Objects.requireNonNull(text, "text");
		extraContent = (extraContent != null) ? List.copyOf(extraContent) : List.of();
	}

	public ToolResult(String text, Object structured, boolean error) {
		this(text, structured, error, List.of());
	}

	public static ToolResult ok(String text, Object structured) {
		return new ToolResult(text, structured, false);
	}

	public static ToolResult error(String text) {
		return new ToolResult(text, null, true);
	}

	/**
	 * This result with its text and embedded text passed through {@code change}, and the
	 * given structured content in place of its own.
	 */
	public ToolResult withTexts(UnaryOperator<String> change, Object newStructured) {
		List<ToolContent> extra = new ArrayList<>(this.extraContent.size());
		for (ToolContent content : this.extraContent) {
			extra.add((content instanceof ToolContent.Resource resource)
					? new ToolContent.Resource(resource.uri(), resource.mimeType(), change.apply(resource.text()))
					: content);
		}
		return new ToolResult(change.apply(this.text), newStructured, this.error, extra);
	}

	/** This result with more content after the text. */
	public ToolResult withContent(ToolContent... content) {
		List<ToolContent> all = new ArrayList<>(this.extraContent);
		all.addAll(List.of(content));
		return new ToolResult(this.text, this.structured, this.error, all);
	}

}
