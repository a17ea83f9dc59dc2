package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.decimal;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Where decimals are kept as text (H2, SQLite), a unique decimal column holds {@code 12.5} and {@code 12.50} as two
 * values that both equal {@code 12.5}: a where on that key is not treated as matching at most one row, so updates and
 * deletes still act on the first match by id only.
 */
class DecimalUniqueKeyTest {

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("decimalkeys")
		.model("price", model("decimal_key_prices")
			.field("id", id().integer())
			.field("amount", decimal().unique())
			.field("label", string()))
		.build();

	abstract static class TextDecimals {

		private final TckBackend backend;

		private Object runtime;

		private ModelClient<Row> prices;

		TextDecimals(TckBackend backend) {
			this.backend = backend;
		}

		@BeforeEach
		void openDatabase() {
			this.runtime = this.backend.newRuntime();
			this.prices = SchemaSetup.bootstrapDatabase(SCHEMA, this.runtime).model("price");
			this.prices.create(Data.of("id", 2, "amount", new BigDecimal("12.50"), "label", "b"));
			this.prices.create(Data.of("id", 1, "amount", new BigDecimal("12.5"), "label", "a"));
		}

		@AfterEach
		void dropDatabase() {
			this.backend.release(this.runtime);
		}

		@Test
		void anUpdateOnTheDecimalKeyChangesTheFirstMatchOnly() {
			Row updated = this.prices
				.update((u) -> u.where("amount", new BigDecimal("12.5")).data(Data.of("label", "changed")))
				.orElseThrow();
			assertThat(updated.getLong("id")).isEqualTo(1L);
			assertThat(this.prices.count((q) -> q.where("label", "changed"))).isEqualTo(1);
		}

		@Test
		void aDeleteOnTheDecimalKeyRemovesTheFirstMatchOnly() {
			Row deleted = this.prices.delete((d) -> d.where("amount", new BigDecimal("12.5"))).orElseThrow();
			assertThat(deleted.getLong("id")).isEqualTo(1L);
			assertThat(this.prices.count()).isEqualTo(1);
		}

	}

	@Nested
	class H2 extends TextDecimals {

		H2() {
			super(TestDatabases.h2());
		}

	}

	@Nested
	class Sqlite extends TextDecimals {

		Sqlite() {
			super(TestDatabases.sqlite());
		}

	}

}
