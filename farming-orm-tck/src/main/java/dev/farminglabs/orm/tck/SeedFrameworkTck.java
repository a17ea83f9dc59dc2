package dev.farminglabs.orm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.tck.FrameworkStore.AuditLog;
import dev.farminglabs.orm.tck.FrameworkStore.BackendProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seed's framework page on this backend: every method of {@link FrameworkStore}, including the unique violation
 * it turns into a {@link FrameworkException} and the capability checks it reports.
 */
public abstract class SeedFrameworkTck extends TckSupport {

	private FrameworkStore store;

	protected SeedFrameworkTck(TckBackend backend) {
		super(backend);
	}

	@BeforeEach
	void createStore() {
		this.store = new FrameworkStore(this.orm);
	}

	/** A value as every backend reads JSON back: numbers in their normal form (12.5 as a decimal, not a double). */
	private static JsonNode json(Object value) {
		return JsonValues.normalize(JsonValues.mapper().valueToTree(value));
	}

	private Instant stored(Instant instant) {
		return instant.truncatedTo(this.caps.datetimePrecision());
	}

	/** Whether upsert runs here; where it does not, asserts that the store's upsert is refused as unsupported. */
	private boolean upsertRunsOrIsRefused() {
		if (this.caps.upsert() == UpsertSupport.NONE) {
			assertOrmError(OrmErrorCode.UNSUPPORTED_OPERATION, () -> this.store.putCacheEntry("n", "k", 1, null));
			assertOrmError(OrmErrorCode.UNSUPPORTED_OPERATION, () -> this.store.saveFrameworkState("s", 1));
			return false;
		}
		return true;
	}

	@Test
	void getFrameworkStateSelectsIdScopeStateAndUpdatedAt() {
		Row created = model("frameworkState").create(Map.of("scope", "tenant:1", "state", Map.of("step", 2)));
		Row state = this.store.getFrameworkState("tenant:1").orElseThrow();
		assertThat(state.names()).containsExactly("id", "scope", "state", "updatedAt");
		assertThat(state.getString("id")).isEqualTo(created.getString("id"));
		assertThat(state.getJson("state")).isEqualTo(json(Map.of("step", 2)));
		assertThat(state.getInstant("updatedAt")).isEqualTo(created.getInstant("updatedAt"));
	}

	@Test
	void getFrameworkStateOfAnUnknownScopeIsEmpty() {
		model("frameworkState").create(Map.of("scope", "tenant:1", "state", List.of()));
		assertThat(this.store.getFrameworkState("tenant:2")).isEmpty();
	}

	@Test
	void saveFrameworkStateReplacesTheStateOfItsScope() {
		if (!upsertRunsOrIsRefused()) {
			return;
		}
		Row first = this.store.saveFrameworkState("tenant:1", Map.of("step", 1));
		Row second = this.store.saveFrameworkState("tenant:1", Map.of("step", 2, "done", true));
		assertThat(second.getString("id")).isEqualTo(first.getString("id"));
		assertThat(second.getInstant("updatedAt")).isAfterOrEqualTo(first.getInstant("updatedAt"));
		assertThat(model("frameworkState").count()).isEqualTo(1);
		assertThat(this.store.getFrameworkState("tenant:1").orElseThrow().getJson("state"))
			.isEqualTo(json(Map.of("step", 2, "done", true)));
	}

	@Test
	void putCacheEntryCreatesTheEntryThenUpdatesItInPlace() {
		if (!upsertRunsOrIsRefused()) {
			return;
		}
		Instant expiresAt = Instant.parse("2030-01-01T00:00:00.123456789Z");
		Row created = this.store.putCacheEntry("sessions", "abc", Map.of("user", "ada"), expiresAt);
		assertThat(created.getString("namespace")).isEqualTo("sessions");
		assertThat(created.getString("key")).isEqualTo("abc");
		assertThat(created.getJson("value")).isEqualTo(json(Map.of("user", "ada")));
		assertThat(created.getInstant("expiresAt")).isEqualTo(stored(expiresAt));

		Row updated = this.store.putCacheEntry("sessions", "abc", List.of("x", 1), null);
		assertThat(updated.getString("id")).isEqualTo(created.getString("id"));
		assertThat(updated.getJson("value")).isEqualTo(json(List.of("x", 1)));
		assertThat(updated.get("expiresAt")).isNull();
		assertThat(updated.getInstant("updatedAt")).isAfterOrEqualTo(created.getInstant("updatedAt"));
		assertThat(model("cacheEntry").findMany()).containsExactly(updated);
	}

