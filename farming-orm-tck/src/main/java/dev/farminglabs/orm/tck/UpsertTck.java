package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
import static dev.farminglabs.orm.error.OrmErrorCode.UNSUPPORTED_OPERATION;
import static dev.farminglabs.orm.error.OrmErrorCode.VALIDATION_ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.codec.UuidV7;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import org.junit.jupiter.api.Test;

/**
 * {@code upsert}: by exactly one unique key (flat or named), creates the row when none has the key and otherwise
 * applies the update; create data takes its key from the where and may not contradict it, the update may not move
 * the row off its key, and concurrent upserts of one key leave one row. Where {@code caps.upsert()} is
 * {@code NONE}, every case asserts {@code UNSUPPORTED_OPERATION} instead.
 */
public abstract class UpsertTck extends TckSupport {

	private static final int THREADS = 8;

	private static final int ITERATIONS = 25;

	private static final Map<String, String> SESSIONS_A = Map.of("namespace", "sessions", "key", "a");

	protected UpsertTck(TckBackend backend) {
		super(backend);
	}

	/** Asserts and returns true when the backend has no upsert, so the case ends there. */
	private boolean upsertIsUnsupported() {
		if (this.caps.upsert() != UpsertSupport.NONE) {
			return false;
		}
		assertOrmError(UNSUPPORTED_OPERATION, () -> model("cacheEntry").upsert((u) -> u
			.where("namespace_key", SESSIONS_A)
			.create(Data.of("value", 1))
			.update(Data.of("value", 2))));
		assertThat(model("cacheEntry").count()).isZero();
		return true;
	}

	/** The seed's {@code putCacheEntry}, with the flat where. */
	private Row putCacheEntry(String namespace, String key, Object value, Instant expiresAt) {
		return model("cacheEntry").upsert((u) -> u.where("namespace", namespace)
			.where("key", key)
			.create(Data.of("namespace", namespace, "key", key, "value", value, "expiresAt", expiresAt))
			.update(Data.of("value", value, "expiresAt", expiresAt, "updatedAt", Instant.now())));
	}

	private Instant truncated(Instant instant) {
		return instant.truncatedTo(this.caps.datetimePrecision());
	}

	@Test
	void upsertIsRefusedOnlyWhenTheBackendHasNone() {
		if (upsertIsUnsupported()) {
			return;
		}
		Row created = model("cacheEntry").upsert((u) -> u.where("namespace_key", SESSIONS_A)
			.create(Data.of("value", 1))
			.update(Data.of("value", 2)));
		assertThat(created.getJson("value").asInt()).isEqualTo(1);
	}

	@Test
	void createsTheRowWhenNoneHasTheNamedKey() {
		if (upsertIsUnsupported()) {
			return;
		}
		model("cacheEntry").create(Data.of("namespace", "sessions", "key", "b", "value", "other"));
		Row created = model("cacheEntry").upsert((u) -> u.where("namespace_key", SESSIONS_A)
			.create(Data.of("namespace", "sessions", "key", "a", "value", Map.of("hits", 1)))
			.update(Data.of("value", Map.of("hits", 2))));
		assertThat(created.getString("namespace")).isEqualTo("sessions");
		assertThat(created.getString("key")).isEqualTo("a");
		assertThat(created.getJson("value").get("hits").asInt()).isEqualTo(1);
		assertThat(created.getString("id")).isNotBlank();
		assertThat(model("cacheEntry").count()).isEqualTo(2);
		assertThat(model("cacheEntry").findUnique((q) -> q.where("namespace_key", SESSIONS_A))).contains(created);
	}

	@Test
	void updatesTheRowWhenOneHasTheNamedKey() {
		if (upsertIsUnsupported()) {
			return;
		}
		Row existing = model("cacheEntry")
			.create(Data.of("namespace", "sessions", "key", "a", "value", Map.of("hits", 1)));
		Row updated = model("cacheEntry").upsert((u) -> u.where("namespace_key", SESSIONS_A)
			.create(Data.of("namespace", "sessions", "key", "a", "value", Map.of("hits", 100)))
			.update(Data.of("value", Map.of("hits", 2))));
		assertThat(updated.get("id")).isEqualTo(existing.get("id"));
		assertThat(updated.getJson("value").get("hits").asInt()).isEqualTo(2);
		assertThat(model("cacheEntry").count()).isEqualTo(1);
		assertThat(model("cacheEntry").findUnique((q) -> q.where("id", existing.get("id")))).contains(updated);
	}

