package dev.farminglabs.orm.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The {@code kvItem} operations written by hand on one backend's raw client, doing the requests the farming-orm
 * driver does on the same keys, tables or collections, and decoding what they read to the {@link KvItem} the ORM
 * returns: the baseline of {@link KvItemWorkload}'s ratios.
 */
interface KvItemStore {

	/** The item of a {@code (namespace, key)}, if any. */
	Optional<KvItem> findUnique(String namespace, String key);

	/** The first items of a namespace by key. */
	List<KvItem> findPage(String namespace, int take);

	/** A new item, as written (version 1, updated now). */
	KvItem create(String namespace, String key, JsonNode value);

	/** The item of a {@code (namespace, key)} with a new value and update time, as written; empty when none. */
	Optional<KvItem> update(String namespace, String key, JsonNode value, Instant updatedAt);

}
