package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.datetime;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.json;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.jdbc.dialect.H2Dialect;
import dev.farminglabs.orm.jdbc.dialect.MariadbDialect;
import dev.farminglabs.orm.jdbc.dialect.MysqlDialect;
import dev.farminglabs.orm.jdbc.dialect.PostgresDialect;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.jdbc.dialect.SqliteDialect;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.IndexDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.setup.PushResult;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.setup.SetupAction;
import dev.farminglabs.orm.setup.SetupActionType;
import dev.farminglabs.orm.setup.SetupPlan;
import dev.farminglabs.orm.tck.TckBackend;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Push is idempotent, proven by the statements the database actually received (counted by a
 * {@link StatementCountingDataSource} around the application's data source): the first push creates a table per model
 * and an index per unique key and index, a second push and a plan issue no DDL, an evolved schema adds only its new
 * column and index and keeps the rows, and the script {@link SqlRenderer} hands to migration tools builds the same
 * database.
 */
class IdempotentPushTest {

	/** The fixture's audit log model as {@code TckSchema} has it. */
	static final FrameworkSchema AUDIT = FrameworkSchema.builder("audit")
		.model("auditLog", model("audit_logs")
			.field("id", id())
			.field("scope", string())
			.field("action", string())
			.field("actorId", string().nullable())
			.field("payload", json().nullable())
			.field("createdAt", datetime().defaultNow())
			.index("scope", "createdAt"))
		.build();

	/** The audit log model of a framework's next release: one new nullable field, indexed. */
	static final FrameworkSchema AUDIT_WITH_INDEXED_SOURCE = FrameworkSchema.builder("audit")
		.model("auditLog", model("audit_logs")
			.field("id", id())
			.field("scope", string())
			.field("action", string())
			.field("actorId", string().nullable())
			.field("payload", json().nullable())
			.field("createdAt", datetime().defaultNow())
			.field("source", string().nullable().maxLength(100))
			.index("scope", "createdAt")
			.index("source"))
		.build();

	static List<UniqueConstraint> uniqueKeys(FrameworkSchema schema) {
		return schema.models()
			.stream()
			.flatMap((model) -> model.uniqueConstraints().stream())
			.filter((key) -> !key.primaryKey())
			.toList();
	}

	static List<IndexDefinition> indexes(FrameworkSchema schema) {
		return schema.models().stream().flatMap((model) -> model.indexes().stream()).toList();
	}

	/** One backend: a fresh database per test, used through a statement-counting wrapper. */
	abstract static class Push {

		private final TckBackend backend;

		private final SqlDialect dialect;

		private Object runtime;

		private StatementCountingDataSource counting;

		Push(TckBackend backend, SqlDialect dialect) {
			this.backend = backend;
			this.dialect = dialect;
		}

		@BeforeEach
		void openDatabase() {
			this.runtime = this.backend.newRuntime();
			this.counting = new StatementCountingDataSource((DataSource) this.runtime);
		}

		@AfterEach
		void dropDatabase() {
			this.backend.release(this.runtime);
		}

		@Test
		void theCountingWrapperIsTheDataSourceTheDriverUses() {
			assertThat(FarmingOrm.inspectDatabaseRuntime(this.counting).runtime())
				.hasValueSatisfying((runtime) -> assertThat(runtime.client()).isSameAs(this.counting));
		}

		@Test
		void firstPushCreatesATablePerModelAndAnIndexPerUniqueKeyAndIndex() {
			PushResult result = SchemaSetup.pushSchema(TckSchema.SCHEMA, this.counting);
			int models = TckSchema.SCHEMA.models().size();
			int uniques = uniqueKeys(TckSchema.SCHEMA).size();
			int plainIndexes = indexes(TckSchema.SCHEMA).size();
			assertThat(result.count(SetupActionType.CREATE_TABLE)).isEqualTo(models);
			assertThat(result.count(SetupActionType.CREATE_UNIQUE)).isEqualTo(uniques);
			assertThat(result.count(SetupActionType.CREATE_INDEX)).isEqualTo(plainIndexes);
			assertThat(this.counting.ddlStartingWith("CREATE TABLE")).hasSize(models);
			assertThat(this.counting.ddlStartingWith("CREATE UNIQUE INDEX")).hasSize(uniques);
			assertThat(this.counting.ddlStartingWith("CREATE INDEX")).hasSize(plainIndexes);
			assertThat(this.counting.ddl()).containsExactlyElementsOf(
					result.applied().stream().map(SetupAction::statement).toList());
		}

		@Test
		void secondPushIssuesNoDdl() {
			SchemaSetup.pushSchema(TckSchema.SCHEMA, this.counting);
			assertThat(this.counting.ddl()).isNotEmpty();
			this.counting.reset();
			PushResult again = SchemaSetup.pushSchema(TckSchema.SCHEMA, this.counting);
			assertThat(again.upToDate()).isTrue();
			assertThat(again.applied()).isEmpty();
			assertThat(this.counting.ddl()).isEmpty();
		}

		@Test
		void planAfterAPushIsEmptyAndIssuesNoDdl() {
			SchemaSetup.pushSchema(TckSchema.SCHEMA, this.counting);
			this.counting.reset();
			SetupPlan plan = SchemaSetup.plan(TckSchema.SCHEMA, this.counting);
			assertThat(plan.actions()).isEmpty();
			assertThat(plan.isEmpty()).isTrue();
			assertThat(this.counting.ddl()).isEmpty();
		}

		@Test
		void planOnAFreshDatabaseIssuesNoDdl() {
			SetupPlan plan = SchemaSetup.plan(TckSchema.SCHEMA, this.counting);
			assertThat(plan.isEmpty()).isFalse();
			assertThat(this.counting.ddl()).isEmpty();
		}

		@Test
		void evolvedSchemaAddsOnlyTheNewColumnAndItsIndexAndKeepsTheRows() {
			SchemaSetup.pushSchema(TckSchema.SCHEMA, this.counting);
			OrmClient before = FarmingOrm.createOrmFromRuntime(AUDIT, this.counting);
			Row login = before.model("auditLog").create(Data.of("scope", "s", "action", "login"));
			Row logout = before.model("auditLog").create(Data.of("scope", "s", "action", "logout"));
			this.counting.reset();

			PushResult evolved = SchemaSetup.pushSchema(AUDIT_WITH_INDEXED_SOURCE, this.counting);

			ModelDefinition auditLog = AUDIT_WITH_INDEXED_SOURCE.model("auditLog");
			assertThat(evolved.applied()).extracting(SetupAction::type)
				.containsExactly(SetupActionType.ADD_COLUMN, SetupActionType.CREATE_INDEX);
			assertThat(evolved.applied()).extracting(SetupAction::target)
				.containsExactly("audit_logs.source", auditLog.indexes().get(1).name());
			assertThat(this.counting.ddl()).hasSize(2);
			assertThat(this.counting.ddlStartingWith("ALTER TABLE")).singleElement()
				.satisfies((sql) -> assertThat(sql).contains(this.dialect.quote("source")));
			assertThat(this.counting.ddlStartingWith("CREATE INDEX")).singleElement()
				.satisfies((sql) -> assertThat(sql).contains(this.dialect.quote(auditLog.indexes().get(1).name())));

			OrmClient after = FarmingOrm.createOrmFromRuntime(AUDIT_WITH_INDEXED_SOURCE, this.counting);
			assertThat(after.model("auditLog").findMany((q) -> q.where("source", null)))
				.extracting((row) -> row.get("id"))
				.containsExactly(login.get("id"), logout.get("id"));
			Row fromWeb = after.model("auditLog").create(Data.of("scope", "s", "action", "view", "source", "web"));
			assertThat(after.model("auditLog").findMany((q) -> q.where("source", "web"))).containsExactly(fromWeb);

			this.counting.reset();
			assertThat(SchemaSetup.pushSchema(AUDIT_WITH_INDEXED_SOURCE, this.counting).upToDate()).isTrue();
			assertThat(SchemaSetup.plan(TckSchema.SCHEMA, this.counting).isEmpty()).isTrue();
			assertThat(this.counting.ddl()).isEmpty();
		}

		@Test
		void renderedScriptBuildsADatabaseThatPushFindsUpToDate() throws SQLException {
			String script = SqlRenderer.render(TckSchema.SCHEMA, this.dialect);
			List<String> statements = SqlRenderer.statements(TckSchema.SCHEMA, this.dialect);
			assertThat(script).isEqualTo(String.join(";\n", statements) + ";\n");
			try (Connection connection = this.counting.getConnection();
					Statement statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
			}
			assertThat(this.counting.ddl()).hasSize(statements.size());
			this.counting.reset();

			assertThat(SchemaSetup.plan(TckSchema.SCHEMA, this.counting).actions()).isEmpty();
			assertThat(SchemaSetup.pushSchema(TckSchema.SCHEMA, this.counting).upToDate()).isTrue();
			assertThat(this.counting.ddl()).isEmpty();
			OrmClient orm = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, this.counting);
			Row entry = orm.model("cacheEntry").create(Data.of("namespace", "n", "key", "k", "value", Map.of("a", 1)));
			assertThat(orm.model("cacheEntry").findUnique((q) -> q.where("namespace", "n").where("key", "k")))
				.contains(entry);
		}

	}

	@Nested
	class OnH2 extends Push {

		OnH2() {
			super(TestDatabases.h2(), new H2Dialect());
		}

	}

	@Nested
	class OnSqlite extends Push {

		OnSqlite() {
			super(TestDatabases.sqlite(), new SqliteDialect());
		}

	}

	@Nested
	class OnPostgresql extends Push {

		OnPostgresql() {
			super(TestDatabases.postgresql(), new PostgresDialect());
		}

	}

	@Nested
	class OnMariadb extends Push {

		OnMariadb() {
			super(TestDatabases.mariadb(), new MariadbDialect());
		}

	}

	/** The script of every dialect, MySQL's included, which has no server here. */
	@Nested
	class RenderedScript {

		static List<SqlDialect> dialects() {
			return List.of(new PostgresDialect(), new MysqlDialect(), new MariadbDialect(), new H2Dialect(),
					new SqliteDialect());
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("dialects")
		void hasACreateTablePerModel(SqlDialect dialect) {
			List<String> statements = SqlRenderer.statements(TckSchema.SCHEMA, dialect);
			for (ModelDefinition model : TckSchema.SCHEMA.models()) {
				assertThat(statements).as(model.name())
					.filteredOn((sql) -> sql.startsWith("CREATE TABLE " + dialect.table(model) + " ("))
					.hasSize(1);
			}
			assertThat(statements).filteredOn((sql) -> sql.startsWith("CREATE TABLE "))
				.hasSize(TckSchema.SCHEMA.models().size());
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("dialects")
		void hasAUniqueIndexPerUniqueKeyAndAnIndexPerIndex(SqlDialect dialect) {
			String script = SqlRenderer.render(TckSchema.SCHEMA, dialect);
			for (UniqueConstraint key : uniqueKeys(TckSchema.SCHEMA)) {
				assertThat(script).contains("CREATE UNIQUE INDEX " + dialect.quote(key.name()) + " ON ");
			}
			for (IndexDefinition index : indexes(TckSchema.SCHEMA)) {
				assertThat(script).contains("CREATE INDEX " + dialect.quote(index.name()) + " ON ");
			}
			assertThat(SqlRenderer.statements(TckSchema.SCHEMA, dialect))
				.filteredOn((sql) -> sql.startsWith("CREATE UNIQUE INDEX "))
				.hasSize(uniqueKeys(TckSchema.SCHEMA).size());
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("dialects")
		void createsReferencedTablesFirstAndNeverDropsOrAlters(SqlDialect dialect) {
			List<String> statements = SqlRenderer.statements(TckSchema.SCHEMA, dialect);
			assertThat(statements).noneSatisfy((sql) -> assertThat(sql).startsWith("DROP"));
			assertThat(statements).noneSatisfy((sql) -> assertThat(sql).startsWith("ALTER"));
			int users = indexOfTable(statements, dialect, TckSchema.SCHEMA.model("user"));
			int posts = indexOfTable(statements, dialect, TckSchema.SCHEMA.model("post"));
			int postTags = indexOfTable(statements, dialect, TckSchema.SCHEMA.model("postTag"));
			int tags = indexOfTable(statements, dialect, TckSchema.SCHEMA.model("tag"));
			assertThat(users).isLessThan(posts);
			assertThat(posts).isLessThan(postTags);
			assertThat(tags).isLessThan(postTags);
		}

		private int indexOfTable(List<String> statements, SqlDialect dialect, ModelDefinition model) {
			String prefix = "CREATE TABLE " + dialect.table(model) + " (";
			for (int i = 0; i < statements.size(); i++) {
				if (statements.get(i).startsWith(prefix)) {
					return i;
				}
			}
			throw new AssertionError("No CREATE TABLE for " + model.name());
		}

	}

}
