package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.datetime;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.json;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.jdbc.dialect.AnsiDialect;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.PushResult;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.setup.SetupAction;
import dev.farminglabs.orm.setup.SetupActionType;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.tck.TckBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table the application created without quotes (by hand or with Flyway), in the case its database gives unquoted
 * names ({@code CACHE_ENTRIES} on H2, {@code updatedat} on PostgreSQL), is the model's table: push adds only what is
 * missing, a second plan finds nothing to do, and the client reads and writes the rows hand-written SQL sees.
 */
class UnquotedTablesTest {

	/** The seed's cache entry model, with an index the hand-made table lacks. */
	static final FrameworkSchema CACHE = FrameworkSchema.builder("cache")
		.model("cacheEntry", model("cache_entries")
			.field("id", id())
			.field("namespace", string())
			.field("key", string())
			.field("value", json())
			.field("expiresAt", datetime().nullable())
			.field("updatedAt", datetime().defaultNow())
			.unique("namespace", "key")
			.index("updatedAt"))
		.build();

	/** One backend: a fresh database per test, a cache table created there as a migration tool would. */
	abstract static class Unquoted {

		private final TckBackend backend;

		private Object runtime;

		private DataSource dataSource;

		private JdbcTemplate jdbc;

		Unquoted(TckBackend backend) {
			this.backend = backend;
		}

		/**
		 * The hand-written migration: the cache table without {@code expiresAt}, its unique key, and one row with
		 * id {@code hand-1}, namespace {@code n}, key {@code k} and value {@code {"a": 1}}; unquoted names.
		 */
		abstract List<String> migration();

		@BeforeEach
		void openDatabase() {
			this.runtime = this.backend.newRuntime();
			this.dataSource = (DataSource) this.runtime;
			this.jdbc = new JdbcTemplate(this.dataSource);
		}

		@AfterEach
		void dropDatabase() {
			this.backend.release(this.runtime);
		}

		/** What the application hands to farming-orm: the data source, or a driver made from it. */
		Object client() {
			return this.dataSource;
		}

		void migrate() {
			migration().forEach(this.jdbc::execute);
		}

		long handCount() {
			return this.jdbc.queryForObject("SELECT COUNT(*) FROM cache_entries", Long.class);
		}

		@Test
		void planAddsOnlyTheMissingColumnAndIndex() {
			migrate();
			List<SetupAction> actions = SchemaSetup.plan(CACHE, client()).actions();
			assertThat(actions).extracting(SetupAction::type)
				.containsExactly(SetupActionType.ADD_COLUMN, SetupActionType.CREATE_INDEX);
			assertThat(actions.get(0).target()).isEqualTo("cache_entries.expiresAt");
		}

		@Test
		void pushExtendsTheExistingTableInsteadOfCreatingASecondOne() throws SQLException {
			migrate();
			PushResult pushed = SchemaSetup.pushSchema(CACHE, client());
			assertThat(pushed.applied()).extracting(SetupAction::type)
				.containsExactly(SetupActionType.ADD_COLUMN, SetupActionType.CREATE_INDEX);
			assertThat(tablesNamedCacheEntries()).singleElement();
			assertThat(columnsOfCacheEntries()).filteredOn("expiresAt"::equalsIgnoreCase).singleElement();
			assertThat(columnsOfCacheEntries()).hasSize(6);
			assertThat(SchemaSetup.plan(CACHE, client()).isEmpty()).isTrue();
			assertThat(SchemaSetup.pushSchema(CACHE, client()).upToDate()).isTrue();
		}

		@Test
		void clientReadsAndWritesTheHandMadeTable() {
			migrate();
			OrmClient orm = SchemaSetup.bootstrapDatabase(CACHE, client());
			exerciseCrud(orm);
		}

		@Test
		void clientCreatedBeforeThePushUsesTheHandMadeTable() {
			migrate();
			OrmClient orm = FarmingOrm.createOrmFromRuntime(CACHE, client());
			SchemaSetup.pushSchema(CACHE, client());
			exerciseCrud(orm);
		}

