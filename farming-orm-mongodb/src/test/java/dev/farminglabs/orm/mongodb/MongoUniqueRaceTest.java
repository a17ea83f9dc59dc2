package dev.farminglabs.orm.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.Test;

/** Four threads racing on the same unique keys: one create wins per key, and upserts never duplicate a key. */
class MongoUniqueRaceTest {

	private static final int THREADS = 4;

	private static final int KEYS = 50;

	@Test
	void fourThreadsCreatingTheSameKeysLeaveOneRowPerKeyAndUniqueViolationsForTheRest() throws Exception {
		OrmClient orm = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA,
				MongoRuntime.of(TestMongo.client(), TestMongo.freshDatabase()));
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		List<Integer> created = race((thread) -> {
			int wins = 0;
			for (int key = 0; key < KEYS; key++) {
				try {
					orm.model("kvItem").create(Data.of("namespace", "race", "key", "k" + key, "value", thread));
					wins++;
				}
				catch (OrmException ex) {
					if (ex.code() != OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION) {
						failures.add(ex);
					}
				}
			}
			return wins;
		});
		assertThat(failures).isEmpty();
		assertThat(created.stream().mapToInt(Integer::intValue).sum()).isEqualTo(KEYS);
		assertThat(orm.model("kvItem").count()).isEqualTo(KEYS);
	}

	@Test
	void fourThreadsUpsertingTheSameKeysInOneCallEachLeaveOneRowPerKeyWithoutErrors() throws Exception {
		// Create and update agree on "value": one findOneAndUpdate(upsert) per call.
		upsertRace(0);
	}

	@Test
	void fourThreadsUpsertingTheSameKeysByUpdateElseInsertLeaveOneRowPerKeyWithoutErrors() throws Exception {
		// Create and update disagree on "value": update, else insert, else update the row a concurrent insert made.
		upsertRace(100);
	}

	private void upsertRace(int updateOffset) throws Exception {
		OrmClient orm = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA,
				MongoRuntime.of(TestMongo.client(), TestMongo.freshDatabase()));
		List<Integer> upserts = race((thread) -> {
			for (int key = 0; key < KEYS; key++) {
				String name = "k" + key;
				orm.model("cacheEntry").upsert((u) -> u
					.where("namespace_key", Map.of("namespace", "race", "key", name))
					.create(Data.of("namespace", "race", "key", name, "value", thread))
					.update(Data.of("value", thread + updateOffset)));
			}
			return KEYS;
		});
		assertThat(upserts).containsOnly(KEYS);
		assertThat(orm.model("cacheEntry").count()).isEqualTo(KEYS);
		assertThat(orm.model("cacheEntry").count((q) -> q.where("namespace", "race"))).isEqualTo(KEYS);
	}

	private static List<Integer> race(ThreadWork work) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			CyclicBarrier start = new CyclicBarrier(THREADS);
			List<Future<Integer>> futures = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				int thread = i;
				futures.add(executor.submit(() -> {
					start.await();
					return work.run(thread);
				}));
			}
			List<Integer> results = new ArrayList<>();
			for (Future<Integer> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	@FunctionalInterface
	private interface ThreadWork {

		int run(int thread) throws Exception;

	}

}