	@Test
	void putCacheEntryCreatesThenUpdatesWithTheFlatWhere() {
		if (upsertIsUnsupported()) {
			return;
		}
		Instant firstExpiry = Instant.parse("2030-01-01T00:00:00.123456Z");
		Instant secondExpiry = Instant.parse("2031-06-01T12:00:00Z");
		Row created = putCacheEntry("sessions", "a", "first", firstExpiry);
		assertThat(created.getJson("value").asString()).isEqualTo("first");
		assertThat(created.getInstant("expiresAt")).isEqualTo(truncated(firstExpiry));
		Row updated = putCacheEntry("sessions", "a", "second", secondExpiry);
		assertThat(updated.get("id")).isEqualTo(created.get("id"));
		assertThat(updated.getJson("value").asString()).isEqualTo("second");
		assertThat(updated.getInstant("expiresAt")).isEqualTo(truncated(secondExpiry));
		assertThat(updated.getInstant("updatedAt")).isAfterOrEqualTo(created.getInstant("updatedAt"));
		assertThat(model("cacheEntry").findMany()).containsExactly(updated);
	}

	@Test
	void createDataMayOmitTheKeyFields() {
		if (upsertIsUnsupported()) {
			return;
		}
		Row named = model("cacheEntry").upsert((u) -> u.where("namespace_key", SESSIONS_A)
			.create(Data.of("value", 1))
			.update(Data.of("value", 2)));
		Row flat = model("cacheEntry").upsert((u) -> u.where("namespace", "tokens")
			.where("key", "b")
			.create(Data.of("value", 3))
			.update(Data.of("value", 4)));
		Row byEmail = model("user").upsert((u) -> u.where("email", "ada@example.com")
			.create(Data.of("name", "Ada"))
			.update(Data.of("name", "Ada L.")));
		assertThat(named.getString("namespace")).isEqualTo("sessions");
		assertThat(named.getString("key")).isEqualTo("a");
		assertThat(flat.getString("namespace")).isEqualTo("tokens");
		assertThat(flat.getString("key")).isEqualTo("b");
		assertThat(byEmail.getString("email")).isEqualTo("ada@example.com");
		assertThat(byEmail.getString("name")).isEqualTo("Ada");
	}

	@Test
	void rejectsCreateDataWhoseKeyFieldContradictsTheWhere() {
		if (upsertIsUnsupported()) {
			return;
		}
		OrmException error = assertOrmError(VALIDATION_ERROR, () -> model("cacheEntry").upsert((u) -> u
			.where("namespace_key", SESSIONS_A)
			.create(Data.of("namespace", "sessions", "key", "b", "value", 1))
			.update(Data.of("value", 2))));
		assertThat(error.model()).isEqualTo("cacheEntry");
		assertThat(error.target()).containsExactly("key");
		assertThat(model("cacheEntry").count()).isZero();
	}

	@Test
	void rejectsAnUpdateThatChangesAConflictField() {
		if (upsertIsUnsupported()) {
			return;
		}
		Row existing = model("cacheEntry").create(Data.of("namespace", "sessions", "key", "a", "value", 1));
		OrmException error = assertOrmError(VALIDATION_ERROR, () -> model("cacheEntry").upsert((u) -> u
			.where("namespace_key", SESSIONS_A)
			.create(Data.of("value", 1))
			.update(Data.of("namespace", "tokens", "value", 2))));
		assertThat(error.model()).isEqualTo("cacheEntry");
		assertThat(error.target()).containsExactly("namespace");
		assertThat(model("cacheEntry").findMany()).containsExactly(existing);
	}

	@Test
	void allowsAnUpdateThatSetsAConflictFieldToItsOwnValue() {
		if (upsertIsUnsupported()) {
			return;
		}
		Row existing = model("cacheEntry").create(Data.of("namespace", "sessions", "key", "a", "value", 1));
		Row updated = model("cacheEntry").upsert((u) -> u.where("namespace_key", SESSIONS_A)
			.create(Data.of("value", 1))
			.update(Data.of("namespace", "sessions", "key", "a", "value", 2)));
		assertThat(updated.get("id")).isEqualTo(existing.get("id"));
		assertThat(updated.getJson("value").asInt()).isEqualTo(2);
	}

