package dev.farminglabs.orm.samples.platformkit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A cached value, unique per namespace and key.
 *
 * @param id the generated id
 * @param namespace the cache's namespace
 * @param key the key within the namespace
 * @param value any JSON
 * @param expiresAt when the entry stops being served, or {@code null} to keep it
 * @param updatedAt when it was last written
 */
public record CacheEntry(String id, String namespace, String key, JsonNode value, @Nullable Instant expiresAt,
		Instant updatedAt) {
}
