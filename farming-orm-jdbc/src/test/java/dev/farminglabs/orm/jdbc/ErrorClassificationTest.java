package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Random;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.OrmOptions;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.jdbc.dialect.Dialects;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.jdbc.internal.SqlErrorTranslator;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Error codes retry logic can trust, from real servers where the failure can be caused on purpose: permission denied,
 * an index row too large, a packet too large, a connection ended by the server, a statement cancelled by the
 * operation timeout; and the fallback for errors nothing else describes.
 */
class ErrorClassificationTest {

	/**
	 * The original codes of a statement the operation timeout cancelled: PostgreSQL's query_canceled, MariaDB's
	 * max_statement_time exceeded.
	 */
	private static final java.util.List<String> STATEMENT_CANCELLED = java.util.List.of("57014", "70100/1969");

	private static final FrameworkSchema KEYS = FrameworkSchema.builder("keys")
		.model("key", model("error_keys").field("id", id()).field("name", string().unique()).field("note", string()))
		.build();

	@Test
	void aPostgresqlRoleWithoutPrivilegesGetsPermissionDeniedNotUnsupported() {
		HikariDataSource owner = (HikariDataSource) TestDatabases.postgresql().newRuntime();
		String role = TestDatabases.uniqueName();
		JdbcTemplate admin = new JdbcTemplate(owner);
		String schema = admin.queryForObject("SELECT current_schema()", String.class);
		try {
			SchemaSetup.pushSchema(KEYS, owner);
			admin.execute("CREATE ROLE " + role + " LOGIN");
			admin.execute("GRANT USAGE ON SCHEMA \"" + schema + "\" TO " + role);
			DataSource denied = new DriverManagerDataSource(TestDatabases.POSTGRES_URL + "?currentSchema=" + schema, role,
					"");
			OrmClient orm = FarmingOrm.createOrmFromRuntime(KEYS, denied);
			OrmException read = catchThrowableOfType(OrmException.class, () -> orm.model("key").findMany());
			assertThat(read.code()).as(read.getMessage()).isEqualTo(OrmErrorCode.PERMISSION_DENIED);
			assertThat(read.retryable()).isFalse();
			assertThat(read.originalCode()).isEqualTo("42501");
		}
		finally {
			admin.execute("DROP SCHEMA \"" + schema + "\" CASCADE");
			admin.execute("DROP OWNED BY " + role);
			admin.execute("DROP ROLE IF EXISTS " + role);
			owner.close();
		}
	}

	@Test
	void aMariadbUserWithoutPrivilegesGetsPermissionDenied() {
		HikariDataSource owner = (HikariDataSource) TestDatabases.mariadb().newRuntime();
		JdbcTemplate admin = new JdbcTemplate(owner);
		String database = admin.queryForObject("SELECT DATABASE()", String.class);
		String user = TestDatabases.uniqueName();
		FrameworkSchema namespaced = FrameworkSchema.builder("keys")
			.model("key", model("error_keys").namespace(database).field("id", id()).field("name", string().unique()))
			.build();
		try {
			SchemaSetup.pushSchema(namespaced, owner);
			admin.execute("CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY 'pw'");
			DataSource denied = new DriverManagerDataSource(TestDatabases.MARIADB_URL, user, "pw");
			OrmClient orm = FarmingOrm.createOrmFromRuntime(namespaced, denied);
			OrmException write = catchThrowableOfType(OrmException.class,
					() -> orm.model("key").create(Data.of("name", "n")));
			assertThat(write.code()).as(write.getMessage()).isEqualTo(OrmErrorCode.PERMISSION_DENIED);
			assertThat(write.retryable()).isFalse();
			assertThat(write.originalCode()).endsWith("/1142");
			DataSource noDatabase = new DriverManagerDataSource(TestDatabases.MARIADB_URL + database, user, "pw");
			OrmException connect = catchThrowableOfType(OrmException.class,
					() -> FarmingOrm.createOrmFromRuntime(namespaced, noDatabase));
			assertThat(connect.getMessage()).contains("Access denied");
		}
		finally {
			admin.execute("DROP USER IF EXISTS '" + user + "'@'127.0.0.1'");
			admin.execute("DROP DATABASE `" + database + "`");
			owner.close();
		}
	}

