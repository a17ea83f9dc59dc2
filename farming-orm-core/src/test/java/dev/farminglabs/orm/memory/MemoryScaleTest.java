package dev.farminglabs.orm.memory;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * A write costs what it touches: writes and lookups by a unique key cover no other rows (counted, not timed), and a
 * failed write still undoes exactly its own changes, in place.
 */
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
	void writesAndLookupsByAUniqueKeyCoverNoOtherRows() {
		// An O(n^2) seed (a unique check that scans the table, an index rebuilt per write) took minutes for 100k rows;
		// counting the rows whole-table work covers catches it exactly, at any size and on any machine.
		MemoryDatabase database = new MemoryDatabase();
		OrmClient orm = SchemaSetup.bootstrapDatabase(SCHEMA, database);
		ModelClient<Row> items = orm.model("item");
		MemoryTable table = database.table(SCHEMA.model("item").qualifiedTable());
		int rows = MemoryDatabase.CAPABILITIES.maxBatchSize() + 1_000;
		seed(items, "a", rows);
		seed(items, "b", rows);
		assertThat(table.rowsCovered()).as("rows scanned, indexed or copied while seeding %d", 2 * rows).isZero();
		assertThat(items.findUnique(q -> q.where("namespace", "b").where("key", "k" + (rows - 1)))).isPresent();
		items.update(u -> u.where("namespace", "a").where("key", "k1").data(Data.of("key", "moved")));
		items.upsert(u -> u.where("namespace", "a").where("key", "k2")
			.create(Data.of("namespace", "a", "key", "k2", "rank", 0))
			.update(Data.of("rank", -2)));
		items.upsert(u -> u.where("namespace", "c").where("key", "new")
			.create(Data.of("namespace", "c", "key", "new", "rank", 0))
			.update(Data.of("rank", 1)));
		items.delete(d -> d.where("namespace", "b").where("key", "k3"));
		assertThatThrownBy(() -> items.create(Data.of("namespace", "a", "key", "moved", "rank", 5)))
			.isInstanceOf(OrmException.class);
		assertThat(table.rowsCovered()).as("rows covered by lookups and writes by a unique key").isZero();
		// A filter on no unique key must scan, and is counted: the zeros above are not for want of counting.
		assertThat(items.count(q -> q.where("namespace", "b"))).isEqualTo(rows - 1);
		assertThat(table.rowsCovered()).isEqualTo(2L * rows);
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
		MemoryDatabase database = new MemoryDatabase();
		OrmClient orm = SchemaSetup.bootstrapDatabase(SCHEMA, database);
		ModelClient<Row> items = orm.model("item");
		MemoryTable table = database.table(SCHEMA.model("item").qualifiedTable());
		items.create(Data.of("namespace", "n", "key", "a", "rank", 1));
		assertThatThrownBy(() -> items.createMany(List.of(Map.of("namespace", "n", "key", "b", "rank", 2),
				Map.of("namespace", "n", "key", "a", "rank", 3))))
			.isInstanceOfSatisfying(OrmException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION));
		assertThat(items.count(q -> q.where("namespace", "n"))).isEqualTo(1);
		// Undone in place from the journal, not by putting back a copy of every table taken before the write.
		assertThat(database.table(SCHEMA.model("item").qualifiedTable())).isSameAs(table);
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
