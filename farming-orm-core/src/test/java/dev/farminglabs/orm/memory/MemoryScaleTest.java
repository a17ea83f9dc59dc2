package dev.farminglabs.orm.memory;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import org.junit.jupiter.api.Test;

/** A write costs what it touches: seeding is linear, and a failed write still undoes exactly its own changes. */
class MemoryScaleTest {

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("scale")
		.model("item", model("items")
			.field("id", id())
			.field("namespace", string())
			.field("key", string())
			.field("rank", integer())
			.unique("namespace", "key"))
		.build();

	@Test
	void seedingIsLinearInTheRowsWritten() {
		// Well under a second on an idle machine (MemorySeedBenchmark); the bounds here hold on a busy CI runner and
		// still fail an O(n^2) seed, which took minutes for 100k rows (second 100k: not slower than 4x the first + 2 s).
		OrmClient orm = SchemaSetup.bootstrapDatabase(SCHEMA, new MemoryDatabase());
		ModelClient<Row> items = orm.model("item");
		seed(items, "warmup", 20_000);
		long start = System.nanoTime();
		seed(items, "a", 100_000);
		Duration first = Duration.ofNanos(System.nanoTime() - start);
		start = System.nanoTime();
		seed(items, "b", 100_000);
		Duration second = Duration.ofNanos(System.nanoTime() - start);
		assertThat(items.count(q -> q.where("namespace", "b"))).isEqualTo(100_000);
		assertThat(first).as("100k creates took %s", first).isLessThan(Duration.ofSeconds(10));
		assertThat(second).as("100k creates onto 120k rows took %s, onto 20k %s", second, first)
			.isLessThan(first.multipliedBy(4).plusSeconds(2));
	}

	/** Seeds in batches of the database's maxBatchSize, as a test fixture or an import does. */
	private static void seed(ModelClient<Row> items, String namespace, int rows) {
		int batch = MemoryDatabase.CAPABILITIES.maxBatchSize();
		for (int start = 0; start < rows; start += batch) {
			List<Map<String, Object>> data = new java.util.ArrayList<>(batch);
			for (int i = start; i < Math.min(rows, start + batch); i++) {
				data.add(Map.of("namespace", namespace, "key", "k" + i, "rank", i));
			}
			items.createMany(data);
		}
	}

	@Test
	void aFailedWriteUndoesOnlyItsOwnChangesAndKeepsTheUniqueIndexRight() {
		OrmClient orm = SchemaSetup.bootstrapDatabase(SCHEMA, new MemoryDatabase());
		ModelClient<Row> items = orm.model("item");
		items.create(Data.of("namespace", "n", "key", "a", "rank", 1));
		assertThatThrownBy(() -> items.createMany(List.of(Map.of("namespace", "n", "key", "b", "rank", 2),
				Map.of("namespace", "n", "key", "a", "rank", 3))))
			.isInstanceOfSatisfying(OrmException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION));
		assertThat(items.count(q -> q.where("namespace", "n"))).isEqualTo(1);
		// The rolled-back key is free again; the kept one still blocks.
		items.create(Data.of("namespace", "n", "key", "b", "rank", 2));
		assertThatThrownBy(() -> items.create(Data.of("namespace", "n", "key", "a", "rank", 9)))
			.isInstanceOf(OrmException.class);
		assertThatThrownBy(() -> orm.transaction((tx) -> {
			tx.model("item").update(u -> u.where("key", "b").data(Data.of("key", "c")));
			throw new IllegalStateException("roll back");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(items.findUnique(q -> q.where("namespace", "n").where("key", "b"))).isPresent();
		assertThat(items.findUnique(q -> q.where("namespace", "n").where("key", "c"))).isEmpty();
		items.create(Data.of("namespace", "n", "key", "c", "rank", 4));
	}

}
