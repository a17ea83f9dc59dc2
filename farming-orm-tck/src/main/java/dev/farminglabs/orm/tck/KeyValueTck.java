package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
import static dev.farminglabs.orm.error.OrmErrorCode.UNSUPPORTED_OPERATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.BatchAtomicity;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.Where;
import dev.farminglabs.orm.setup.SchemaSetup;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What key-value stores get wrong and every backend must get right: unique values freed by deletes and key changes,
 * an update onto a held key changing nothing, concurrent creates and upserts of the same tuples, a failed
 * {@code createMany} leaving no key behind, and expiry fields ({@code datetime().expiry()}) hiding expired rows from
 * every read.
 */
public abstract class KeyValueTck extends TckSupport {

	private static final int THREADS = 8;

	private static final int TUPLES = 20;

	protected KeyValueTck(TckBackend backend) {
		super(backend);
	}

	@Test
	void aUniqueValueIsFreeAgainOnceItsRowIsDeleted() {
		Row first = user("ada@example.com", "Ada");
		model("user").delete((q) -> q.where("id", first.get("id")));
		Row second = user("ada@example.com", "Ada again");
		assertThat(second.get("id")).isNotEqualTo(first.get("id"));
		model("kvItem").create(Data.of("namespace", "n", "key", "k", "value", 1));
		model("kvItem").deleteMany((q) -> q.where("namespace", "n"));
		model("kvItem").create(Data.of("namespace", "n", "key", "k", "value", 2));
		assertThat(model("kvItem").count()).isEqualTo(1);
	}

