package dev.farminglabs.orm.benchmarks;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A row of the seed's {@code kvItem} model as a record: what farming-orm and the raw client of each key-value backend
 * (MongoDB, Redis, DynamoDB) return, so every side pays for the same decoding (stored value to a record, JSON value
 * to a Jackson tree).
 */
public record KvItem(String id, String namespace, String key, JsonNode value, long version, Instant updatedAt) {
}