	@Test
	void updateAppliesOnlyTheUpdateDataNotTheCreateData() {
		if (upsertIsUnsupported()) {
			return;
		}
		Row existing = model("cacheEntry").create(Data.of("namespace", "sessions", "key", "a", "value", "kept"));
		Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
		Row updated = model("cacheEntry").upsert((u) -> u.where("namespace_key", SESSIONS_A)
			.create(Data.of("value", "from create", "expiresAt", Instant.parse("2099-01-01T00:00:00Z")))
			.update(Data.of("expiresAt", expiry)));
		assertThat(updated.get("id")).isEqualTo(existing.get("id"));
		assertThat(updated.getJson("value").asString()).isEqualTo("kept");
		assertThat(updated.getInstant("expiresAt")).isEqualTo(expiry);
	}

	@Test
	void anEmptyUpdateReturnsTheExistingRowUnchanged() {
		if (upsertIsUnsupported()) {
			return;
		}
		Row existing = model("cacheEntry").create(Data.of("namespace", "sessions", "key", "a", "value", 1));
		Row result = model("cacheEntry").upsert((u) -> u.where("namespace_key", SESSIONS_A)
			.create(Data.of("value", 9))
			.update(Data.of()));
		assertThat(result).isEqualTo(existing);
		assertThat(model("cacheEntry").findMany()).containsExactly(existing);
	}

	@Test
	void upsertsByTheId() {
		if (upsertIsUnsupported()) {
			return;
		}
		String id = UuidV7.next();
		Row created = model("user").upsert((u) -> u.where("id", id)
			.create(Data.of("email", "ada@example.com", "name", "Ada"))
			.update(Data.of("name", "Ada L.")));
		assertThat(created.getString("id")).isEqualTo(id);
		assertThat(created.getString("name")).isEqualTo("Ada");
		Row updated = model("user").upsert((u) -> u.where("id", id)
			.create(Data.of("email", "other@example.com", "name", "Other"))
			.update(Data.of("name", "Ada L.")));
		assertThat(updated.getString("id")).isEqualTo(id);
		assertThat(updated.getString("name")).isEqualTo("Ada L.");
		assertThat(updated.getString("email")).isEqualTo("ada@example.com");
		assertThat(model("user").count()).isEqualTo(1);
	}

	@Test
	void upsertsByASingleUniqueField() {
		if (upsertIsUnsupported()) {
			return;
		}
		Row bob = user("bob@example.com", "Bob");
		Row created = model("user").upsert((u) -> u.where("email", "ada@example.com")
			.create(Data.of("email", "ada@example.com", "name", "Ada", "age", 36))
			.update(Data.of("age", 37)));
		assertThat(created.getLong("age")).isEqualTo(36L);
		Row updated = model("user").upsert((u) -> u.where("email", "ada@example.com")
			.create(Data.of("email", "ada@example.com", "name", "Ada", "age", 36))
			.update(Data.of("age", 37)));
		assertThat(updated.get("id")).isEqualTo(created.get("id"));
		assertThat(updated.getLong("age")).isEqualTo(37L);
		assertThat(model("user").count()).isEqualTo(2);
		assertThat(model("user").findUnique((q) -> q.where("id", bob.get("id")))).contains(bob);
	}

