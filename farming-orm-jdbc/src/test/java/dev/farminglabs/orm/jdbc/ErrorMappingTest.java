package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.error.OrmErrorCode.CONNECTION_FAILURE;
import static dev.farminglabs.orm.error.OrmErrorCode.DEADLOCK;
import static dev.farminglabs.orm.error.OrmErrorCode.FOREIGN_KEY_VIOLATION;
import static dev.farminglabs.orm.error.OrmErrorCode.MISSING_SCHEMA;
import static dev.farminglabs.orm.error.OrmErrorCode.MISSING_TABLE;
import static dev.farminglabs.orm.error.OrmErrorCode.NOT_NULL_VIOLATION;
import static dev.farminglabs.orm.error.OrmErrorCode.TIMEOUT;
import static dev.farminglabs.orm.error.OrmErrorCode.TRANSACTION_CONFLICT;
import static dev.farminglabs.orm.error.OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
import static dev.farminglabs.orm.error.OrmErrorCode.UNSUPPORTED_OPERATION;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.error.RuntimeSetupException;
import dev.farminglabs.orm.jdbc.dialect.H2Dialect;
import dev.farminglabs.orm.jdbc.dialect.MariadbDialect;
import dev.farminglabs.orm.jdbc.dialect.PostgresDialect;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.jdbc.dialect.SqliteDialect;
import dev.farminglabs.orm.jdbc.internal.SqlErrorTranslator;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Every mappable error, provoked on the real servers through the client (or, for NOT NULL, timeouts and
 * serialization failures, by a raw statement on the same data source translated by {@link SqlErrorTranslator}):
 * code, constraint, target, backend code, backend kind, dialect and retryability. The backend codes pinned per
 * dialect ({@code originalCode()}: SQLSTATE/vendor code on H2 and MariaDB, SQLSTATE on PostgreSQL, the extended
 * result code on SQLite) are listed in each nested class's constructor.
 */
class ErrorMappingTest {

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("errors")
		.model("account", model("err_accounts")
			.field("id", id())
			.field("email", string().unique())
			.field("name", string().column("display_name")))
		.model("entry", model("err_entries")
			.field("id", id())
			.field("namespace", string())
			.field("key", string())
			.unique("namespace", "key"))
		.model("note", model("err_notes")
			.field("id", id())
			.field("accountId", string().references("account.id").column("account_id"))
			.field("text", string()))
		.build();

	/** A model whose table no test pushes. */
	private static final FrameworkSchema NEVER_PUSHED = FrameworkSchema.builder("errorsNeverPushed")
		.model("ghost", model("err_ghosts").field("id", id()).field("name", string()))
		.build();

	/** A model in a namespace that no test creates. */
	private static final FrameworkSchema MISSING_NAMESPACE = FrameworkSchema.builder("errorsMissingNamespace")
		.model("ghost", model("err_ghosts").namespace("err_missing_ns").field("id", id()).field("name", string()))
		.build();

	/** The errors whose backend code differs per dialect. */
	enum Case {

		UNIQUE, FOREIGN_KEY_INSERT, FOREIGN_KEY_DELETE, NOT_NULL, MISSING_TABLE, MISSING_NAMESPACE

	}

	/** The cases every dialect shares; a nested class per dialect supplies the backend and its codes. */
	abstract static class DialectErrors {

		private final TckBackend backend;

		protected final SqlDialect dialect;

		private final Map<Case, String> originalCodes;

		protected Object runtime;

		protected OrmClient orm;

		DialectErrors(TckBackend backend, SqlDialect dialect, Map<Case, String> originalCodes) {
			this.backend = backend;
			this.dialect = dialect;
			this.originalCodes = originalCodes;
		}

		@BeforeEach
		void pushTheSchema() {
			this.runtime = this.backend.newRuntime();
			this.orm = SchemaSetup.bootstrapDatabase(SCHEMA, this.runtime);
		}

		@AfterEach
		void releaseTheDatabase() {
			this.backend.release(this.runtime);
		}

		/** The constraint a database names when a referenced row is deleted; SQLite names none. */
		protected @Nullable String referencedRowConstraint() {
			return "err_notes_account_id_fkey";
		}

