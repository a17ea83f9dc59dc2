package dev.farminglabs.orm.samples.platformkit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.SortDirection;
import org.jspecify.annotations.Nullable;

/**
 * The platform kit's storage, written once against {@link OrmClient} on the models of {@link PlatformKitSchema}: the
 * same code runs on the memory database in the kit's tests and on the application's H2, PostgreSQL or MariaDB (and
 * every other backend farming-orm drives). Thread-safe, like the client it wraps.
 *
 * <p>
 * Framework state and cache entries are written by upserts, which every shipped backend has (natively or emulated);
 * on a backend whose capabilities say {@code upsert=NONE} those two calls fail with {@code UNSUPPORTED_OPERATION}
 * before anything is written. Rate limits and plan changes check the capabilities and work everywhere.
 */
public final class PlatformKitStore {

	private final OrmClient orm;

	private final Clock clock;

	private final RateLimiter rateLimiter;

	/** A store on a client of {@link PlatformKitSchema#FRAMEWORK}. */
	public PlatformKitStore(OrmClient orm) {
		this(orm, Clock.systemUTC());
	}

	/** A store that reads the time from {@code clock} (for expiry and rate limits). */
	public PlatformKitStore(OrmClient orm, Clock clock) {
		this.orm = Objects.requireNonNull(orm, "orm");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.rateLimiter = new RateLimiter(orm, clock);
	}

	/** The state of a scope. */
	public Optional<FrameworkState> getFrameworkState(String scope) {
		return this.orm.model("frameworkState", FrameworkState.class)
			.findUnique((q) -> q.where("scope", scope).select("id", "scope", "state", "updatedAt"));
	}

	/** Creates or replaces the state of a scope. */
	public FrameworkState saveFrameworkState(String scope, Object state) {
		return this.orm.model("frameworkState", FrameworkState.class)
			.upsert((u) -> u.where("scope", scope)
				.create(Data.of("scope", scope, "state", state))
				.update(Data.of("state", state, "updatedAt", now())));
	}

	/** Creates the cache entry of a namespace and key, or updates its value and expiry when it exists. */
	public CacheEntry putCacheEntry(String namespace, String key, Object value, @Nullable Instant expiresAt) {
		return this.orm.model("cacheEntry", CacheEntry.class)
			.upsert((u) -> u.where("namespace_key", Map.of("namespace", namespace, "key", key))
				.create(Data.of("namespace", namespace, "key", key, "value", value, "expiresAt", expiresAt))
				.update(Data.of("value", value, "expiresAt", expiresAt, "updatedAt", now())));
	}

	/**
	 * The cache entry of a namespace and key, unless it has expired: {@code expiresAt} is the model's expiry field,
	 * so no read returns an expired entry, on any backend.
	 */
	public Optional<CacheEntry> getCacheEntry(String namespace, String key) {
		return this.orm.model("cacheEntry", CacheEntry.class)
			.findUnique((q) -> q.where("namespace_key", Map.of("namespace", namespace, "key", key)));
	}

	/**
	 * Creates a KV item.
	 * @throws PlatformKitException when the namespace already holds the key
	 */
	public KvItem putKvItem(String namespace, String key, Object value) {
		return translatingDuplicates("The framework key already exists.", () -> this.orm.model("kvItem", KvItem.class)
			.create(Data.of("namespace", namespace, "key", key, "value", value)));
	}

	/** The KV item of a namespace and key. */
	public Optional<KvItem> getKvItem(String namespace, String key) {
		return this.orm.model("kvItem", KvItem.class)
			.findUnique((q) -> q.where("namespace_key", Map.of("namespace", namespace, "key", key)));
	}

	/** Appends an entry to the audit log. */
	public AuditLog appendAuditLog(String scope, String action, @Nullable String actorId, @Nullable Object payload) {
		return appendAuditLog(this.orm, scope, action, actorId, payload);
	}

