package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.UNSUPPORTED_OPERATION;
import static dev.farminglabs.orm.error.OrmErrorCode.VALIDATION_ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.query.Data;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Typed model clients: results mapped to records and POJOs (JSON fields as {@code JsonNode} or {@code Map}, enums,
 * big numbers, relations), write data given as records and POJOs, and row fields the type does not declare ignored.
 */
public abstract class MappingTck extends TckSupport {

	/** The seed's cache entry as a framework would declare it. */
	record CacheEntry(@Nullable String id, String namespace, String key, JsonNode value, @Nullable Instant expiresAt,
			@Nullable Instant updatedAt) {
	}

	/** A cache entry whose JSON value is a plain map. */
	record MapCacheEntry(String id, String namespace, String key, Map<String, Object> value) {
	}

	/** Fewer components than the model has fields. */
	record CacheKey(String id, String key) {
	}

	/** Plans of a billing account, as a Java enum. */
	enum Plan {

		free, pro, enterprise

	}

	/** A billing account with an enum, a decimal and a datetime. */
	record BillingAccount(String id, String ownerId, Plan plan, BigDecimal balance, String currency,
			Instant updatedAt) {
	}

	/** A user with a selected relation. */
	record UserWithPosts(String email, List<PostTitle> posts) {
	}

	/** The title of a post. */
	record PostTitle(String title) {
	}

	/** A record holding a component the model does not have. */
	record CacheEntryWithExtra(String namespace, String key, JsonNode value, String notAField) {
	}

	/** A mutable bean with a no-argument constructor and setters. */
	public static class AuditLogBean {

		private @Nullable String id;

		private @Nullable String scope;

		private @Nullable String action;

		private @Nullable String actorId;

		private @Nullable Map<String, Object> payload;

		private @Nullable Instant createdAt;

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(@Nullable String id) {
			this.id = id;
		}

		public @Nullable String getScope() {
			return this.scope;
		}

		public void setScope(@Nullable String scope) {
			this.scope = scope;
		}

		public @Nullable String getAction() {
			return this.action;
		}

		public void setAction(@Nullable String action) {
			this.action = action;
		}

		public @Nullable String getActorId() {
			return this.actorId;
		}

		public void setActorId(@Nullable String actorId) {
			this.actorId = actorId;
		}

		public @Nullable Map<String, Object> getPayload() {
			return this.payload;
		}

		public void setPayload(@Nullable Map<String, Object> payload) {
			this.payload = payload;
		}

		public @Nullable Instant getCreatedAt() {
			return this.createdAt;
		}

		public void setCreatedAt(@Nullable Instant createdAt) {
			this.createdAt = createdAt;
		}

	}

	protected MappingTck(TckBackend backend) {
		super(backend);
	}

	@Test
	void createReturnsTheRowAsARecord() {
		Instant expiresAt = Instant.parse("2030-05-01T12:00:00.123456Z");
		CacheEntry entry = cache().create(Data.of("namespace", "ns", "key", "k", "value", Map.of("hits", 3),
				"expiresAt", expiresAt));
		assertThat(entry.id()).isNotBlank();
		assertThat(entry.namespace()).isEqualTo("ns");
		assertThat(entry.key()).isEqualTo("k");
		assertThat(entry.value()).isEqualTo(JsonValues.parse("{\"hits\":3}"));
		assertThat(entry.expiresAt()).isEqualTo(expiresAt.truncatedTo(this.caps.datetimePrecision()));
		assertThat(entry.updatedAt()).isNotNull();
	}

	@Test
	void findUniqueAndFindManyReturnRecordsEqualToTheCreatedOnes() {
		CacheEntry a = cache().create(Data.of("namespace", "ns", "key", "a", "value", List.of(1, 2)));
		CacheEntry b = cache().create(Data.of("namespace", "ns", "key", "b", "value", "text"));
		Optional<CacheEntry> found = cache()
			.findUnique((q) -> q.where("namespace_key", Map.of("namespace", "ns", "key", "b")));
		assertThat(found).contains(b);
		assertThat(found.get().expiresAt()).isNull();
		assertThat(cache().findMany((q) -> q.orderBy("key"))).containsExactly(a, b);
		assertThat(cache().findUnique((q) -> q.where("namespace", "ns").where("key", "missing"))).isEmpty();
	}

