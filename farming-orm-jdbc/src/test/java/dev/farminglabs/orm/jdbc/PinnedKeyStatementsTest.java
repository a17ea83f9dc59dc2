package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.Update;
import dev.farminglabs.orm.query.Where;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A where that pins a unique key does only the work it needs, proven by the statements the database received (a
 * {@link StatementCountingDataSource}): lookups carry no order or limit, an update is one statement with
 * {@code RETURNING} or an update and a read back by the key without it, and statements of one shape are the same SQL
 * whatever their values. The rows returned are the rows written, as before.
 */
class PinnedKeyStatementsTest {

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("pinned")
		.model("account", model("pinned_accounts")
			.field("id", id().integer())
			.field("email", string().unique())
			.field("tenant", string())
			.field("handle", string())
			.field("status", string().nullable())
			.field("visits", integer())
			.unique("tenant", "handle"))
		.build();

	/** One backend: a fresh database per test with three accounts, used through a statement-counting wrapper. */
	abstract static class Statements {

		private final TckBackend backend;

		/** Statements of an update by a unique key: 1 with UPDATE … RETURNING, else the update and a read back. */
		private final int updateStatements;

		private Object runtime;

		private StatementCountingDataSource counting;

		private ModelClient<Row> accounts;

		Statements(TckBackend backend, int updateStatements) {
			this.backend = backend;
			this.updateStatements = updateStatements;
		}

		@BeforeEach
		void openDatabase() {
			this.runtime = this.backend.newRuntime();
			this.counting = new StatementCountingDataSource((DataSource) this.runtime);
			OrmClient orm = SchemaSetup.bootstrapDatabase(SCHEMA, this.counting);
			this.accounts = orm.model("account");
			for (int i = 1; i <= 3; i++) {
				this.accounts.create(Data.of("id", i, "email", "a" + i + "@x", "tenant", "t", "handle", "h" + i,
						"status", "active", "visits", 0));
			}
			this.counting.reset();
		}

		@AfterEach
		void dropDatabase() {
			this.backend.release(this.runtime);
		}

		@Test
		void aUniqueLookupIsOneSelectWithoutOrderOrLimit() {
			Optional<Row> found = this.accounts
				.findUnique((q) -> q.where("tenant_handle", Map.of("tenant", "t", "handle", "h2")));
			assertThat(found).hasValueSatisfying((row) -> assertThat(row.getString("email")).isEqualTo("a2@x"));
			assertThat(statements()).singleElement().satisfies((sql) -> assertThat(upper(sql)).startsWith("SELECT")
				.doesNotContain("ORDER BY", "LIMIT", "OFFSET", "FETCH"));
		}

		@Test
		void anUpdateByUniqueKeyIsOneStatementWithReturningElseAnUpdateAndOneReadBack() {
			Optional<Row> updated = this.accounts
				.update((u) -> u.where("email", "a2@x").data(Data.of("status", "gone", "visits", Update.increment(5))));
			assertThat(updated).hasValueSatisfying((row) -> {
				assertThat(row.getLong("id")).isEqualTo(2L);
				assertThat(row.getString("status")).isEqualTo("gone");
				assertThat(row.getLong("visits")).isEqualTo(5L);
			});
			List<String> statements = statements();
			assertThat(statements).hasSize(this.updateStatements);
			assertThat(upper(statements.get(0))).startsWith("UPDATE");
			assertThat(statements).allSatisfy((sql) -> assertThat(upper(sql)).doesNotContain("ORDER BY", "FOR UPDATE"));
			assertThat(status(1)).isEqualTo("active");
			assertThat(status(3)).isEqualTo("active");
		}

		@Test
		void anUpdateWhoseChangeLeavesItsWhereReturnsTheRowWritten() {
			Optional<Row> updated = this.accounts
				.update((u) -> u.where("email", "a1@x").where("status", "active").data(Data.of("status", "closed")));
			assertThat(updated).hasValueSatisfying((row) -> assertThat(row.getString("status")).isEqualTo("closed"));
			assertThat(status(1)).isEqualTo("closed");
		}

		@Test
		void anUpdateByKeyWhoseOtherCriteriaDoNotMatchChangesNothing() {
			Optional<Row> updated = this.accounts
				.update((u) -> u.where("email", "a1@x").where("status", "closed").data(Data.of("visits", 9)));
			assertThat(updated).isEmpty();
			assertThat(this.accounts.findUnique((q) -> q.where("id", 1)).orElseThrow().getLong("visits")).isZero();
		}

		@Test
		void anUpdateThatWritesEqualValuesReturnsTheRow() {
			Optional<Row> updated = this.accounts
				.update((u) -> u.where("email", "a3@x").where("status", "active").data(Data.of("status", "active")));
			assertThat(updated).hasValueSatisfying((row) -> assertThat(row.getLong("id")).isEqualTo(3L));
		}