	/** The latest audit log entries of a scope, newest first. */
	public List<AuditLog> recentAuditLogs(String scope, int limit) {
		return this.orm.model("auditLog", AuditLog.class)
			.findMany((q) -> q.where("scope", scope).orderBy("createdAt", SortDirection.DESC).take(limit));
	}

	/** Records a snapshot of metrics from a source, numbered by the source. */
	public ObservabilitySnapshot recordObservabilitySnapshot(String source, Object metrics, long sequence) {
		return this.orm.model("observabilitySnapshot", ObservabilitySnapshot.class)
			.create(Data.of("source", source, "metrics", metrics, "sequence", sequence));
	}

	/** The latest snapshots of a source, highest sequence first. */
	public List<ObservabilitySnapshot> recentSnapshots(String source, int limit) {
		return this.orm.model("observabilitySnapshot", ObservabilitySnapshot.class)
			.findMany((q) -> q.where("source", source).orderBy("sequence", SortDirection.DESC).take(limit));
	}

	/**
	 * Takes a token from the bucket of {@code key}, creating a full bucket on first use.
	 * @see RateLimitPolicy
	 */
	public RateLimitDecision checkRateLimit(String key, RateLimitPolicy policy) {
		return this.rateLimiter.check(key, policy);
	}

	/**
	 * Opens the billing account of an owner on a plan, with a zero balance.
	 * @throws PlatformKitException when the owner already has an account
	 */
	public BillingAccount openBillingAccount(String ownerId, String plan) {
		return translatingDuplicates("The owner already has a billing account.", () -> this.orm
			.model("billingAccount", BillingAccount.class)
			.create(Data.of("ownerId", ownerId, "plan", plan)));
	}

	/** The billing account of an owner. */
	public Optional<BillingAccount> getBillingAccount(String ownerId) {
		return this.orm.model("billingAccount", BillingAccount.class).findUnique((q) -> q.where("ownerId", ownerId));
	}

	/**
	 * Moves an owner's account to another plan and records who did it in the audit log: both in one transaction
	 * where the backend has transactions, one after the other where it has none.
	 */
	public Optional<BillingAccount> changePlan(String ownerId, String plan, @Nullable String actorId) {
		Function<OrmClient, Optional<BillingAccount>> work = (orm) -> {
			Optional<BillingAccount> changed = orm.model("billingAccount", BillingAccount.class)
				.update((u) -> u.where("ownerId", ownerId).data(Data.of("plan", plan, "updatedAt", now())));
			changed.ifPresent((account) -> appendAuditLog(orm, "billing:" + ownerId, "plan.changed", actorId,
					Map.of("plan", plan)));
			return changed;
		};
		return this.orm.driver().capabilities().supportsTransactions() ? this.orm.transaction(work)
				: work.apply(this.orm);
	}

	/** What the backend can do, from its capabilities rather than its name. */
	public BackendProfile describeBackend() {
		DriverHandle driver = this.orm.driver();
		Capabilities caps = driver.capabilities();
		return new BackendProfile(driver.kind(), driver.dialect(), caps.supportsTransactions(), caps.numericIds(),
				caps.upsert(), caps.returning().update(), caps.supportsSchemaNamespaces(), caps.supportsAtomicUpdates());
	}

	private AuditLog appendAuditLog(OrmClient orm, String scope, String action, @Nullable String actorId,
			@Nullable Object payload) {
		return orm.model("auditLog", AuditLog.class)
			.create(Data.of("scope", scope, "action", action, "actorId", actorId, "payload", payload));
	}

	private Instant now() {
		return this.clock.instant();
	}

	/** Runs a write and turns a unique-key violation into the kit's own error; every other error passes. */
	private static <T> T translatingDuplicates(String message, Supplier<T> write) {
		try {
			return write.get();
		}
		catch (OrmException ex) {
			if (ex.code() == OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION) {
				throw new PlatformKitException(message, ex);
			}
			throw ex;
		}
	}

}
