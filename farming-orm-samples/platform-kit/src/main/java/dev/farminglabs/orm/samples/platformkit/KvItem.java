package dev.farminglabs.orm.samples.platformkit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A key-value item, written once per namespace and key.
 *
 * @param id the generated id
 * @param namespace the store's namespace
 * @param key the key within the namespace, unique there
 * @param value any JSON
 * @param version the item's version, 1 when created
 * @param updatedAt when it was last written
 */
public record KvItem(String id, String namespace, String key, JsonNode value, long version, Instant updatedAt) {
}
