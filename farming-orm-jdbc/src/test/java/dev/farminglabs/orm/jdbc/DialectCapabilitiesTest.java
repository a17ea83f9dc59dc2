package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.NumericIds;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.capability.ReturningMode;
import dev.farminglabs.orm.capability.TextComparison;
import dev.farminglabs.orm.capability.TextMatching;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.jdbc.dialect.AnsiDialect;
import dev.farminglabs.orm.jdbc.dialect.DatabaseVersion;
import dev.farminglabs.orm.jdbc.dialect.Dialects;
import dev.farminglabs.orm.jdbc.dialect.MariadbDialect;
import dev.farminglabs.orm.jdbc.dialect.MysqlDialect;
import dev.farminglabs.orm.jdbc.dialect.PostgresDialect;
import dev.farminglabs.orm.memory.MemoryDatabase;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.tck.TckBackend;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteDataSource;

/**
 * The exact {@link Capabilities} each runtime reports on the servers here (H2 2.4, SQLite 3.50, PostgreSQL 15,
 * MariaDB 10.11; MySQL 8.4 from its dialect, as no MySQL server runs here), field by field against
 * {@link #EXPECTED}, the one table of expected values. README.md's capability matrix is checked against the same
 * table by {@link ReadmeCapabilityMatrixTest}, and the transactional-DDL claim against what each server does.
 */
class DialectCapabilitiesTest {

	/** The key of SQLite on connections opened without {@code foreign_keys=ON}. */
	static final String SQLITE_WITHOUT_FOREIGN_KEYS = "sqlite without foreign_keys";

	private static final Capabilities MEMORY = Capabilities.builder()
		.numericIds(NumericIds.GENERATED)
		.supportsJson(true)
		.supportsDates(true)
		.supportsBooleans(true)
		.supportsTransactions(true)
		.supportsSchemaNamespaces(true)
		.supportsTransactionalDdl(true)
		.supportsJoin(false)
		.nativeRelationLoading(false)
		.textComparison(TextComparison.CASE_SENSITIVE)
		.textMatching(TextMatching.CASE_SENSITIVE)
		.upsert(UpsertSupport.NATIVE)
		.returning(Returning.all())
		.returningMode(ReturningMode.NATIVE)
		.nativeRelations(NativeRelations.none())
		.datetimePrecision(ChronoUnit.NANOS)
		.maxBatchSize(10_000)
		.supportsForeignKeys(true)
		.supportsLockingReads(true)
		.supportsAtomicUpdates(true)
		.supportsIsolationLevels(true)
		.build();

	private static final Capabilities H2 = Capabilities.builder()
		.numericIds(NumericIds.GENERATED)
		.supportsJson(true)
		.supportsDates(true)
		.supportsBooleans(true)
		.supportsTransactions(true)
		.supportsSchemaNamespaces(true)
		.supportsTransactionalDdl(false)
		.supportsJoin(true)
		.nativeRelationLoading(true)
		.textComparison(TextComparison.CASE_SENSITIVE)
		.textMatching(TextMatching.CASE_SENSITIVE)
		.upsert(UpsertSupport.EMULATED)
		.returning(Returning.none())
		.returningMode(ReturningMode.REFETCH)
		.nativeRelations(NativeRelations.all())
		.datetimePrecision(ChronoUnit.MICROS)
		.maxBatchSize(1000)
		.supportsForeignKeys(true)
		.supportsLockingReads(true)
		.supportsAtomicUpdates(true)
		.supportsIsolationLevels(true)
		.build();

	private static final Capabilities SQLITE = Capabilities.builder()
		.numericIds(NumericIds.GENERATED)
		.supportsJson(false)
		.supportsDates(false)
		.supportsBooleans(false)
		.supportsTransactions(true)
		.supportsSchemaNamespaces(false)
		.supportsTransactionalDdl(true)
		.supportsJoin(true)
		.nativeRelationLoading(true)
		.textComparison(TextComparison.CASE_SENSITIVE)
		.textMatching(TextMatching.CASE_SENSITIVE)
		.upsert(UpsertSupport.NATIVE)
		.returning(Returning.all())
		.returningMode(ReturningMode.NATIVE)
		.nativeRelations(NativeRelations.all())
		.datetimePrecision(ChronoUnit.MICROS)
		.maxBatchSize(500)
		.supportsForeignKeys(true)
		.supportsLockingReads(true)
		.supportsAtomicUpdates(true)
		.supportsIsolationLevels(true)
		.build();

