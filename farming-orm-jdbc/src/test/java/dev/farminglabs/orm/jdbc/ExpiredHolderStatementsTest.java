package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.datetime;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.json;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a model with an expiry field, a create deletes expired rows holding one of its unique values only when it meets
 * one, and a PostgreSQL upsert sends that delete with the upsert: proven by the statements the database received (a
 * {@link StatementCountingDataSource}). The values of expired rows are still free again, a batch over a live row still
 * writes nothing, and a batch inside a Spring transaction that had to clear a holder leaves that transaction
 * committable.
 */
class ExpiredHolderStatementsTest {

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("holders")
		.model("entry", model("holder_entries")
			.field("id", id())
			.field("namespace", string())
			.field("key", string())
			.field("value", json())
			.field("expiresAt", datetime().nullable().expiry())
			.unique("namespace", "key"))
		.build();

	/** One backend: a fresh database per test, used through a statement-counting wrapper. */
	abstract static class Statements {

		private final TckBackend backend;

		/**
		 * Statements of an upsert on a model with an expiry field whose key no expired row holds, where the dialect
		 * pins them (PostgreSQL: the guarded upsert alone); null elsewhere.
		 */
		private final @Nullable Integer upsertStatements;

		/** How the backend quotes identifiers, for reads around the ORM. */
		private final String quote;

		private Object runtime;

		private StatementCountingDataSource counting;

		private ModelClient<Row> entries;

		Statements(TckBackend backend, @Nullable Integer upsertStatements, String quote) {
			this.backend = backend;
			this.upsertStatements = upsertStatements;
			this.quote = quote;
		}

		@BeforeEach
		void openDatabase() {
			this.runtime = this.backend.newRuntime();
			this.counting = new StatementCountingDataSource((DataSource) this.runtime);
			this.entries = SchemaSetup.bootstrapDatabase(SCHEMA, this.counting).model("entry");
			this.counting.reset();
		}

		@AfterEach
		void dropDatabase() {
			this.backend.release(this.runtime);
		}

		@Test
		void aCreateManyWithoutExpiredHoldersIsTheBatchAlone() {
			List<Row> created = this.entries.createMany(List.of(entry("a", null), entry("b", null), entry("c", null)));
			assertThat(created).extracting((row) -> row.getString("key")).containsExactly("a", "b", "c");
			// One batch of three inserts, then (without INSERT … RETURNING, as on H2) one read back; no delete.
			assertThat(statements()).filteredOn((sql) -> upper(sql).startsWith("INSERT")).hasSize(3);
			assertThat(statements()).hasSizeLessThanOrEqualTo(4)
				.noneSatisfy((sql) -> assertThat(upper(sql)).startsWith("DELETE"));
		}

		@Test
		void aCreateWithoutExpiredHoldersIsTheInsertAlone() {
			this.entries.create(entry("a", null));
			assertThat(statements()).isNotEmpty().noneSatisfy((sql) -> assertThat(upper(sql)).startsWith("DELETE"));
			assertThat(upper(statements().get(0))).startsWith("INSERT");
		}

		@Test
		void aCreateManyTakesTheValuesOfExpiredRows() {
			String expiredId = this.entries.create(entry("a", past())).getString("id");
			List<Row> created = this.entries.createMany(List.of(entry("a", null), entry("b", null)));
			assertThat(created).extracting((row) -> row.getString("key")).containsExactly("a", "b");
			assertThat(created.get(0).getString("id")).isNotEqualTo(expiredId);
			assertThat(storedKeys()).containsExactlyInAnyOrder("a", "b");
			assertThat(this.entries.findMany()).hasSize(2);
		}

		@Test
		void aCreateTakesTheValueOfAnExpiredRow() {
			this.entries.create(entry("a", past()));
			Row created = this.entries.create(Data.of("namespace", "n", "key", "a", "value", 2, "expiresAt", null));
			assertThat(created.getJson("value").asInt()).isEqualTo(2);
			assertThat(storedKeys()).containsExactly("a");
		}

		@Test
		void aCreateManyOverALiveRowWritesNothingAndKeepsExpiredRows() {
			this.entries.create(entry("live", null));
			this.entries.create(entry("old", past()));
			assertThatThrownBy(() -> this.entries.createMany(List.of(entry("new", null), entry("old", null),
					entry("live", null))))
				.isInstanceOfSatisfying(OrmException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION));
			assertThat(this.entries.findMany()).extracting((row) -> row.getString("key")).containsExactly("live");
			assertThat(storedKeys()).containsExactlyInAnyOrder("live", "old");
		}