	@Test
	void aUniqueValueIsFreeAgainOnceItsRowMovesToAnotherValue() {
		user("ada@example.com", "Ada");
		model("user").update((u) -> u.where("email", "ada@example.com").data(Data.of("email", "ada@new.example")));
		user("ada@example.com", "Someone else");
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> user("ada@new.example", "Third"));
		model("kvItem").create(Data.of("namespace", "n", "key", "a", "value", 1));
		model("kvItem").update((u) -> u.where("namespace_key", Map.of("namespace", "n", "key", "a"))
			.data(Data.of("key", "b")));
		model("kvItem").create(Data.of("namespace", "n", "key", "a", "value", 2));
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION,
				() -> model("kvItem").create(Data.of("namespace", "n", "key", "b", "value", 3)));
		assertThat(model("kvItem").count()).isEqualTo(2);
	}

	@Test
	void anUpdateOntoAKeyHeldByAnotherRowFailsAndChangesNothing() {
		Row ada = user("ada@example.com", "Ada");
		Row bob = user("bob@example.com", "Bob");
		OrmException error = assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> model("user")
			.update((u) -> u.where("id", ada.get("id")).data(Data.of("email", "bob@example.com", "name", "Changed"))));
		assertThat(error.model()).isEqualTo("user");
		assertThat(model("user").findUnique((q) -> q.where("id", ada.get("id"))).orElseThrow())
			.isEqualTo(ada);
		assertThat(model("user").findUnique((q) -> q.where("email", "bob@example.com")).orElseThrow().get("id"))
			.isEqualTo(bob.get("id"));
		Row a = model("kvItem").create(Data.of("namespace", "n", "key", "a", "value", 1));
		model("kvItem").create(Data.of("namespace", "n", "key", "b", "value", 2));
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION,
				() -> model("kvItem").updateMany((u) -> u.where("key", "a").data(Data.of("key", "b", "value", 9))));
		assertThat(model("kvItem").findUnique((q) -> q.where("id", a.get("id"))).orElseThrow())
			.isEqualTo(a);
		// The freed and the held key are both still exactly where they were.
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION,
				() -> model("kvItem").create(Data.of("namespace", "n", "key", "a", "value", 3)));
		assertThat(model("kvItem").count()).isEqualTo(2);
	}

	@Test
	void concurrentCreatesAndUpsertsOfTheSameTuplesLeaveOneRowPerTuple() throws Exception {
		boolean upserts = this.caps.upsert() != UpsertSupport.NONE;
		Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				futures.add(executor.submit(() -> {
					List<Integer> order = new ArrayList<>();
					for (int i = 0; i < TUPLES; i++) {
						order.add(i);
					}
					Collections.shuffle(order, new Random(thread));
					start.await();
					for (int tuple : order) {
						writeTuple(tuple, thread, upserts && (tuple + thread) % 2 == 0, unexpected);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(unexpected).as("failures other than a duplicate create").isEmpty();
		for (int tuple = 0; tuple < TUPLES; tuple++) {
			int key = tuple;
			assertThat(model("kvItem").count((q) -> q.where("namespace", "race").where("key", "k" + key)))
				.as("rows of tuple %d", tuple)
				.isEqualTo(1);
		}
		assertThat(model("kvItem").count()).isEqualTo(TUPLES);
	}

	private void writeTuple(int tuple, int thread, boolean upsert, Queue<Throwable> unexpected) {
		for (int attempt = 0; attempt < 5; attempt++) {
			try {
				if (upsert) {
					model("kvItem").upsert((u) -> u.where("namespace_key", Map.of("namespace", "race", "key", "k" + tuple))
						.create(Data.of("value", thread))
						.update(Data.of("value", thread)));
				}
				else {
					model("kvItem").create(Data.of("namespace", "race", "key", "k" + tuple, "value", thread));
				}
				return;
			}
			catch (OrmException ex) {
				if (ex.code() == UNIQUE_CONSTRAINT_VIOLATION && !upsert) {
					return;
				}
				if (!ex.retryable()) {
					unexpected.add(ex);
					return;
				}
			}
			catch (RuntimeException ex) {
				unexpected.add(ex);
				return;
			}
		}
	}

	@Test
	void aFailedCreateManyLeavesNoRowAndNoUniqueKeyBehind() {
		List<Map<String, Object>> rows = List.of(Map.of("email", "a@example.com", "name", "A"),
				Map.of("email", "b@example.com", "name", "B"), Map.of("email", "a@example.com", "name", "A again"));
		if (this.caps.maxAtomicWrites() < rows.size()) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> model("user").createMany(rows));
		}
		else {
			assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> model("user").createMany(rows));
		}
		assertThat(model("user").count()).isZero();
		user("a@example.com", "A");
		user("b@example.com", "B");
		assertThat(model("user").count()).isEqualTo(2);
	}

	@Test
	void expiredRowsAreInvisibleToEveryRead() {
		Instant now = Instant.now();
		Instant past = now.minus(1, ChronoUnit.HOURS);
		Instant future = now.plus(1, ChronoUnit.HOURS);
		cacheEntry("expired", past);
		cacheEntry("live", future);
		cacheEntry("forever", null);
		assertThat(keys(model("cacheEntry").findMany())).containsExactlyInAnyOrder("live", "forever");
		assertThat(model("cacheEntry").count()).isEqualTo(2);
		assertThat(model("cacheEntry").count((q) -> q.where("key", "expired"))).isZero();
		assertThat(model("cacheEntry").findMany((q) -> q.where("expiresAt", Where.lte(now)))).isEmpty();
		assertThat(model("cacheEntry").findFirst((q) -> q.where("key", "expired"))).isEmpty();
		assertThat(model("cacheEntry").findOne((q) -> q.where("key", "expired"))).isEmpty();
		assertThat(model("cacheEntry")
			.findUnique((q) -> q.where("namespace_key", Map.of("namespace", "cache", "key", "expired")))).isEmpty();
		try (Stream<Row> stream = model("cacheEntry").stream((q) -> q.orderBy("key"))) {
			assertThat(keys(stream.toList())).containsExactly("forever", "live");
		}
		assertThat(model("cacheEntry").findMany((q) -> q.orderBy("expiresAt").skip(1).take(5))).hasSize(1);
	}

	@Test
	void writesByWhereSkipExpiredRowsAndTheirUniqueValuesAreFreeAgain() {
		Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
		cacheEntry("a", past);
		cacheEntry("b", past);
		cacheEntry("live", null);
		assertThat(model("cacheEntry").update((u) -> u.where("key", "a").data(Data.of("value", 2)))).isEmpty();
		assertThat(model("cacheEntry").updateMany((u) -> u.where(Where.all()).data(Data.of("value", 3))))
			.isEqualTo(1);
		assertThat(model("cacheEntry").delete((q) -> q.where("key", "a"))).isEmpty();
		Row reused = cacheEntry("a", null);
		assertThat(reused.getJson("value").asInt()).isEqualTo(1);
		if (this.caps.upsert() != UpsertSupport.NONE) {
			Row upserted = model("cacheEntry").upsert((u) -> u
				.where("namespace_key", Map.of("namespace", "cache", "key", "b"))
				.create(Data.of("value", "created"))
				.update(Data.of("value", "updated")));
			assertThat(upserted.getJson("value").asString()).as("an expired row is not there to update")
				.isEqualTo("created");
			assertThat(upserted.get("expiresAt")).isNull();
		}
		else {
			cacheEntry("b", null);
		}
		assertThat(keys(model("cacheEntry").findMany())).containsExactlyInAnyOrder("a", "b", "live");
	}

	@Test
	void createsTakeOverUniqueValuesOfExpiredRowsAndStillFailOnLiveOnes() {
		Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
		cacheEntry("a", past);
		cacheEntry("b", past);
		cacheEntry("live", null);
		List<Map<String, Object>> overExpired = List.of(Data.of("namespace", "cache", "key", "a", "value", 2),
				Data.of("namespace", "cache", "key", "c", "value", 2));
		List<Map<String, Object>> overLive = List.of(Data.of("namespace", "cache", "key", "d", "value", 3),
				Data.of("namespace", "cache", "key", "live", "value", 3));
		if (this.caps.maxAtomicWrites() >= 2) {
			assertThat(keys(model("cacheEntry").createMany(overExpired))).containsExactly("a", "c");
			assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> model("cacheEntry").createMany(overLive));
			assertThat(model("cacheEntry").count((q) -> q.where("key", "d"))).as("nothing half-written").isZero();
		}
		else {
			assertThat(keys(model("cacheEntry").createMany(overExpired, BatchAtomicity.IN_CHUNKS)))
				.containsExactly("a", "c");
			assertOrmError(UNIQUE_CONSTRAINT_VIOLATION,
					() -> model("cacheEntry").createMany(overLive, BatchAtomicity.IN_CHUNKS));
			model("cacheEntry").delete((q) -> q.where("key", "d"));
		}
		if (this.caps.supportsTransactions()) {
			Row reused = this.orm.transaction((tx) -> {
				Row inside = tx.model("cacheEntry").create(Data.of("namespace", "cache", "key", "b", "value", 4));
				assertThat(tx.model("cacheEntry").count()).isEqualTo(4);
				return inside;
			});
			assertThat(reused.getJson("value").asInt()).isEqualTo(4);
		}
		else {
			assertThat(cacheEntry("b", null).getJson("value").asInt()).isEqualTo(1);
		}
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> cacheEntry("live", null));
		assertThat(keys(model("cacheEntry").findMany((q) -> q.orderBy("key"))))
			.containsExactly("a", "b", "c", "live");
	}

	@Test
	void purgeExpiredDeletesOnlyExpiredRows() {
		cacheEntry("old", Instant.now().minus(1, ChronoUnit.HOURS));
		cacheEntry("older", Instant.now().minus(2, ChronoUnit.DAYS));
		cacheEntry("live", Instant.now().plus(1, ChronoUnit.HOURS));
		cacheEntry("forever", null);
		assertThat(SchemaSetup.purgeExpired(TckSchema.SCHEMA, this.runtime)).isEqualTo(2);
		assertThat(SchemaSetup.purgeExpired(TckSchema.SCHEMA, this.runtime)).isZero();
		assertThat(keys(model("cacheEntry").findMany())).containsExactlyInAnyOrder("live", "forever");
	}

	private Row cacheEntry(String key, @Nullable Instant expiresAt) {
		return model("cacheEntry")
			.create(Data.of("namespace", "cache", "key", key, "value", 1, "expiresAt", expiresAt));
	}

	private static List<String> keys(List<Row> rows) {
		return rows.stream().map((row) -> row.getString("key")).toList();
	}

}
