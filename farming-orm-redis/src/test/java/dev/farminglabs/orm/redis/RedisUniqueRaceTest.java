package dev.farminglabs.orm.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.spi.KeyNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 16 threads x 1,000 creates, upserts, updates (some moving a row to another tuple) and deletes on 50 compound unique
 * tuples, then an audit of what Redis holds: exactly one row per live tuple, every lock key held by the row whose
 * tuple it names, no lock without its row and no row without its lock (counted with {@code SCAN}), and the id index
 * holding exactly the rows. Any error other than a unique violation (a create of a taken tuple, a move onto one) fails.
 */
class RedisUniqueRaceTest {

	static final int THREADS = 16;

	static final int OPERATIONS = 1_000;

	static final long SEED = 13_016L;

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("race")
		.model("slot", model("race_slots").field("id", id())
			.field("zone", string())
			.field("name", string())
			.field("writer", string())
			.field("hits", integer())
			.unique("zone", "name"))
		.build();

	static final LettuceConnectionFactory FACTORY = TestRedis.lettuce();

	@AfterAll
	static void close() {
		FACTORY.destroy();
	}

	@Test
	void racingWritersLeaveOneRowPerTupleAndNoOrphanedLock() throws Exception {
		String prefix = TestRedis.uniquePrefix();
		RedisRuntime runtime = RedisRuntime.of(FACTORY, prefix);
		try {
			OrmClient orm = SchemaSetup.bootstrapDatabase(SCHEMA, runtime);
			ModelClient<Row> slots = orm.model("slot");
			AtomicLong acknowledged = new AtomicLong();
			AtomicLong conflicts = new AtomicLong();
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> runs = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				runs.add(pool.submit(() -> {
					Random random = new Random(SEED + thread);
					for (int i = 0; i < OPERATIONS; i++) {
						String zone = "z" + random.nextInt(5);
						String name = "n{" + random.nextInt(10) + "}:";
						String writer = "t" + thread + "-" + i;
						try {
							switch (random.nextInt(5)) {
								case 0 -> slots.create(Data.of("zone", zone, "name", name, "writer", writer, "hits", 1));
								case 1 -> slots.upsert((u) -> u.where("zone", zone)
									.where("name", name)
									.create(Data.of("zone", zone, "name", name, "writer", writer, "hits", 1))
									.update(Data.of("writer", writer)));
								case 2 -> slots.update((u) -> u.where("zone", zone)
									.where("name", name)
									.data(Data.of("writer", writer)));
								case 3 -> slots.update((u) -> u.where("zone", zone)
									.where("name", name)
									.data(Data.of("name", "n{" + random.nextInt(10) + "}:")));
								default -> slots.delete((d) -> d.where("zone", zone).where("name", name));
							}
							acknowledged.incrementAndGet();
						}
						catch (OrmException ex) {
							assertThat(ex.code()).as("seed %d thread %d op %d: %s", SEED, thread, i, ex.getMessage())
								.isEqualTo(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION);
							conflicts.incrementAndGet();
						}
					}
					return null;
				}));
			}
			pool.shutdown();
			assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
			for (Future<?> run : runs) {
				run.get();
			}
			assertThat(acknowledged.get() + conflicts.get()).isEqualTo((long) THREADS * OPERATIONS);

			List<Row> rows = slots.findMany();
			Map<String, String> idByTuple = new HashMap<>();
			for (Row row : rows) {
				String tuple = KeyNames.tuple(List.of(row.getString("zone"), row.getString("name")));
				assertThat(idByTuple.put(tuple, row.getString("id"))).as("a second row for %s", tuple).isNull();
			}
			assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(50);

			String tag = "{" + prefix + ":race_slots}";
			String lockPrefix = tag + ":unique:zone,name:";
			Set<String> records = new HashSet<>();
			List<String> locks = new ArrayList<>();
			for (byte[] key : TestRedis.keys(FACTORY, prefix)) {
				String name = new String(key, StandardCharsets.UTF_8);
				if (name.startsWith(lockPrefix)) {
					locks.add(name);
				}
				else if (name.startsWith(tag + ":record:")) {
					records.add(name.substring((tag + ":record:").length()));
				}
			}
			assertThat(records).as("record keys").containsExactlyInAnyOrderElementsOf(idByTuple.values());
			assertThat(locks).as("lock keys (an orphan has no row of its tuple)").hasSize(rows.size());
			try (RedisConnection connection = FACTORY.getConnection()) {
				for (String lock : locks) {
					String holder = new String(connection.stringCommands().get(lock.getBytes(StandardCharsets.UTF_8)),
							StandardCharsets.UTF_8);
					assertThat(holder).as("holder of %s", lock)
						.isEqualTo(idByTuple.get(lock.substring(lockPrefix.length())));
				}
				assertThat(connection.zSetCommands().zCard((tag + ":ids").getBytes(StandardCharsets.UTF_8)))
					.as("id index").isEqualTo((long) rows.size());
			}
		}
		finally {
			TestRedis.deleteKeys(FACTORY, prefix);
		}
	}

}