	@Test
	void aPostgresqlIndexRowTooLargeIsAValidationError() {
		HikariDataSource runtime = (HikariDataSource) TestDatabases.postgresql().newRuntime();
		try {
			OrmClient orm = SchemaSetup.bootstrapDatabase(KEYS, runtime);
			String incompressible = randomText(12_000);
			OrmException error = catchThrowableOfType(OrmException.class,
					() -> orm.model("key").create(Data.of("name", incompressible, "note", "n")));
			assertThat(error.code()).as(error.getMessage()).isEqualTo(OrmErrorCode.VALIDATION_ERROR);
			assertThat(error.originalCode()).isEqualTo("54000");
			assertThat(error.retryable()).isFalse();
		}
		finally {
			TestDatabases.postgresql().release(runtime);
		}
	}

	@Test
	void aMariadbStatementLargerThanMaxAllowedPacketIsNotRetryable() {
		HikariDataSource runtime = (HikariDataSource) TestDatabases.mariadb().newRuntime();
		try {
			OrmClient orm = SchemaSetup.bootstrapDatabase(KEYS, runtime);
			long packet = new JdbcTemplate(runtime).queryForObject("SELECT @@max_allowed_packet", Long.class);
			String huge = "x".repeat((int) packet + 1024);
			OrmException error = catchThrowableOfType(OrmException.class,
					() -> orm.model("key").create(Data.of("name", "n", "note", huge)));
			assertThat(error.code()).as(error.getMessage()).isEqualTo(OrmErrorCode.VALIDATION_ERROR);
			assertThat(error.retryable()).isFalse();
			assertThat(error.inDoubt()).isFalse();
			assertThat(orm.model("key").count()).as("the client still works").isZero();
		}
		finally {
			TestDatabases.mariadb().release(runtime);
		}
	}

	@Test
	void aConnectionTheServerEndedIsARetryableConnectionFailureAndTheClientRecovers() throws SQLException {
		HikariDataSource runtime = (HikariDataSource) TestDatabases.postgresql().newRuntime();
		String schema = new JdbcTemplate(runtime).queryForObject("SELECT current_schema()", String.class);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(TestDatabases.POSTGRES_URL + "?currentSchema=" + schema);
		config.setUsername(TestDatabases.POSTGRES_USER);
		config.setMaximumPoolSize(1);
		try (HikariDataSource single = new HikariDataSource(config)) {
			OrmClient orm = SchemaSetup.bootstrapDatabase(KEYS, single);
			orm.model("key").create(Data.of("name", "a", "note", "n"));
			int pid = new JdbcTemplate(single).queryForObject("SELECT pg_backend_pid()", Integer.class);
			// End the pool's connection, as a restart or failover would (57P01 on its next statement).
			new JdbcTemplate(runtime).queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid);
			OrmException error = catchThrowableOfType(OrmException.class, () -> orm.model("key").findMany());
			if (error != null) {
				assertThat(error.code()).as(error.getMessage()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
				assertThat(error.retryable()).isTrue();
				assertThat(error.inDoubt()).as("a read is never in doubt").isFalse();
			}
			assertThat(orm.model("key").count()).as("the same client recovers").isEqualTo(1);
		}
		finally {
			TestDatabases.postgresql().release(runtime);
		}
	}

	@Test
	void aWriteCancelledByTheOperationTimeoutIsATimeoutThatDidNotHappen() throws SQLException {
		writeCancelledByTheOperationTimeout(TestDatabases.postgresql());
	}

	@Test
	void aMariadbWriteCancelledByTheOperationTimeoutIsATimeoutThatDidNotHappen() throws SQLException {
		writeCancelledByTheOperationTimeout(TestDatabases.mariadb());
	}

	private void writeCancelledByTheOperationTimeout(TckBackend backend) throws SQLException {
		HikariDataSource runtime = (HikariDataSource) backend.newRuntime();
		try {
			SchemaSetup.pushSchema(KEYS, runtime);
			OrmClient orm = FarmingOrm.createOrmFromRuntime(KEYS, runtime,
					OrmOptions.defaults().withOperationTimeout(java.time.Duration.ofSeconds(1)));
			orm.model("key").create(Data.of("name", "a", "note", "before"));
			try (Connection locker = runtime.getConnection()) {
				locker.setAutoCommit(false);
				try (Statement statement = locker.createStatement()) {
					statement.executeUpdate("UPDATE error_keys SET note = 'locked'");
				}
				OrmException error = catchThrowableOfType(OrmException.class, () -> orm.model("key")
					.updateMany((u) -> u.where("name", "a").set("note", "changed")));
				assertThat(error.code()).as(error.getMessage()).isEqualTo(OrmErrorCode.TIMEOUT);
				// The operation timeout cancelled the statement; the server's own lock wait did not end it (MariaDB's
				// innodb_lock_wait_timeout is 1205 after 50 s, PostgreSQL's lock_timeout 55P03, off by default).
				assertThat(error.originalCode()).as(error.getMessage()).isIn(STATEMENT_CANCELLED);
				assertThat(error.inDoubt()).isFalse();
				assertThat(error.retryable()).isTrue();
				locker.rollback();
			}
			assertThat(orm.model("key").findMany().get(0).getString("note")).isEqualTo("before");
		}
		finally {
			backend.release(runtime);
		}
	}