		protected Row account(String email) {
			return this.orm.model("account").create(Data.of("email", email, "name", email));
		}

		protected DataSource dataSource() {
			return (DataSource) this.runtime;
		}

		/** Asserts everything an error says, with the backend code this dialect gives for the case. */
		protected void assertError(OrmException error, OrmErrorCode code, Case backendCase, @Nullable String model,
				@Nullable String constraint, String... target) {
			assertThat(error.code()).as("code of: %s", error.getMessage()).isEqualTo(code);
			assertThat(error.model()).as("model").isEqualTo(model);
			assertThat(error.constraint()).as("constraint").isEqualTo(constraint);
			assertThat(error.target()).as("target").containsExactly(target);
			assertThat(error.originalCode()).as("originalCode").isEqualTo(this.originalCodes.get(backendCase));
			assertThat(error.backendKind()).as("backendKind").isEqualTo("jdbc");
			assertThat(error.dialect()).as("dialect").isEqualTo(this.dialect.name());
			assertThat(error.retryable()).as("retryable").isFalse();
		}

		@Test
		void aDuplicateOfASingleUniqueFieldNamesTheKeyAndItsField() {
			account("ada@example.com");
			OrmException error = catchThrowableOfType(OrmException.class, () -> account("ada@example.com"));
			assertError(error, UNIQUE_CONSTRAINT_VIOLATION, Case.UNIQUE, "account", "err_accounts_email_unique",
					"email");
		}

		@Test
		void aDuplicateOfACompoundUniqueKeyNamesTheKeyAndAllItsFields() {
			Map<String, Object> entry = Data.of("namespace", "sessions", "key", "a");
			this.orm.model("entry").create(entry);
			OrmException error = catchThrowableOfType(OrmException.class, () -> this.orm.model("entry").create(entry));
			assertError(error, UNIQUE_CONSTRAINT_VIOLATION, Case.UNIQUE, "entry", "err_entries_namespace_key_unique",
					"namespace", "key");
		}

		@Test
		void insertingADanglingReferenceNamesTheForeignKeyAndTheReferenceField() {
			OrmException error = catchThrowableOfType(OrmException.class,
					() -> this.orm.model("note").create(Data.of("accountId", "no-such-account", "text", "t")));
			assertError(error, FOREIGN_KEY_VIOLATION, Case.FOREIGN_KEY_INSERT, "note", "err_notes_account_id_fkey",
					"accountId");
			assertThat(this.orm.model("note").count()).isZero();
		}

		@Test
		void deletingAReferencedRowIsAForeignKeyViolationOnTheDeletedModel() {
			Row ada = account("ada@example.com");
			this.orm.model("note").create(Data.of("accountId", ada.get("id"), "text", "t"));
			OrmException error = catchThrowableOfType(OrmException.class,
					() -> this.orm.model("account").delete((q) -> q.where("id", ada.get("id"))));
			assertError(error, FOREIGN_KEY_VIOLATION, Case.FOREIGN_KEY_DELETE, "account", referencedRowConstraint());
			assertThat(this.orm.model("account").count()).isEqualTo(1);
		}

		@Test
		void aNullInARequiredColumnNamesTheFieldOfThatColumn() throws SQLException {
			ModelDefinition account = SCHEMA.model("account");
			String sql = "INSERT INTO " + this.dialect.table(account) + " (" + this.dialect.quote("id") + ", "
					+ this.dialect.quote("email") + ", " + this.dialect.quote("display_name")
					+ ") VALUES ('n1', 'nobody@example.com', NULL)";
			SQLException failure;
			try (Connection connection = dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				failure = catchThrowableOfType(SQLException.class, () -> statement.execute(sql));
			}
			OrmException error = new SqlErrorTranslator(this.dialect).translate(failure, account, sql);
			assertError(error, NOT_NULL_VIOLATION, Case.NOT_NULL, "account", null, "name");
		}