	private static final Capabilities POSTGRESQL = Capabilities.builder()
		.numericIds(NumericIds.GENERATED)
		.supportsJson(true)
		.supportsDates(true)
		.supportsBooleans(true)
		.supportsTransactions(true)
		.supportsSchemaNamespaces(true)
		.supportsTransactionalDdl(true)
		.supportsJoin(true)
		.nativeRelationLoading(true)
		.textComparison(TextComparison.CASE_SENSITIVE)
		.textMatching(TextMatching.CASE_SENSITIVE)
		.upsert(UpsertSupport.NATIVE)
		.returning(Returning.all())
		.returningMode(ReturningMode.NATIVE)
		.nativeRelations(NativeRelations.all())
		.datetimePrecision(ChronoUnit.MICROS)
		.maxBatchSize(1000)
		.supportsForeignKeys(true)
		.supportsLockingReads(true)
		.supportsAtomicUpdates(true)
		.supportsIsolationLevels(true)
		.build();

	private static final Capabilities MARIADB = Capabilities.builder()
		.numericIds(NumericIds.GENERATED)
		.supportsJson(true)
		.supportsDates(true)
		.supportsBooleans(true)
		.supportsTransactions(true)
		.supportsSchemaNamespaces(true)
		.supportsTransactionalDdl(false)
		.supportsJoin(true)
		.nativeRelationLoading(true)
		.textComparison(TextComparison.CASE_SENSITIVE)
		.textMatching(TextMatching.CASE_SENSITIVE)
		.upsert(UpsertSupport.EMULATED)
		.returning(new Returning(true, false, true))
		.returningMode(ReturningMode.NATIVE)
		.nativeRelations(NativeRelations.all())
		.datetimePrecision(ChronoUnit.MICROS)
		.maxBatchSize(1000)
		.supportsForeignKeys(true)
		.supportsLockingReads(true)
		.supportsAtomicUpdates(true)
		.supportsIsolationLevels(true)
		.build();

	private static final Capabilities MYSQL = Capabilities.builder()
		.numericIds(NumericIds.GENERATED)
		.supportsJson(true)
		.supportsDates(true)
		.supportsBooleans(true)
		.supportsTransactions(true)
		.supportsSchemaNamespaces(true)
		.supportsTransactionalDdl(false)
		.supportsJoin(true)
		.nativeRelationLoading(true)
		.textComparison(TextComparison.CASE_SENSITIVE)
		.textMatching(TextMatching.CASE_SENSITIVE)
		.upsert(UpsertSupport.EMULATED)
		.returning(Returning.none())
		.returningMode(ReturningMode.REFETCH)
		.nativeRelations(NativeRelations.all())
		.datetimePrecision(ChronoUnit.MICROS)
		.maxBatchSize(1000)
		.supportsForeignKeys(true)
		.supportsLockingReads(true)
		.supportsAtomicUpdates(true)
		.supportsIsolationLevels(true)
		.build();

	private static final Capabilities ANSI = Capabilities.builder()
		.numericIds(NumericIds.GENERATED)
		.supportsJson(false)
		.supportsDates(true)
		.supportsBooleans(true)
		.supportsTransactions(true)
		.supportsSchemaNamespaces(true)
		.supportsTransactionalDdl(false)
		.supportsJoin(true)
		.nativeRelationLoading(false)
		.textComparison(TextComparison.COLLATION_DEFINED)
		.textMatching(TextMatching.NONE)
		.upsert(UpsertSupport.NONE)
		.returning(Returning.none())
		.returningMode(ReturningMode.REFETCH)
		.nativeRelations(NativeRelations.none())
		.datetimePrecision(ChronoUnit.MICROS)
		.maxBatchSize(500)
		.supportsForeignKeys(true)
		.supportsLockingReads(false)
		.supportsAtomicUpdates(true)
		.supportsIsolationLevels(true)
		.build();

	/**
	 * What each runtime reports, by dialect name: the single place the expected values live. SQLite enforces
	 * references only on connections opened with {@code foreign_keys=ON}, so it has two entries.
	 */
	static final Map<String, Capabilities> EXPECTED = expected();

	private static final FrameworkSchema SCHEMA = FrameworkSchema.builder("capabilities")
		.model("thing", model("cap_things").field("id", id()))
		.build();

	private static Map<String, Capabilities> expected() {
		Map<String, Capabilities> expected = new LinkedHashMap<>();
		expected.put("memory", MEMORY);
		expected.put("h2", H2);
		expected.put("sqlite", SQLITE);
		expected.put(SQLITE_WITHOUT_FOREIGN_KEYS, SQLITE.toBuilder().supportsForeignKeys(false).build());
		expected.put("postgresql", POSTGRESQL);
		expected.put("mariadb", MARIADB);
		expected.put("mysql", MYSQL);
		expected.put("ansi", ANSI);
		return Map.copyOf(expected);
	}