	@Test
	void upsertReturnsARecordOnTheCreateAndTheUpdatePath() {
		if (this.caps.upsert() == UpsertSupport.NONE) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> cache().upsert((u) -> u.where("id", "x")
				.create(Data.of("namespace", "ns", "key", "k", "value", 1))
				.update(Data.of("value", 2))));
			assertThat(cache().count()).isZero();
			return;
		}
		CacheEntry created = cache().upsert((u) -> u.where("namespace_key", Map.of("namespace", "ns", "key", "k"))
			.create(Data.of("namespace", "ns", "key", "k", "value", Map.of("v", 1)))
			.update(Data.of("value", Map.of("v", 2))));
		CacheEntry updated = cache().upsert((u) -> u.where("namespace", "ns")
			.where("key", "k")
			.create(Data.of("namespace", "ns", "key", "k", "value", Map.of("v", 1)))
			.update(Data.of("value", Map.of("v", 2))));
		assertThat(created.value()).isEqualTo(JsonValues.parse("{\"v\":1}"));
		assertThat(updated.id()).isEqualTo(created.id());
		assertThat(updated.value()).isEqualTo(JsonValues.parse("{\"v\":2}"));
		assertThat(cache().count()).isEqualTo(1);
	}

	@Test
	void updateAndDeleteReturnRecords() {
		CacheEntry entry = cache().create(Data.of("namespace", "ns", "key", "k", "value", 1));
		Optional<CacheEntry> updated = cache().update((u) -> u.where("id", entry.id()).set("value", 2));
		assertThat(updated).map(CacheEntry::value).contains(JsonValues.parse("2"));
		Optional<CacheEntry> deleted = cache().delete((d) -> d.where("id", entry.id()));
		assertThat(deleted).map(CacheEntry::id).contains(entry.id());
		assertThat(cache().update((u) -> u.where("id", entry.id()).set("value", 3))).isEmpty();
	}

	@Test
	void jsonFieldMapsToAJavaMap() {
		this.orm.model("cacheEntry").create(Data.of("namespace", "ns", "key", "k", "value",
				Map.of("name", "Ada", "tags", List.of("a", "b"), "nested", Map.of("n", 1))));
		MapCacheEntry entry = this.orm.model("cacheEntry", MapCacheEntry.class).findFirst((q) -> q.where("key", "k"))
			.orElseThrow();
		assertThat(entry.value()).containsEntry("name", "Ada")
			.containsEntry("tags", List.of("a", "b"))
			.containsEntry("nested", Map.of("n", 1))
			.hasSize(3);
	}

	@Test
	void resultsMapToAPojoWithSetters() {
		Map<String, Object> payload = Map.of("ip", "10.0.0.1", "attempt", 2);
		Row written = this.orm.model("auditLog").create(Data.of("scope", "s", "action", "login", "payload", payload));
		this.orm.model("auditLog").create(Data.of("scope", "s", "action", "logout"));
		List<AuditLogBean> logs = this.orm.model("auditLog", AuditLogBean.class)
			.findMany((q) -> q.where("scope", "s").orderBy("action"));
		assertThat(logs).extracting(AuditLogBean::getAction).containsExactly("login", "logout");
		AuditLogBean login = logs.get(0);
		assertThat(login.getId()).isEqualTo(written.getString("id"));
		assertThat(login.getPayload()).isEqualTo(payload);
		assertThat(login.getActorId()).isNull();
		assertThat(login.getCreatedAt()).isEqualTo(written.getInstant("createdAt"));
		assertThat(logs.get(1).getPayload()).isNull();
	}

	@Test
	void pojoWriteDataIsReadThroughItsGetters() {
		AuditLogBean bean = new AuditLogBean();
		bean.setScope("s");
		bean.setAction("create");
		bean.setActorId("actor-1");
		bean.setPayload(Map.of("k", "v"));
		AuditLogBean stored = this.orm.model("auditLog", AuditLogBean.class).create(bean);
		assertThat(stored.getId()).isNotBlank();
		assertThat(stored.getActorId()).isEqualTo("actor-1");
		assertThat(stored.getPayload()).isEqualTo(Map.of("k", "v"));
		assertThat(stored.getCreatedAt()).isNotNull();
	}

	@Test
	void recordWriteDataWithANullIdGetsAGeneratedIdAndDefaults() {
		Instant expiresAt = Instant.parse("2031-01-01T00:00:00Z");
		CacheEntry stored = cache().create(new CacheEntry(null, "ns", "k", JsonValues.parse("{\"a\":[1]}"), expiresAt,
				null));
		assertThat(stored.id()).isNotBlank();
		assertThat(stored.updatedAt()).isNotNull();
		assertThat(stored.expiresAt()).isEqualTo(expiresAt);
		CacheEntry second = cache().create(new CacheEntry(null, "ns", "k2", JsonValues.parse("1"), null, null));
		assertThat(second.id()).isNotEqualTo(stored.id());
		assertThat(second.expiresAt()).isNull();
		assertThat(cache().findMany()).containsExactlyInAnyOrder(stored, second);
	}

	@Test
	void recordWriteDataCanUpdateAndUpsert() {
		CacheEntry stored = cache().create(new CacheEntry(null, "ns", "k", JsonValues.parse("1"), null, null));
		record ValueChange(JsonNode value) {
		}
		CacheEntry updated = cache().update((u) -> u.where("id", stored.id()).data(new ValueChange(JsonValues.parse("2"))))
			.orElseThrow();
		assertThat(updated.value()).isEqualTo(JsonValues.parse("2"));
		if (this.caps.upsert() == UpsertSupport.NONE) {
			return;
		}
		CacheEntry upserted = cache().upsert((u) -> u.where("namespace_key", Map.of("namespace", "ns", "key", "k"))
			.create(new CacheEntry(null, "ns", "k", JsonValues.parse("0"), null, null))
			.update(new ValueChange(JsonValues.parse("3"))));
		assertThat(upserted.id()).isEqualTo(stored.id());
		assertThat(upserted.value()).isEqualTo(JsonValues.parse("3"));
	}

	@Test
	void recordWriteDataWithAComponentThatIsNoFieldIsAValidationError() {
		assertOrmError(VALIDATION_ERROR, () -> cache()
			.create(new CacheEntryWithExtra("ns", "k", JsonValues.parse("1"), "surplus")));
		assertThat(cache().count()).isZero();
	}

	@Test
	void rowFieldsTheRecordDoesNotDeclareAreIgnored() {
		CacheEntry entry = cache().create(Data.of("namespace", "ns", "key", "k", "value", Map.of("big", "object")));
		ModelClient<CacheKey> keys = this.orm.model("cacheEntry", CacheKey.class);
		assertThat(keys.findMany()).containsExactly(new CacheKey(entry.id(), "k"));
		assertThat(keys.create(Data.of("namespace", "ns", "key", "k2", "value", 2)).key()).isEqualTo("k2");
	}

	@Test
	void enumsDecimalsAndDatetimesMapToTheirJavaTypes() {
		BillingAccount account = this.orm.model("billingAccount", BillingAccount.class)
			.create(Data.of("ownerId", "owner-1", "plan", Plan.pro, "balance", new BigDecimal("19.90")));
		assertThat(account.plan()).isEqualTo(Plan.pro);
		assertThat(account.balance()).isEqualTo(new BigDecimal("19.90"));
		assertThat(account.currency()).isEqualTo("USD");
		BillingAccount defaulted = this.orm.model("billingAccount", BillingAccount.class)
			.create(Data.of("ownerId", "owner-2"));
		assertThat(defaulted.plan()).isEqualTo(Plan.free);
		assertThat(defaulted.balance()).isEqualTo(new BigDecimal("0.00"));
		assertThat(this.orm.model("billingAccount", BillingAccount.class).findUnique((q) -> q.where("ownerId", "owner-1")))
			.contains(account);
	}

	@Test
	void bigintsAboveTwoToThe53MapToBigIntegerWithoutLoss() {
		BigInteger sequence = new BigInteger("9007199254740993");
		this.orm.model("observabilitySnapshot")
			.create(Data.of("source", "node-1", "metrics", Map.of("cpu", 1), "sequence", sequence));
		record SequenceOnly(BigInteger sequence) {
		}
		record SequenceAsLong(long sequence) {
		}
		assertThat(this.orm.model("observabilitySnapshot", SequenceOnly.class)
			.findFirst((q) -> q.where("source", "node-1")))
			.contains(new SequenceOnly(sequence));
		assertThat(this.orm.model("observabilitySnapshot", SequenceAsLong.class).findMany())
			.containsExactly(new SequenceAsLong(9_007_199_254_740_993L));
	}

	@Test
	void selectedRelationsMapToNestedRecords() {
		Row ada = user("ada@example.com", "Ada");
		post(ada, "a1", "title", "First");
		post(ada, "a2", "title", "Second");
		user("bob@example.com", "Bob");
		List<UserWithPosts> users = this.orm.model("user", UserWithPosts.class)
			.findMany((q) -> q.orderBy("email")
				.select("email")
				.select("posts", (p) -> p.select("title").orderBy("title")));
		assertThat(users).containsExactly(
				new UserWithPosts("ada@example.com", List.of(new PostTitle("First"), new PostTitle("Second"))),
				new UserWithPosts("bob@example.com", List.of()));
	}

	@Test
	void typedClientsWorkInsideTransactions() {
		if (!this.caps.supportsTransactions()) {
			assertOrmError(UNSUPPORTED_OPERATION,
					() -> this.orm.transaction((tx) -> tx.model("cacheEntry", CacheEntry.class)
						.create(Data.of("namespace", "ns", "key", "k", "value", 1))));
			assertThat(cache().count()).isZero();
			return;
		}
		CacheEntry created = this.orm.transaction((tx) -> tx.model("cacheEntry", CacheEntry.class)
			.create(Data.of("namespace", "ns", "key", "k", "value", 1)));
		assertThat(cache().findMany()).containsExactly(created);
	}

	private ModelClient<CacheEntry> cache() {
		return this.orm.model("cacheEntry", CacheEntry.class);
	}

}