		@Test
		void usingAModelWhoseTableWasNeverPushedIsAMissingTable() {
			OrmClient ghosts = FarmingOrm.createOrmFromRuntime(NEVER_PUSHED, this.runtime);
			OrmException read = catchThrowableOfType(OrmException.class, () -> ghosts.model("ghost").findMany());
			assertError(read, MISSING_TABLE, Case.MISSING_TABLE, "ghost", null);
			OrmException write = catchThrowableOfType(OrmException.class,
					() -> ghosts.model("ghost").create(Data.of("name", "Casper")));
			assertError(write, MISSING_TABLE, Case.MISSING_TABLE, "ghost", null);
		}

		@Test
		void usingAModelInANamespaceThatDoesNotExistIsAMissingSchemaWhereTheDialectHasNamespaces() {
			if (!this.orm.driver().capabilities().supportsSchemaNamespaces()) {
				OrmException refused = catchThrowableOfType(OrmException.class,
						() -> SchemaSetup.pushSchema(MISSING_NAMESPACE, this.runtime));
				assertThat(refused.code()).isEqualTo(UNSUPPORTED_OPERATION);
				assertThat(refused.model()).isEqualTo("ghost");
				return;
			}
			OrmClient ghosts = FarmingOrm.createOrmFromRuntime(MISSING_NAMESPACE, this.runtime);
			OrmException read = catchThrowableOfType(OrmException.class, () -> ghosts.model("ghost").findMany());
			assertError(read, MISSING_SCHEMA, Case.MISSING_NAMESPACE, "ghost", null);
			OrmException write = catchThrowableOfType(OrmException.class,
					() -> ghosts.model("ghost").create(Data.of("name", "Casper")));
			assertError(write, MISSING_SCHEMA, Case.MISSING_NAMESPACE, "ghost", null);
		}

		/**
		 * Creates a client while the server is reachable, then routes its data source to a closed port: every call
		 * fails with a retryable {@code CONNECTION_FAILURE} carrying the driver's SQLSTATE.
		 */
		protected void assertConnectionFailureOnceTheServerIsUnreachable(DataSource nowhere, String sqlState) {
			SwitchableDataSource switchable = new SwitchableDataSource(dataSource(), nowhere);
			OrmClient client = FarmingOrm.createOrmFromRuntime(SCHEMA, switchable);
			assertThat(client.model("account").count()).isZero();
			switchable.reachable = false;
			OrmException error = catchThrowableOfType(OrmException.class, () -> client.model("account").count());
			assertThat(error.code()).as("code of: %s", error.getMessage()).isEqualTo(CONNECTION_FAILURE);
			assertThat(error.retryable()).isTrue();
			assertThat(error.originalCode()).isEqualTo(sqlState);
			assertThat(error.backendKind()).isEqualTo("jdbc");
			assertThat(error.dialect()).isEqualTo(this.dialect.name());
			assertThat(error.constraint()).isNull();
			assertThat(error.target()).isEmpty();
		}

		/** A client on a server that cannot be reached fails at detection, saying that connecting failed. */
		protected void assertCreatingAClientOnAnUnreachableServerFailsAtDetection(DataSource nowhere) {
			Throwable thrown = catchThrowable(() -> FarmingOrm.createOrmFromRuntime(SCHEMA, nowhere));
			assertThat(thrown).isInstanceOf(RuntimeSetupException.class);
			RuntimeSetupException error = (RuntimeSetupException) thrown;
			assertThat(error.stage()).isEqualTo(RuntimeSetupException.Stage.DETECT);
			assertThat(error.getMessage()).contains("Check that the database is running and reachable");
			assertThat(FarmingOrm.inspectDatabaseRuntime(nowhere).candidates())
				.anySatisfy((candidate) -> assertThat(candidate.reasons()).anySatisfy(
						(reason) -> assertThat(reason).contains("connecting failed")));
		}

	}

	@Nested
	class H2 extends DialectErrors {

		H2() {
			super(TestDatabases.h2(), new H2Dialect(), Map.of(Case.UNIQUE, "23505/23505", Case.FOREIGN_KEY_INSERT,
					"23506/23506", Case.FOREIGN_KEY_DELETE, "23503/23503", Case.NOT_NULL, "23502/23502",
					Case.MISSING_TABLE, "42S02/42102", Case.MISSING_NAMESPACE, "90079/90079"));
		}

	}

