package dev.farminglabs.orm.benchmarks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The {@code cache_entries} table as a JPA entity, for the Hibernate side; the id is assigned, as the ORM's is. */
@Entity
@Table(name = "cache_entries")
public class CacheEntryEntity {

	@Id
	private String id;

	private String namespace;

	@Column(name = "key")
	private String entryKey;

	@JdbcTypeCode(SqlTypes.JSON)
	private JsonNode value;

	private @Nullable Instant expiresAt;

	private Instant updatedAt;

	protected CacheEntryEntity() {
	}

	CacheEntryEntity(String id, String namespace, String entryKey, JsonNode value, Instant updatedAt) {
		this.id = id;
		this.namespace = namespace;
		this.entryKey = entryKey;
		this.value = value;
		this.updatedAt = updatedAt;
	}

	public String getId() {
		return this.id;
	}

	public String getNamespace() {
		return this.namespace;
	}

	public String getEntryKey() {
		return this.entryKey;
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