		@Test
		void aCreateManyThatClearsAHolderInsideASpringTransactionCommits() {
			this.entries.create(entry("a", past()));
			TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.counting));
			transaction.executeWithoutResult(
					(status) -> this.entries.createMany(List.of(entry("a", null), entry("b", null))));
			assertThat(this.entries.findMany()).extracting((row) -> row.getString("key"))
				.containsExactlyInAnyOrder("a", "b");
		}

		@Test
		void anUpsertOverAnExpiredRowCreates() {
			this.entries.create(entry("a", past()));
			this.counting.reset();
			Row upserted = this.entries.upsert((u) -> u.where("namespace_key", Map.of("namespace", "n", "key", "a"))
				.create(Data.of("value", "created"))
				.update(Data.of("value", "updated")));
			assertThat(upserted.getJson("value").asString()).isEqualTo("created");
			assertThat(upserted.get("expiresAt")).isNull();
			assertThat(storedKeys()).containsExactly("a");
			if (this.upsertStatements != null) {
				assertThat(this.counting.executed()).as("the guarded upsert, then the delete and the upsert together")
					.hasSize(this.upsertStatements + 1);
			}
		}

		@Test
		void anUpsertWhoseIdAnExpiredRowHoldsCreates() {
			this.entries.create(Data.of("id", "held", "namespace", "n", "key", "a", "value", 1, "expiresAt", past()));
			Row upserted = this.entries.upsert((u) -> u.where("namespace_key", Map.of("namespace", "n", "key", "b"))
				.create(Data.of("id", "held", "value", "created"))
				.update(Data.of("value", "updated")));
			assertThat(upserted.getString("id")).isEqualTo("held");
			assertThat(upserted.getString("key")).isEqualTo("b");
			assertThat(storedKeys()).containsExactly("b");
		}

		@Test
		void anUpsertOfANewKeyIsTheUpsertAlone() {
			this.entries.create(entry("old", past()));
			this.counting.reset();
			Row upserted = this.entries.upsert((u) -> u.where("namespace_key", Map.of("namespace", "n", "key", "a"))
				.create(Data.of("value", "created"))
				.update(Data.of("value", "updated")));
			assertThat(upserted.getJson("value").asString()).isEqualTo("created");
			if (this.upsertStatements != null) {
				assertThat(this.counting.executed()).hasSize(this.upsertStatements)
					.noneSatisfy((sql) -> assertThat(upper(sql)).startsWith("DELETE"));
			}
		}

		@Test
		void anUpsertOfALiveRowUpdatesIt() {
			String id = this.entries.create(entry("a", null)).getString("id");
			Row upserted = this.entries.upsert((u) -> u.where("namespace_key", Map.of("namespace", "n", "key", "a"))
				.create(Data.of("value", "created"))
				.update(Data.of("value", "updated")));
			assertThat(upserted.getString("id")).isEqualTo(id);
			assertThat(upserted.getJson("value").asString()).isEqualTo("updated");
			assertThat(storedKeys()).containsExactly("a");
		}

		private static Map<String, @Nullable Object> entry(String key, @Nullable Instant expiresAt) {
			return Data.of("namespace", "n", "key", key, "value", 1, "expiresAt", expiresAt);
		}

		private static Instant past() {
			return Instant.now().minus(1, ChronoUnit.HOURS);
		}

		/** Every stored key, expired rows included, read around the ORM. */
		private List<String> storedKeys() {
			return new JdbcTemplate((DataSource) this.runtime)
				.queryForList("SELECT " + quote("key") + " FROM " + quote("holder_entries"), String.class);
		}

		private String quote(String identifier) {
			return this.quote + identifier + this.quote;
		}

		/** The statements executed since the last reset, without transaction and savepoint control. */
		private List<String> statements() {
			return this.counting.executed()
				.stream()
				.filter((sql) -> !upper(sql).startsWith("SAVEPOINT") && !upper(sql).startsWith("RELEASE"))
				.toList();
		}

		private static String upper(String sql) {
			return sql.strip().toUpperCase(Locale.ROOT);
		}

	}

	@Nested
	class H2 extends Statements {

		H2() {
			super(TestDatabases.h2(), null, "\"");
		}

	}

	@Nested
	class Sqlite extends Statements {

		Sqlite() {
			super(TestDatabases.sqlite(), null, "\"");
		}

	}

	@Nested
	class Postgresql extends Statements {

		Postgresql() {
			super(TestDatabases.postgresql(), 1, "\"");
		}

	}

	@Nested
	class Mariadb extends Statements {

		Mariadb() {
			super(TestDatabases.mariadb(), null, "`");
		}

	}

}