	@Nested
	class Sqlite extends DialectErrors {

		Sqlite() {
			super(TestDatabases.sqlite(), new SqliteDialect(), Map.of(Case.UNIQUE, "SQLITE_CONSTRAINT_UNIQUE",
					Case.FOREIGN_KEY_INSERT, "SQLITE_CONSTRAINT_FOREIGNKEY", Case.FOREIGN_KEY_DELETE,
					"SQLITE_CONSTRAINT_FOREIGNKEY", Case.NOT_NULL, "SQLITE_CONSTRAINT_NOTNULL", Case.MISSING_TABLE,
					"SQLITE_ERROR"));
		}

		@Override
		protected @Nullable String referencedRowConstraint() {
			// "FOREIGN KEY constraint failed" names no constraint, and the deleted model has no reference field.
			return null;
		}

	}

	@Nested
	class Postgresql extends DialectErrors {

		Postgresql() {
			super(TestDatabases.postgresql(), new PostgresDialect(), Map.of(Case.UNIQUE, "23505",
					Case.FOREIGN_KEY_INSERT, "23503", Case.FOREIGN_KEY_DELETE, "23503", Case.NOT_NULL, "23502",
					Case.MISSING_TABLE, "42P01", Case.MISSING_NAMESPACE, "42P01"));
		}

		@Test
		void twoTransactionsLockingTwoRowsInOppositeOrderDeadlockAndTheLoserMayRetry() throws Exception {
			Row first = account("first@example.com");
			Row second = account("second@example.com");
			CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				Future<?> forward = threads.submit(() -> renameInTurn(first, second, bothHoldTheirFirstRow));
				Future<?> backward = threads.submit(() -> renameInTurn(second, first, bothHoldTheirFirstRow));
				List<Throwable> failures = new ArrayList<>();
				for (Future<?> transaction : List.of(forward, backward)) {
					try {
						transaction.get(60, TimeUnit.SECONDS);
					}
					catch (ExecutionException ex) {
						failures.add(ex.getCause());
					}
				}
				assertThat(failures).as("one of the two transactions is chosen as the deadlock victim").hasSize(1);
				assertThat(failures.get(0)).isInstanceOf(OrmException.class);
				OrmException error = (OrmException) failures.get(0);
				assertThat(error.code()).as("code of: %s", error.getMessage()).isEqualTo(DEADLOCK);
				assertThat(error.retryable()).isTrue();
				assertThat(error.originalCode()).isEqualTo("40P01");
				assertThat(error.model()).isEqualTo("account");
				assertThat(error.backendKind()).isEqualTo("jdbc");
				assertThat(error.dialect()).isEqualTo("postgresql");
			}
			finally {
				threads.shutdownNow();
			}
		}

