package dev.farminglabs.orm.tck;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NumericIds;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.SortDirection;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The TypeScript original's {@code createFrameworkStore(orm)}, in Java: a framework's storage written once against
 * the public API on the models of {@link FrameworkModels}, and run on whatever database the application has. It is
 * the page of DESIGN §7 as working code, exercised on every backend by {@link SeedFrameworkTck}. With the starter, an
 * application declares it as a bean: {@code new FrameworkStore(frameworkSchemaOrmClient)}.
 */
public final class FrameworkStore {

	private final OrmClient orm;

	/** A store on a client of a schema that contains the framework models. */
	public FrameworkStore(OrmClient orm) {
		this.orm = Objects.requireNonNull(orm, "orm");
	}

	/** The state of a scope: its id, scope, state and when it was last updated. */
	public Optional<Row> getFrameworkState(String scope) {
		return this.orm.model("frameworkState")
			.findUnique((q) -> q.where("scope", scope).select("id", "scope", "state", "updatedAt"));
	}

	/** Creates or replaces the state of a scope. */
	public Row saveFrameworkState(String scope, Object state) {
		return this.orm.model("frameworkState")
			.upsert((u) -> u.where("scope", scope)
				.create(Data.of("scope", scope, "state", state))
				.update(Data.of("state", state, "updatedAt", Instant.now())));
	}

	/** Creates the cache entry of a namespace and key, or updates its value and expiry when it exists. */
	public Row putCacheEntry(String namespace, String key, Object value, @Nullable Instant expiresAt) {
		return this.orm.model("cacheEntry")
			.upsert((u) -> u.where("namespace_key", Map.of("namespace", namespace, "key", key))
				.create(Data.of("namespace", namespace, "key", key, "value", value, "expiresAt", expiresAt))
				.update(Data.of("value", value, "expiresAt", expiresAt, "updatedAt", Instant.now())));
	}

	/**
	 * Creates a KV item.
	 * @throws FrameworkException when the namespace already holds the key
	 */
	public Row putKvItem(String namespace, String key, Object value) {
		try {
			return this.orm.model("kvItem").create(Data.of("namespace", namespace, "key", key, "value", value));
		}
		catch (OrmException ex) {
			if (ex.code() == OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION) {
				throw new FrameworkException("The framework key already exists.", ex);
			}
			throw ex;
		}
	}

	/** Appends an entry to the audit log, read back as a record. */
	public AuditLog appendAuditLog(String scope, String action, @Nullable String actorId, @Nullable Object payload) {
		return this.orm.model("auditLog", AuditLog.class)
			.create(Data.of("scope", scope, "action", action, "actorId", actorId, "payload", payload));
	}

	/** The latest audit log entries of a scope, newest first. */
	public List<AuditLog> recentAuditLogs(String scope, int limit) {
		return this.orm.model("auditLog", AuditLog.class)
			.findMany((q) -> q.where("scope", scope).orderBy("createdAt", SortDirection.DESC).take(limit));
	}

	/** Records a snapshot of metrics from a source, numbered by the source. */
	public Row recordObservabilitySnapshot(String source, Object metrics, long sequence) {
		return this.orm.model("observabilitySnapshot")
			.create(Data.of("source", source, "metrics", metrics, "sequence", sequence));
	}

	/** What the backend can do, from its capabilities rather than its name. */
	public BackendProfile describeBackend() {
		DriverHandle driver = this.orm.driver();
		Capabilities caps = driver.capabilities();
		return new BackendProfile(driver.kind(), driver.dialect(), caps.supportsTransactions(), caps.numericIds(),
				caps.upsert(), caps.returning().update(), caps.supportsSchemaNamespaces());
	}

	/**
	 * An audit log entry, mapped from its row by Jackson.
	 *
	 * @param id the generated id
	 * @param scope what the entry is about
	 * @param action what happened
	 * @param actorId who did it, if known
	 * @param payload details, any JSON
	 * @param createdAt when it was written
	 */
	public record AuditLog(String id, String scope, String action, @Nullable String actorId,
			@Nullable JsonNode payload, Instant createdAt) {
	}

	/**
	 * The capabilities a framework checks before choosing how to store things.
	 *
	 * @param kind the runtime family, as {@code jdbc}
	 * @param dialect the backend dialect, as {@code postgresql}
	 * @param transactions whether work can run in one transaction
	 * @param numericIds whether integer ids are supported, and generated
	 * @param upsert how upserts run
	 * @param returnsUpdatedRows whether an update returns the row in the same round trip
	 * @param schemaNamespaces whether tables can live in a schema namespace
	 */
	public record BackendProfile(String kind, String dialect, boolean transactions, NumericIds numericIds,
			UpsertSupport upsert, boolean returnsUpdatedRows, boolean schemaNamespaces) {
	}

}
