package dev.cairn.catalog;

/**
 * One of an entity's {@code metadata.links}.
 */
public record EntityLink(String url, String title, String icon, String type) {
}