		@Test
		void statementsUsedBeforeAPushFollowTheSpellingItLearns() {
			migrate();
			OrmClient orm = FarmingOrm.createOrmFromRuntime(CACHE, client());
			ModelClient<Row> entries = orm.model("cacheEntry");
			long before;
			try {
				before = entries.count((q) -> q.where("namespace", "n"));
			}
			catch (OrmException ex) {
				assertThat(ex.code()).isEqualTo(OrmErrorCode.MISSING_TABLE);
				before = -1;
			}
			assertThat(before).isIn(-1L, 1L);
			SchemaSetup.pushSchema(CACHE, client());
			assertThat(entries.count((q) -> q.where("namespace", "n"))).isEqualTo(1);
		}

		private void exerciseCrud(OrmClient orm) {
			ModelClient<Row> entries = orm.model("cacheEntry");
			Row hand = entries.findUnique((q) -> q.where("namespace", "n").where("key", "k")).orElseThrow();
			assertThat(hand.get("id")).isEqualTo("hand-1");
			assertThat(hand.getJson("value")).isEqualTo(JsonMapper.shared().readTree("{\"a\": 1}"));
			assertThat(hand.get("expiresAt")).isNull();

			Instant expiry = Instant.parse("2030-01-02T03:04:05Z");
			Row created = entries.create(Data.of("namespace", "n", "key", "k2", "value", Map.of("b", 2), "expiresAt",
					expiry));
			assertThat(handCount()).isEqualTo(2);
			assertThat(entries.count((q) -> q.where("expiresAt", expiry))).isEqualTo(1);

			Row changed = (orm.driver().capabilities().upsert() != UpsertSupport.NONE)
					? entries.upsert((u) -> u.where("namespace_key", Map.of("namespace", "n", "key", "k"))
						.create(Data.of("namespace", "n", "key", "k", "value", List.of()))
						.update(Data.of("value", List.of(1, 2))))
					: entries.update((q) -> q.where("namespace", "n")
						.where("key", "k")
						.data(Data.of("value", List.of(1, 2)))).orElseThrow();
			assertThat(changed.get("id")).isEqualTo("hand-1");
			assertThat(entries.findMany((q) -> q.orderBy("key"))).extracting((row) -> row.getJson("value"))
				.containsExactly(JsonMapper.shared().readTree("[1, 2]"), JsonMapper.shared().readTree("{\"b\": 2}"));

			assertThat(entries.updateMany((q) -> q.where("namespace", "n").data(Data.of("expiresAt", null))))
				.isEqualTo(2);
			assertThat(entries.delete((q) -> q.where("id", created.get("id")))).isPresent();
			assertThat(handCount()).isEqualTo(1);
			assertThat(entries.count((q) -> q.where("expiresAt", null))).isEqualTo(1);
		}

		List<String> tablesNamedCacheEntries() throws SQLException {
			List<String> tables = new ArrayList<>();
			try (Connection connection = this.dataSource.getConnection();
					ResultSet rows = connection.getMetaData()
						.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
				while (rows.next()) {
					if ("cache_entries".equalsIgnoreCase(rows.getString("TABLE_NAME"))) {
						tables.add(rows.getString("TABLE_NAME"));
					}
				}
			}
			return tables;
		}

		List<String> columnsOfCacheEntries() throws SQLException {
			String table = tablesNamedCacheEntries().get(0);
			List<String> columns = new ArrayList<>();
			try (Connection connection = this.dataSource.getConnection()) {
				DatabaseMetaData metadata = connection.getMetaData();
				try (ResultSet rows = metadata.getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
					while (rows.next()) {
						if (table.equals(rows.getString("TABLE_NAME"))) {
							columns.add(rows.getString("COLUMN_NAME"));
						}
					}
				}
			}
			return columns;
		}