	@Test
	void failsWhenTheUpdateWouldDuplicateAnotherUniqueKey() {
		if (upsertIsUnsupported()) {
			return;
		}
		Row ada = user("ada@example.com", "Ada");
		Row bob = user("bob@example.com", "Bob");
		OrmException error = assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> model("user").upsert((u) -> u
			.where("id", ada.get("id"))
			.create(Data.of("email", "new@example.com", "name", "New"))
			.update(Data.of("email", "bob@example.com", "name", "Ada as Bob"))));
		assertThat(error.model()).isEqualTo("user");
		assertThat(error.target()).containsExactly("email");
		assertThat(model("user").findMany()).containsExactlyInAnyOrder(ada, bob);
	}

	@Test
	void failsWhenTheCreateWouldDuplicateAnotherUniqueKey() {
		if (upsertIsUnsupported()) {
			return;
		}
		Row ada = user("ada@example.com", "Ada");
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> model("user").upsert((u) -> u.where("id", UuidV7.next())
			.create(Data.of("email", "ada@example.com", "name", "Second Ada"))
			.update(Data.of("name", "unused"))));
		assertThat(model("user").findMany()).containsExactly(ada);
	}

	@Test
	void rejectsAWhereThatIsNotExactlyOneUniqueKey() {
		if (upsertIsUnsupported()) {
			return;
		}
		OrmException error = assertOrmError(VALIDATION_ERROR, () -> model("cacheEntry").upsert((u) -> u
			.where("namespace", "sessions")
			.create(Data.of("key", "a", "value", 1))
			.update(Data.of("value", 2))));
		assertThat(error.model()).isEqualTo("cacheEntry");
		assertThat(error.getMessage()).contains("namespace_key");
		assertThat(model("cacheEntry").count()).isZero();
	}

	@Test
	void rejectsBadUpdateDataEvenWhenTheRowWouldBeCreated() {
		if (upsertIsUnsupported()) {
			return;
		}
		OrmException error = assertOrmError(VALIDATION_ERROR, () -> model("cacheEntry").upsert((u) -> u
			.where("namespace_key", SESSIONS_A)
			.create(Data.of("value", 1))
			.update(Data.of("expiresAt", "tomorrow"))));
		assertThat(error.model()).isEqualTo("cacheEntry");
		assertThat(error.target()).containsExactly("expiresAt");
		assertThat(model("cacheEntry").count()).isZero();
	}

	@Test
	void rejectsAnUpsertWithoutCreateOrUpdateData() {
		if (upsertIsUnsupported()) {
			return;
		}
		OrmException noCreate = assertOrmError(VALIDATION_ERROR, () -> model("cacheEntry")
			.upsert((u) -> u.where("namespace_key", SESSIONS_A).update(Data.of("value", 2))));
		assertThat(noCreate.model()).isEqualTo("cacheEntry");
		OrmException noUpdate = assertOrmError(VALIDATION_ERROR, () -> model("cacheEntry")
			.upsert((u) -> u.where("namespace_key", SESSIONS_A).create(Data.of("value", 1))));
		assertThat(noUpdate.model()).isEqualTo("cacheEntry");
		assertThat(model("cacheEntry").count()).isZero();
	}

	@Test
	void concurrentUpsertsOfOneKeyLeaveExactlyOneRow() throws Exception {
		if (upsertIsUnsupported()) {
			return;
		}
		CountDownLatch start = new CountDownLatch(1);
		List<Throwable> failures = runConcurrently((thread, iteration) -> {
			if (iteration == 0) {
				start.await();
			}
			putCacheEntry("sessions", "shared", Map.of("thread", thread, "iteration", iteration),
					Instant.now().plus(1, ChronoUnit.HOURS));
		}, start::countDown);
		assertThat(failures).as("what the upserts threw").isEmpty();
		List<Row> rows = model("cacheEntry").findMany();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).getString("key")).isEqualTo("shared");
		assertThat(rows.get(0).getJson("value").get("iteration").asInt()).isBetween(0, ITERATIONS - 1);
	}

	@Test
	void concurrentUpsertsRacingToCreateEachKeyCreateItOnce() throws Exception {
		if (upsertIsUnsupported()) {
			return;
		}
		// Every thread upserts the same new key at the same moment, once per iteration: each is a race to create.
		CyclicBarrier together = new CyclicBarrier(THREADS);
		List<Throwable> failures = runConcurrently((thread, iteration) -> {
			together.await(60, TimeUnit.SECONDS);
			putCacheEntry("race", "key-" + iteration, thread, Instant.now().plus(1, ChronoUnit.HOURS));
		}, () -> {
		});
		assertThat(failures).as("what the upserts threw").isEmpty();
		List<String> keys = model("cacheEntry").findMany().stream().map((row) -> row.getString("key")).toList();
		assertThat(keys).hasSize(ITERATIONS).doesNotHaveDuplicates();
		assertThat(keys).allMatch((key) -> key.startsWith("key-"));
	}

	/**
	 * Runs {@link #ITERATIONS} steps on each of {@link #THREADS} threads, then {@code afterSubmit}, and returns what
	 * the steps threw. A thread whose step fails goes on with its next step, so threads waiting for it are not stuck.
	 */
	private static List<Throwable> runConcurrently(Step step, Runnable afterSubmit) throws Exception {
		Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				futures.add(executor.submit(() -> {
					for (int i = 0; i < ITERATIONS; i++) {
						try {
							step.run(thread, i);
						}
						catch (RuntimeException ex) {
							failures.add(ex);
						}
					}
					return null;
				}));
			}
			afterSubmit.run();
			for (Future<?> future : futures) {
				future.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		return List.copyOf(failures);
	}

	/** One upsert step of a thread. */
	@FunctionalInterface
	private interface Step {

		void run(int thread, int iteration) throws Exception;

	}

}