		private void renameInTurn(Row first, Row second, CountDownLatch bothHoldTheirFirstRow) {
			this.orm.transaction((tx) -> {
				tx.model("account").update((u) -> u.where("id", first.get("id")).set("name", "renamed"));
				bothHoldTheirFirstRow.countDown();
				try {
					bothHoldTheirFirstRow.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return tx.model("account").update((u) -> u.where("id", second.get("id")).set("name", "renamed"));
			});
		}

		@Test
		void writingARowChangedSinceARepeatableReadSnapshotIsARetryableTransactionConflict() throws SQLException {
			Row ada = account("ada@example.com");
			ModelDefinition account = SCHEMA.model("account");
			String update = "UPDATE err_accounts SET display_name = ? WHERE id = ?";
			try (Connection reader = dataSource().getConnection(); Connection writer = dataSource().getConnection()) {
				reader.setAutoCommit(false);
				reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
				try (Statement snapshot = reader.createStatement()) {
					snapshot.executeQuery("SELECT COUNT(*) FROM err_accounts").close();
				}
				execute(writer, update, "by the writer", ada.getString("id"));
				SQLException failure = catchThrowableOfType(SQLException.class,
						() -> execute(reader, update, "by the reader", ada.getString("id")));
				reader.rollback();
				OrmException error = new SqlErrorTranslator(this.dialect).translate(failure, account, update);
				assertThat(error.code()).as("code of: %s", error.getMessage()).isEqualTo(TRANSACTION_CONFLICT);
				assertThat(error.retryable()).isTrue();
				assertThat(error.originalCode()).isEqualTo("40001");
				assertThat(error.model()).isEqualTo("account");
				assertThat(error.dialect()).isEqualTo("postgresql");
			}
		}

		private static void execute(Connection connection, String sql, String name, String id) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setString(1, name);
				statement.setString(2, id);
				statement.executeUpdate();
			}
		}

		@Test
		void aStatementCancelledByStatementTimeoutIsARetryableTimeout() throws SQLException {
			String sleep = "SELECT pg_sleep(1)";
			SQLException failure;
			try (Connection connection = dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("SET statement_timeout = 50");
				try {
					failure = catchThrowableOfType(SQLException.class, () -> statement.executeQuery(sleep));
				}
				finally {
					statement.execute("RESET statement_timeout");
				}
			}
			OrmException error = new SqlErrorTranslator(this.dialect).translate(failure, null, sleep);
			assertThat(error.code()).as("code of: %s", error.getMessage()).isEqualTo(TIMEOUT);
			assertThat(error.retryable()).isTrue();
			assertThat(error.originalCode()).isEqualTo("57014");
			assertThat(error.backendKind()).isEqualTo("jdbc");
			assertThat(error.dialect()).isEqualTo("postgresql");
			assertThat(error.model()).isNull();
		}

		@Test
		void aServerThatBecameUnreachableIsARetryableConnectionFailure() {
			assertConnectionFailureOnceTheServerIsUnreachable(nowhere(), "08001");
		}

		@Test
		void creatingAClientOnAnUnreachableServerFailsAtDetection() {
			assertCreatingAClientOnAnUnreachableServerFailsAtDetection(nowhere());
		}

		private static DataSource nowhere() {
			PGSimpleDataSource nowhere = new PGSimpleDataSource();
			nowhere.setURL("jdbc:postgresql://127.0.0.1:1/test");
			nowhere.setUser(TestDatabases.POSTGRES_USER);
			return nowhere;
		}

	}

	@Nested
	class Mariadb extends DialectErrors {

		Mariadb() {
			super(TestDatabases.mariadb(), new MariadbDialect(), Map.of(Case.UNIQUE, "23000/1062",
					Case.FOREIGN_KEY_INSERT, "23000/1452", Case.FOREIGN_KEY_DELETE, "23000/1451", Case.NOT_NULL,
					"23000/1048", Case.MISSING_TABLE, "42S02/1146", Case.MISSING_NAMESPACE, "42S02/1146"));
		}

		@Test
		void aServerThatBecameUnreachableIsARetryableConnectionFailure() throws SQLException {
			assertConnectionFailureOnceTheServerIsUnreachable(nowhere(), "08000");
		}

		@Test
		void creatingAClientOnAnUnreachableServerFailsAtDetection() throws SQLException {
			assertCreatingAClientOnAnUnreachableServerFailsAtDetection(nowhere());
		}

		private static DataSource nowhere() throws SQLException {
			MariaDbDataSource nowhere = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:1/");
			nowhere.setUser(TestDatabases.MARIADB_USER);
			nowhere.setPassword(TestDatabases.MARIADB_PASSWORD);
			return nowhere;
		}

	}

	/**
	 * A data source the application points elsewhere at run time (a plain {@code DataSource}, which the driver uses
	 * as it is): here from the test's server to a closed port.
	 */
	static final class SwitchableDataSource extends AbstractDataSource {

		private final DataSource server;

		private final DataSource nowhere;

		volatile boolean reachable = true;

		SwitchableDataSource(DataSource server, DataSource nowhere) {
			this.server = server;
			this.nowhere = nowhere;
		}

		@Override
		public Connection getConnection() throws SQLException {
			return (this.reachable ? this.server : this.nowhere).getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return (this.reachable ? this.server : this.nowhere).getConnection(username, password);
		}

	}

}