		JdbcTemplate jdbc() {
			return this.jdbc;
		}

		DataSource dataSource() {
			return this.dataSource;
		}

	}

	/** H2 stores unquoted names in upper case: the table is CACHE_ENTRIES, its columns ID, NAMESPACE, UPDATEDAT. */
	@Nested
	class OnH2 extends Unquoted {

		OnH2() {
			super(TestDatabases.h2());
		}

		@Override
		List<String> migration() {
			// KEY and VALUE are keywords in H2: quoted in the case H2 gives unquoted names, as a migration writes them.
			return List.of("CREATE TABLE cache_entries (id VARCHAR(255) NOT NULL PRIMARY KEY, "
					+ "namespace VARCHAR(255) NOT NULL, \"KEY\" VARCHAR(255) NOT NULL, \"VALUE\" JSON NOT NULL, "
					+ "updatedAt TIMESTAMP(6) WITH TIME ZONE NOT NULL)",
					"CREATE UNIQUE INDEX cache_entries_namespace_key_unique ON cache_entries (namespace, \"KEY\")",
					"INSERT INTO cache_entries (id, namespace, \"KEY\", \"VALUE\", updatedAt) "
							+ "VALUES ('hand-1', 'n', 'k', JSON '{\"a\": 1}', CURRENT_TIMESTAMP)");
		}