	@Test
	void putCacheEntryKeepsNamespacesApart() {
		if (!upsertRunsOrIsRefused()) {
			return;
		}
		Row sessions = this.store.putCacheEntry("sessions", "k", 1, null);
		Row pages = this.store.putCacheEntry("pages", "k", 2, null);
		this.store.putCacheEntry("pages", "k", 3, null);
		assertThat(pages.getString("id")).isNotEqualTo(sessions.getString("id"));
		assertThat(model("cacheEntry").count()).isEqualTo(2);
		assertThat(model("cacheEntry").findUnique((q) -> q.where("namespace", "sessions").where("key", "k")))
			.contains(sessions);
		assertThat(model("cacheEntry")
			.findUnique((q) -> q.where("namespace_key", Map.of("namespace", "pages", "key", "k")))
			.orElseThrow()
			.getJson("value")).isEqualTo(json(3));
	}

	@Test
	void putKvItemCreatesTheItemAtVersionOne() {
		Row item = this.store.putKvItem("flags", "beta", Map.of("enabled", true));
		assertThat(item.getString("namespace")).isEqualTo("flags");
		assertThat(item.getString("key")).isEqualTo("beta");
		assertThat(item.getJson("value")).isEqualTo(json(Map.of("enabled", true)));
		assertThat(item.getLong("version")).isEqualTo(1L);
		assertThat(this.store.putKvItem("other", "beta", false).getString("id")).isNotEqualTo(item.getString("id"));
	}

	@Test
	void putKvItemOfAnExistingKeyThrowsFrameworkException() {
		Row first = this.store.putKvItem("flags", "beta", "first");
		Throwable thrown = catchThrowable(() -> this.store.putKvItem("flags", "beta", "second"));
		assertThat(thrown).isInstanceOf(FrameworkException.class).hasMessage("The framework key already exists.");
		assertThat(thrown.getCause()).isInstanceOf(OrmException.class);
		assertThat(((OrmException) thrown.getCause()).code()).isEqualTo(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION);
		assertThat(OrmException.isOrmError(thrown)).isTrue();
		assertThat(model("kvItem").findMany()).containsExactly(first);
	}