		@Test
		void anUpdateOfTheKeyItselfReturnsTheRowWritten() {
			Optional<Row> updated = this.accounts
				.update((u) -> u.where("email", "a1@x").data(Data.of("email", "renamed@x")));
			assertThat(updated).hasValueSatisfying((row) -> assertThat(row.getLong("id")).isEqualTo(1L));
			assertThat(this.accounts.findUnique((q) -> q.where("email", "renamed@x"))).isPresent();
			assertThat(this.accounts.findUnique((q) -> q.where("email", "a1@x"))).isEmpty();
		}

		@Test
		void aMissingKeyUpdatesNothing() {
			assertThat(this.accounts.update((u) -> u.where("email", "none@x").data(Data.of("visits", 1)))).isEmpty();
			assertThat(statements()).hasSizeLessThanOrEqualTo(this.updateStatements);
		}

		@Test
		void aDeleteByUniqueKeyReturnsTheRowDeletedWithoutOrderOrLimit() {
			Optional<Row> deleted = this.accounts
				.delete((d) -> d.where("tenant_handle", Map.of("tenant", "t", "handle", "h3")));
			assertThat(deleted).hasValueSatisfying((row) -> assertThat(row.getString("email")).isEqualTo("a3@x"));
			assertThat(statements()).hasSizeLessThanOrEqualTo(2)
				.allSatisfy((sql) -> assertThat(upper(sql)).doesNotContain("ORDER BY", "LIMIT"));
			assertThat(this.accounts.count()).isEqualTo(2);
		}

		@Test
		void statementsOfOneShapeAreTheSameSqlWithTheirOwnValues() {
			assertThat(this.accounts.findUnique((q) -> q.where("email", "a1@x")).orElseThrow().getLong("id")).isEqualTo(1L);
			assertThat(this.accounts.findUnique((q) -> q.where("email", "a3@x")).orElseThrow().getLong("id")).isEqualTo(3L);
			assertThat(statements()).hasSize(2).containsOnly(statements().get(0));
			this.accounts.update((u) -> u.where("id", 2).data(Data.of("status", null)));
			assertThat(ids(this.accounts.findMany((q) -> q.where("status", null)))).containsExactly(2L);
			assertThat(ids(this.accounts.findMany((q) -> q.where("status", "active").orderBy("id")))).containsExactly(1L, 3L);
			assertThat(ids(this.accounts.findMany((q) -> q.where("id", Where.in(1, 2)).orderBy("id"))))
				.containsExactly(1L, 2L);
			assertThat(ids(this.accounts.findMany((q) -> q.where("id", Where.in(3, 2, 1)).orderBy("id"))))
				.containsExactly(1L, 2L, 3L);
			assertThat(ids(this.accounts.findMany((q) -> q.where("id", Where.in(3)).orderBy("id")))).containsExactly(3L);
		}

		@Test
		void concurrentIncrementsByUniqueKeyAreAllKept() throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				List<Future<?>> runs = new ArrayList<>();
				for (int thread = 0; thread < 4; thread++) {
					runs.add(pool.submit(() -> {
						for (int i = 0; i < 25; i++) {
							this.accounts.update((u) -> u.where("email", "a1@x").data(Data.of("visits", Update.increment(1))));
						}
					}));
				}
				for (Future<?> run : runs) {
					run.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(this.accounts.findUnique((q) -> q.where("id", 1)).orElseThrow().getLong("visits")).isEqualTo(100L);
		}

		private String status(long id) {
			return this.accounts.findUnique((q) -> q.where("id", id)).orElseThrow().getString("status");
		}

		private static List<Long> ids(List<Row> rows) {
			return rows.stream().map((row) -> row.getLong("id")).toList();
		}

		/** The statements executed since the last reset, without transaction and savepoint control. */
		private List<String> statements() {
			return this.counting.executed()
				.stream()
				.filter((sql) -> !upper(sql).startsWith("SAVEPOINT") && !upper(sql).startsWith("RELEASE"))
				.toList();
		}

		private static String upper(String sql) {
			// MariaDB runs sorting statements as SET STATEMENT max_sort_length = ... FOR SELECT ...
			return sql.strip().toUpperCase(Locale.ROOT).replaceFirst("^SET STATEMENT .*? FOR ", "");
		}

	}

	@Nested
	class H2 extends Statements {

		H2() {
			super(TestDatabases.h2(), 2);
		}

	}

	@Nested
	class Sqlite extends Statements {

		Sqlite() {
			super(TestDatabases.sqlite(), 1);
		}

	}

	@Nested
	class Postgresql extends Statements {

		Postgresql() {
			super(TestDatabases.postgresql(), 1);
		}

	}

	@Nested
	class Mariadb extends Statements {

		Mariadb() {
			super(TestDatabases.mariadb(), 2);
		}

	}

}