		@Test
		void aTableInBothSpellingsIsTheOneSpelledAsTheModel() throws SQLException {
			migrate();
			jdbc().execute("CREATE TABLE \"cache_entries\" (\"id\" VARCHAR(255) NOT NULL PRIMARY KEY, "
					+ "\"namespace\" VARCHAR(255) NOT NULL, \"key\" VARCHAR(255) NOT NULL, \"value\" JSON NOT NULL, "
					+ "\"expiresAt\" TIMESTAMP(6) WITH TIME ZONE, \"updatedAt\" TIMESTAMP(6) WITH TIME ZONE NOT NULL)");
			assertThat(tablesNamedCacheEntries()).containsExactlyInAnyOrder("CACHE_ENTRIES", "cache_entries");

			assertThat(SchemaSetup.plan(CACHE, dataSource()).actions()).extracting(SetupAction::type)
				.containsExactly(SetupActionType.CREATE_UNIQUE, SetupActionType.CREATE_INDEX);
			OrmClient orm = SchemaSetup.bootstrapDatabase(CACHE, dataSource());
			orm.model("cacheEntry").create(Data.of("namespace", "q", "key", "k", "value", Map.of()));
			assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM \"cache_entries\"", Long.class)).isEqualTo(1);
			assertThat(handCount()).isEqualTo(1);
			assertThat(orm.model("cacheEntry").findMany((q) -> q.orderBy("id"))).extracting((row) -> row.get("namespace"))
				.containsExactly("q");
		}

		@Test
		void namesSpelledBothWaysInDifferentTablesFailThePlanClearly() {
			migrate();
			FrameworkSchema kv = FrameworkSchema.builder("kv")
				.model("kvItem", model("kv_items").field("id", id()).field("value", json()))
				.build();
			SchemaSetup.pushSchema(kv, dataSource());
			FrameworkSchema both = FrameworkSchema.builder("both")
				.model("cacheEntry", model("cache_entries").field("id", id()).field("value", json()))
				.model("kvItem", model("kv_items").field("id", id()).field("value", json()))
				.build();
			assertThatExceptionOfType(OrmException.class).isThrownBy(() -> SchemaSetup.plan(both, dataSource()))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.UNSUPPORTED_OPERATION))
				.withMessageContaining("[id, value]")
				.withMessageContaining("'both'");
		}

	}

	/**
	 * The standard-SQL fallback dialect on H2, through a driver made without the schema: it learns the spellings when
	 * it plans, so a client on it works once the schema was pushed through it.
	 */
	@Nested
	class OnAnsi extends Unquoted {

		private Driver driver;

		OnAnsi() {
			super(TestDatabases.h2());
		}

		@Override
		Object client() {
			if (this.driver == null) {
				this.driver = JdbcDriverProvider.driver(dataSource(), new AnsiDialect());
			}
			return this.driver;
		}

		@Override
		List<String> migration() {
			return List.of("CREATE TABLE cache_entries (id VARCHAR(255) NOT NULL PRIMARY KEY, "
					+ "namespace VARCHAR(255) NOT NULL, \"KEY\" VARCHAR(255) NOT NULL, "
					+ "\"VALUE\" VARCHAR(10000) NOT NULL, "
					+ "updatedAt TIMESTAMP(6) WITH TIME ZONE NOT NULL)",
					"CREATE UNIQUE INDEX cache_entries_namespace_key_unique ON cache_entries (namespace, \"KEY\")",
					"INSERT INTO cache_entries (id, namespace, \"KEY\", \"VALUE\", updatedAt) "
							+ "VALUES ('hand-1', 'n', 'k', '{\"a\": 1}', CURRENT_TIMESTAMP)");
		}

	}

	/** SQLite matches names ignoring case, quoted or not: the table is written CACHE_ENTRIES here. */
	@Nested
	class OnSqlite extends Unquoted {

		OnSqlite() {
			super(TestDatabases.sqlite());
		}

		@Override
		List<String> migration() {
			return List.of("CREATE TABLE CACHE_ENTRIES (ID TEXT NOT NULL PRIMARY KEY, NAMESPACE TEXT NOT NULL, "
					+ "KEY TEXT NOT NULL, VALUE TEXT NOT NULL, UPDATEDAT INTEGER NOT NULL)",
					"CREATE UNIQUE INDEX CACHE_ENTRIES_NAMESPACE_KEY_UNIQUE ON CACHE_ENTRIES (NAMESPACE, KEY)",
					"INSERT INTO CACHE_ENTRIES (ID, NAMESPACE, KEY, VALUE, UPDATEDAT) "
							+ "VALUES ('hand-1', 'n', 'k', '{\"a\": 1}', 1700000000000000)");
		}

	}

	/** PostgreSQL stores unquoted names in lower case: the columns are updatedat, and expiresat once added. */
	@Nested
	class OnPostgresql extends Unquoted {

		OnPostgresql() {
			super(TestDatabases.postgresql());
		}

		@Override
		List<String> migration() {
			return List.of("CREATE TABLE cache_entries (id TEXT NOT NULL PRIMARY KEY, namespace TEXT NOT NULL, "
					+ "key TEXT NOT NULL, value JSONB NOT NULL, updatedAt TIMESTAMPTZ(6) NOT NULL)",
					"CREATE UNIQUE INDEX cache_entries_namespace_key_unique ON cache_entries (namespace, key)",
					"INSERT INTO cache_entries (id, namespace, key, value, updatedAt) "
							+ "VALUES ('hand-1', 'n', 'k', '{\"a\": 1}', now())");
		}

	}

	/** MariaDB keeps unquoted names as written and matches column names ignoring case: the columns are lower case. */
	@Nested
	class OnMariadb extends Unquoted {

		OnMariadb() {
			super(TestDatabases.mariadb());
		}

		@Override
		List<String> migration() {
			return List.of("CREATE TABLE cache_entries (id VARCHAR(255) NOT NULL PRIMARY KEY, "
					+ "namespace VARCHAR(255) NOT NULL, `key` VARCHAR(255) NOT NULL, value JSON NOT NULL, "
					+ "updatedat DATETIME(6) NOT NULL)",
					"CREATE UNIQUE INDEX cache_entries_namespace_key_unique ON cache_entries (namespace, `key`)",
					"INSERT INTO cache_entries (id, namespace, `key`, value, updatedat) "
							+ "VALUES ('hand-1', 'n', 'k', '{\"a\": 1}', UTC_TIMESTAMP(6))");
		}

	}

}
