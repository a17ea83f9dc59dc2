package dev.farminglabs.orm.benchmarks;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The {@code cache_entries} table as a Spring Data JDBC aggregate. The id is assigned, as the ORM's is, so the
 * aggregate says itself whether it is new ({@link Persistable}), as Spring Data's documentation advises. Every column
 * is named explicitly: names Spring Data derives are upper-cased on H2, where the ORM's tables are lower case.
 */
@Table("cache_entries")
public class SpringDataCacheEntry implements Persistable<String> {

	@Id
	@Column("id")
	private final String id;

	@Column("namespace")
	private final String namespace;

	@Column("key")
	private final String key;

	@Column("value")
	private JsonNode value;

	@Column("expiresAt")
	private final @Nullable Instant expiresAt;

	@Column("updatedAt")
	private Instant updatedAt;

	@Transient
	private final boolean fresh;

	@PersistenceCreator
	SpringDataCacheEntry(String id, String namespace, String key, JsonNode value, @Nullable Instant expiresAt,
			Instant updatedAt) {
		this(id, namespace, key, value, expiresAt, updatedAt, false);
	}

	private SpringDataCacheEntry(String id, String namespace, String key, JsonNode value,
			@Nullable Instant expiresAt, Instant updatedAt, boolean fresh) {
		this.id = id;
		this.namespace = namespace;
		this.key = key;
		this.value = value;
		this.expiresAt = expiresAt;
		this.updatedAt = updatedAt;
		this.fresh = fresh;
	}

	/** An entry not yet stored, so {@code save} inserts it. */
	static SpringDataCacheEntry newEntry(String id, String namespace, String key, JsonNode value, Instant updatedAt) {
		return new SpringDataCacheEntry(id, namespace, key, value, null, updatedAt, true);
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

	public JsonNode getValue() {
		return this.value;
	}

	public @Nullable Instant getExpiresAt() {
		return this.expiresAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	void write(JsonNode value, Instant updatedAt) {
		this.value = value;
		this.updatedAt = updatedAt;
	}

}
