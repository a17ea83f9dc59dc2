package dev.farminglabs.orm.benchmarks;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.redis.core.RedisHash;
import org.springframework.data.redis.core.index.Indexed;

/**
 * A {@code kvItem} as Spring Data maps it, for two stores: the {@code kv_items} collection as a MongoDB document, and
 * a Redis hash ({@code @RedisHash}, its keyspace set per fork, namespace and key indexed for the derived lookup). The
 * JSON value is a {@code Map} (Spring Data's own mapping of an embedded document). The id is assigned, as the ORM's
 * is, so the item says itself whether it is new ({@link Persistable}).
 */
@Document("kv_items")
@RedisHash("kv_items")
public class SpringDataKvItem implements Persistable<String> {

	@Id
	private final String id;

	@Indexed
	private final String namespace;

	@Indexed
	private final String key;

	private Map<String, Object> value;

	private final long version;

	private Instant updatedAt;

	@Transient
	private final boolean fresh;

	@PersistenceCreator
	SpringDataKvItem(String id, String namespace, String key, Map<String, Object> value, long version,
			Instant updatedAt) {
		this(id, namespace, key, value, version, updatedAt, false);
	}

	private SpringDataKvItem(String id, String namespace, String key, Map<String, Object> value, long version,
			Instant updatedAt, boolean fresh) {
		this.id = id;
		this.namespace = namespace;
		this.key = key;
		this.value = value;
		this.version = version;
		this.updatedAt = updatedAt;
		this.fresh = fresh;
	}

	/** An item not yet stored, so {@code save} inserts it. */
	static SpringDataKvItem newItem(String id, String namespace, String key, Map<String, Object> value,
			Instant updatedAt) {
		return new SpringDataKvItem(id, namespace, key, value, 1, updatedAt, true);
	}

	/** Sets a new value, as an update does. */
	void write(Map<String, Object> newValue, Instant at) {
		this.value = newValue;
		this.updatedAt = at;
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.fresh;
	}

	public String getNamespace() {
		return this.namespace;
	}

	public String getKey() {
		return this.key;
	}

	public Map<String, Object> getValue() {
		return this.value;
	}

	public long getVersion() {
		return this.version;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