	@Test
	void aRefusedConnectionKeepsTheReasonInItsMessage() {
		DataSource refused = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/test", "postgres", "secret");
		OrmException error = catchThrowableOfType(OrmException.class, () -> FarmingOrm.createOrmFromRuntime(KEYS, refused));
		assertThat(error.code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
		assertThat(error.getMessage()).containsIgnoringCase("refused").doesNotContain("secret");
		DataSource badPassword = new DriverManagerDataSource(TestDatabases.MARIADB_URL, TestDatabases.MARIADB_USER,
				"wrong-password");
		OrmException auth = catchThrowableOfType(OrmException.class,
				() -> FarmingOrm.createOrmFromRuntime(KEYS, badPassword));
		assertThat(auth.getMessage()).contains("Access denied").doesNotContain("wrong-password");
		DataSource badUrl = new DriverManagerDataSource("jdbc:nosuchdb://127.0.0.1/x");
		OrmException url = catchThrowableOfType(OrmException.class, () -> FarmingOrm.createOrmFromRuntime(KEYS, badUrl));
		assertThat(url.getMessage()).containsIgnoringCase("suitable driver");
	}

	@Test
	void errorsOfEveryDialectAreClassifiedForRetryLogic() {
		for (String product : new String[] { "PostgreSQL", "MariaDB", "MySQL", "H2", "SQLite", "Other" }) {
			SqlDialect dialect = Dialects.forProduct(product, "99");
			SqlErrorTranslator errors = new SqlErrorTranslator(dialect);
			assertThat(errors.translate(new SQLException("something new", "XX999"), null, null).code())
				.as(product + " unknown error").isEqualTo(OrmErrorCode.UNKNOWN);
			assertThat(errors.translate(new SQLException("denied", "42501"), null, null).code())
				.as(product).isEqualTo(OrmErrorCode.PERMISSION_DENIED);
			assertThat(errors.translate(new SQLException("out of range", "22003"), null, null).code())
				.as(product).isEqualTo(OrmErrorCode.VALIDATION_ERROR);
			assertThat(errors.translate(new SQLException("index row too large", "54000"), null, null).code())
				.as(product).isEqualTo(OrmErrorCode.VALIDATION_ERROR);
			for (String state : new String[] { "57P01", "57P02", "57P03", "08006" }) {
				OrmException ended = errors.translate(new SQLException("ended", state), null, null);
				assertThat(ended.code()).as(product + " " + state).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
				assertThat(ended.retryable()).isTrue();
			}
			OrmException auth = errors.translate(new SQLException("password authentication failed", "28P01"), null, null);
			assertThat(auth.code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
			assertThat(auth.retryable()).isFalse();
			assertThat(errors.translate(new SQLTransientConnectionException("gone"), null, null).code())
				.isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
		}
		SqlErrorTranslator mariadb = new SqlErrorTranslator(Dialects.forProduct("MariaDB", "10.11"));
		for (int code : new int[] { 1142, 1044, 1143 }) {
			assertThat(mariadb.translate(new SQLException("denied", "42000", code), null, null).code())
				.isEqualTo(OrmErrorCode.PERMISSION_DENIED);
		}
		OrmException packet = mariadb.translate(new SQLException("Got a packet bigger than 'max_allowed_packet' bytes",
				"08S01", 1153), null, null);
		assertThat(packet.code()).isEqualTo(OrmErrorCode.VALIDATION_ERROR);
		assertThat(packet.retryable()).isFalse();
	}

	private static String randomText(int length) {
		Random random = new Random(42);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('!' + random.nextInt(90)));
		}
		return text.toString();
	}

}
