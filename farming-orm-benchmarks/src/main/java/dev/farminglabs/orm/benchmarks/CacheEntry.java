package dev.farminglabs.orm.benchmarks;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A row of the seed's {@code cacheEntry} model as a record: what farming-orm, raw {@code JdbcTemplate} and jOOQ each
 * return, so every side pays for the same mapping (columns to a record, JSON text to a Jackson tree).
 */
public record CacheEntry(String id, String namespace, String key, JsonNode value, @Nullable Instant expiresAt,
		Instant updatedAt) {
}
