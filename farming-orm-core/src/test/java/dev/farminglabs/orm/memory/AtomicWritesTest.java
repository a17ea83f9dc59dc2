package dev.farminglabs.orm.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.client.BatchAtomicity;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.setup.SchemaSetup;
import org.junit.jupiter.api.Test;

/** createMany beyond maxAtomicWrites: refused up front, or written in atomic chunks that a failure reports. */
class AtomicWritesTest {

	private final OrmClient orm = SchemaSetup.bootstrapDatabase(MemoryScaleTest.SCHEMA,
			new MemoryDatabase(MemoryDatabase.CAPABILITIES.toBuilder().maxAtomicWrites(2).build()));

	private final ModelClient<Row> items = this.orm.model("item");

	private static List<Map<String, Object>> rows(String... keys) {
		return java.util.Arrays.stream(keys).map((key) -> Map.<String, Object>of("namespace", "n", "key", key, "rank", 1)).toList();
	}

	@Test
	void moreRowsThanCanBeAtomicFailUpFrontAndWriteNothing() {
		assertThatThrownBy(() -> this.items.createMany(rows("a", "b", "c")))
			.isInstanceOfSatisfying(OrmException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(OrmErrorCode.UNSUPPORTED_OPERATION);
				assertThat(ex.getMessage()).contains("maxAtomicWrites=2", "IN_CHUNKS");
			});
		assertThat(this.items.count()).isZero();
		assertThat(this.items.createMany(rows("a", "b"))).hasSize(2);
	}

	@Test
	void chunksAreWrittenWhenAskedAndAFailureReportsTheRowsWritten() {
		assertThat(this.items.createMany(rows("a", "b", "c", "d", "e"), BatchAtomicity.IN_CHUNKS)).hasSize(5);
		assertThatThrownBy(() -> this.items.createMany(rows("f", "g", "h", "a", "i"), BatchAtomicity.IN_CHUNKS))
			.isInstanceOfSatisfying(OrmException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION);
				List<Object> written = this.items.findMany((q) -> q.where("key", dev.farminglabs.orm.query.Where.in("f", "g", "h")))
					.stream()
					.map((row) -> row.get("id"))
					.toList();
				assertThat(ex.writtenIds()).hasSize(2).containsExactlyElementsOf(written);
			});
		assertThat(this.items.count()).as("a..e, then f and g; h failed with a in its chunk").isEqualTo(7);
	}

}
