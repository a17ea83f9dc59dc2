package dev.farminglabs.orm.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 16 threads x 500 creates, upserts, updates (some moving a row to another tuple) and deletes on 50 compound unique
 * tuples on dynalite (the step-by-step write path with compensation), then an audit of what DynamoDB holds: exactly
 * one row per live tuple, and every lock item (counted by a scan of the lock table) held by the row whose tuple it
 * names, so no lock is orphaned. Any error other than a unique violation fails.
 */
class DynamodbUniqueRaceTest {

	static final int THREADS = 16;

	static final int OPERATIONS = 500;

	static final long SEED = 14_016L;

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("race")
		.model("slot", model("race_slots").field("id", id())
			.field("zone", string())
			.field("name", string())
			.field("writer", string())
			.field("hits", integer())
			.unique("zone", "name"))
		.build();

	static final DynamoDbClient CLIENT = TestDynamo.dynalite();

	@AfterAll
	static void close() {
		CLIENT.close();
	}

	@Test
	void racingWritersLeaveOneRowPerTupleAndNoOrphanedLock() throws Exception {
		String prefix = TestDynamo.uniquePrefix();
		DynamoDbRuntime runtime = DynamoDbRuntime.of(CLIENT, prefix);
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
						String name = "n:" + random.nextInt(10) + ",";
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
									.data(Data.of("name", "n:" + random.nextInt(10) + ",")));
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

			String lockPrefix = "race_slots:zone,name:";
			Map<String, String> holders = new HashMap<>();
			TestDynamo.lockItems(CLIENT, prefix).forEach((lock, holder) -> {
				if (lock.startsWith(lockPrefix)) {
					holders.put(lock.substring(lockPrefix.length()), holder);
				}
			});
			assertThat(holders).as("lock items by tuple (an orphan has no row of its tuple)").isEqualTo(idByTuple);
		}
		finally {
			TestDynamo.deleteTables(CLIENT, prefix);
		}
	}

}