	@Test
	void putKvItemLetsOtherStorageErrorsThrough() {
		Object unpushed = backend().newRuntime();
		try {
			FrameworkStore store = new FrameworkStore(FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, unpushed));
			Throwable thrown = catchThrowable(() -> store.putKvItem("flags", "beta", true));
			assertThat(thrown).isInstanceOf(OrmException.class).isNotInstanceOf(FrameworkException.class);
			assertThat(((OrmException) thrown).code()).isEqualTo(OrmErrorCode.MISSING_TABLE);
		}
		finally {
			backend().release(unpushed);
		}
	}

	@Test
	void appendAuditLogReturnsTheEntryAsARecord() {
		AuditLog log = this.store.appendAuditLog("billing", "plan.changed", "user-1", Map.of("from", "free", "to", "pro"));
		assertThat(log.id()).isNotBlank();
		assertThat(log.scope()).isEqualTo("billing");
		assertThat(log.action()).isEqualTo("plan.changed");
		assertThat(log.actorId()).isEqualTo("user-1");
		assertThat(log.payload()).isEqualTo(json(Map.of("from", "free", "to", "pro")));
		assertThat(log.createdAt()).isNotNull();
		assertThat(this.orm.model("auditLog", AuditLog.class).findUnique((q) -> q.where("id", log.id())))
			.contains(log);
		Row row = model("auditLog").findUnique((q) -> q.where("id", log.id())).orElseThrow();
		assertThat(row.getInstant("createdAt")).isEqualTo(log.createdAt());
	}

	@Test
	void appendAuditLogKeepsAMissingActorAndPayloadNull() {
		AuditLog log = this.store.appendAuditLog("billing", "cron.ran", null, null);
		assertThat(log.actorId()).isNull();
		assertThat(log.payload()).isNull();
		Row row = model("auditLog").findUnique((q) -> q.where("id", log.id())).orElseThrow();
		assertThat(row.get("actorId")).isNull();
		assertThat(row.get("payload")).isNull();
	}

	@Test
	void recentAuditLogsAreTheNewestOfTheirScope() {
		for (int i = 0; i < 4; i++) {
			this.store.appendAuditLog("billing", "event-" + i, null, Map.of("n", i));
		}
		this.store.appendAuditLog("other", "event", null, null);
		List<AuditLog> recent = this.store.recentAuditLogs("billing", 3);
		assertThat(recent).hasSize(3)
			.allSatisfy((log) -> assertThat(log.scope()).isEqualTo("billing"))
			.isSortedAccordingTo(Comparator.comparing(AuditLog::createdAt).reversed());
		assertThat(this.store.recentAuditLogs("billing", 10)).hasSize(4);
	}

	@Test
	void recordObservabilitySnapshotKeepsSequencesBeyondJavaScriptIntegers() {
		long sequence = (1L << 53) + 1;
		Map<String, Object> metrics = Map.of("p99Ms", 12.5, "requests", 1200, "errors", List.of());
		Row snapshot = this.store.recordObservabilitySnapshot("api", metrics, sequence);
		assertThat(snapshot.getString("source")).isEqualTo("api");
		assertThat(snapshot.getBigInteger("sequence")).isEqualTo(BigInteger.valueOf(sequence));
		assertThat(snapshot.getJson("metrics")).isEqualTo(json(metrics));
		assertThat(snapshot.getInstant("capturedAt")).isNotNull();
		assertThat(model("observabilitySnapshot").findMany((q) -> q.where("sequence", sequence)))
			.containsExactly(snapshot);
	}

	@Test
	void describeBackendReportsTheCapabilitiesTheStoreChecks() {
		BackendProfile profile = this.store.describeBackend();
		assertThat(profile.kind()).isEqualTo(this.orm.driver().kind());
		assertThat(profile.dialect()).isEqualTo(this.orm.driver().dialect());
		assertThat(profile.transactions()).isEqualTo(this.caps.supportsTransactions());
		assertThat(profile.numericIds()).isEqualTo(this.caps.numericIds());
		assertThat(profile.upsert()).isEqualTo(this.caps.upsert());
		assertThat(profile.returnsUpdatedRows()).isEqualTo(this.caps.returning().update());
		assertThat(profile.schemaNamespaces()).isEqualTo(this.caps.supportsSchemaNamespaces());
	}

	@Test
	void storeWorkInOneTransactionIsAllOrNothing() {
		if (!this.caps.supportsTransactions()) {
			assertOrmError(OrmErrorCode.UNSUPPORTED_OPERATION, () -> this.orm.transaction((tx) -> 1));
			return;
		}
		this.store.putKvItem("flags", "beta", true);
		Throwable thrown = catchThrowable(() -> this.orm.transaction((tx) -> {
			FrameworkStore inTransaction = new FrameworkStore(tx);
			inTransaction.appendAuditLog("flags", "flag.added", null, null);
			return inTransaction.putKvItem("flags", "beta", false);
		}));
		assertThat(thrown).isInstanceOf(FrameworkException.class);
		assertThat(model("auditLog").count()).isZero();
		assertThat(model("kvItem").count()).isEqualTo(1);
	}

}