	static Stream<Arguments> servers() {
		return Stream.of(Arguments.of("h2", TestDatabases.h2()), Arguments.of("sqlite", TestDatabases.sqlite()),
				Arguments.of("postgresql", TestDatabases.postgresql()), Arguments.of("mariadb", TestDatabases.mariadb()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void eachServerReportsTheExpectedCapabilitiesFieldByField(String dialect, TckBackend backend) {
		Object runtime = backend.newRuntime();
		try {
			assertThat(FarmingOrm.createOrmFromRuntime(SCHEMA, runtime).driver().dialect()).isEqualTo(dialect);
			assertFieldByField(dialect, reported(runtime));
		}
		finally {
			backend.release(runtime);
		}
	}

	@Test
	void sqliteWithoutForeignKeysOnReportsReferencesAsNotEnforced() throws IOException {
		Path file = Files.createTempFile("farming-orm-", ".db");
		try {
			SQLiteDataSource dataSource = new SQLiteDataSource();
			dataSource.setUrl("jdbc:sqlite:" + file);
			assertFieldByField(SQLITE_WITHOUT_FOREIGN_KEYS, reported(dataSource));
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void mysqlEightFourHasTheCapabilitiesOfItsDialect() {
		Capabilities mysql = new MysqlDialect().capabilities(new DatabaseVersion("MySQL", "8.4.0", 8, 4));
		assertFieldByField("mysql", mysql);
	}

	@Test
	void theAnsiFallbackOnAServerReportsTheExpectedCapabilitiesFieldByField() {
		TckBackend h2 = TestDatabases.h2();
		Object pool = h2.newRuntime();
		try {
			Driver driver = JdbcDriverProvider.driver((DataSource) pool, new AnsiDialect());
			assertThat(driver.handle().dialect()).isEqualTo("ansi");
			assertFieldByField("ansi", FarmingOrm.createOrmFromRuntime(SCHEMA, driver).driver().capabilities());
		}
		finally {
			h2.release(pool);
		}
	}

	@Test
	void anUnknownDatabaseGetsTheAnsiFallback() {
		assertThat(Dialects.forProduct("Apache Derby", "10.17.1.0")).isInstanceOf(AnsiDialect.class);
		assertThat(Dialects.forProduct("PostgreSQL", "15.20")).isInstanceOf(PostgresDialect.class);
		assertThat(Dialects.forProduct("MySQL", "5.5.5-10.11.19-MariaDB")).isInstanceOf(MariadbDialect.class);
	}

	@Test
	void theMemoryRuntimeReportsTheExpectedCapabilitiesFieldByField() {
		assertFieldByField("memory", reported(new MemoryDatabase()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("servers")
	void ddlRolledBackStaysOnlyWhereTheCapabilitySaysDdlIsNotTransactional(String dialect, TckBackend backend)
			throws SQLException {
		Object runtime = backend.newRuntime();
		try (Connection connection = ((DataSource) runtime).getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE cap_ddl_probe (id INTEGER)");
			}
			connection.rollback();
			connection.setAutoCommit(true);
			boolean tableStayed = tableExists(connection, "cap_ddl_probe");
			assertThat(tableStayed).as("%s kept a table created in a rolled back transaction", dialect)
				.isEqualTo(!EXPECTED.get(dialect).supportsTransactionalDdl());
		}
		finally {
			backend.release(runtime);
		}
	}

	private static boolean tableExists(Connection connection, String table) {
		try (Statement statement = connection.createStatement()) {
			statement.executeQuery("SELECT COUNT(*) FROM " + table).close();
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static Capabilities reported(Object runtime) {
		return FarmingOrm.createOrmFromRuntime(SCHEMA, runtime).driver().capabilities();
	}

	/** Asserts every component of the record, naming the dialect and the field that differs. */
	private static void assertFieldByField(String dialect, Capabilities actual) {
		Capabilities expected = EXPECTED.get(dialect);
		assertThat(expected).as("expected capabilities of %s", dialect).isNotNull();
		SoftAssertions softly = new SoftAssertions();
		for (RecordComponent component : Capabilities.class.getRecordComponents()) {
			softly.assertThat(value(component, actual))
				.as("%s %s", dialect, component.getName())
				.isEqualTo(value(component, expected));
		}
		softly.assertAll();
	}

	static Object value(RecordComponent component, Capabilities capabilities) {
		try {
			return component.getAccessor().invoke(capabilities);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + component.getName(), ex);
		}
	}

}
