package dev.farminglabs.orm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigInteger;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.IsolationLevel;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.client.TransactionOptions;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.Update;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * {@code orm.transaction(TransactionOptions.isolation(level), ...)} on each dialect: the transaction's connection runs
 * at the level asked for (SQLite always serializably), the pool's connection gets its default back afterwards, a
 * nested transaction cannot ask for a stronger level than its enclosing one, and a serializable transaction that
 * loses to a concurrent write either fails with a retryable {@code TRANSACTION_CONFLICT}/{@code DEADLOCK} or is
 * ordered with it — never a lost update.
 */
class TransactionIsolationTest {

	private final ExecutorService other = Executors.newSingleThreadExecutor();

	private TckBackend backend;

	private Object runtime;

	@AfterEach
	void release() throws InterruptedException {
		this.other.shutdownNow();
		this.other.awaitTermination(30, TimeUnit.SECONDS);
		if (this.runtime != null) {
			this.backend.release(this.runtime);
		}
	}

	private DataSource open(String backend) {
		this.backend = switch (backend) {
			case "h2" -> TestDatabases.h2();
			case "sqlite" -> TestDatabases.sqlite();
			case "postgresql" -> TestDatabases.postgresql();
			case "mariadb" -> TestDatabases.mariadb();
			default -> throw new IllegalArgumentException(backend);
		};
		this.runtime = this.backend.newRuntime();
		SchemaSetup.pushSchema(TckSchema.SCHEMA, this.runtime);
		return (DataSource) this.runtime;
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "sqlite", "postgresql", "mariadb" })
	void theTransactionRunsAtTheLevelAskedForAndThePoolGetsItsDefaultBack(String backend) throws Exception {
		DataSource dataSource = open(backend);
		OrmClient orm = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, dataSource);
		int defaultLevel = level(dataSource);
		for (IsolationLevel level : List.of(IsolationLevel.READ_COMMITTED, IsolationLevel.REPEATABLE_READ,
				IsolationLevel.SERIALIZABLE)) {
			int inside = orm.transaction(TransactionOptions.isolation(level), (tx) -> level(dataSource));
			int expected = backend.equals("sqlite") ? Connection.TRANSACTION_SERIALIZABLE : jdbc(level);
			assertThat(inside).as("JDBC isolation inside a %s transaction on %s", level, backend).isEqualTo(expected);
			if (backend.equals("postgresql")) {
				String server = orm.transaction(TransactionOptions.isolation(level),
						(tx) -> new JdbcTemplate(dataSource).queryForObject("SHOW transaction_isolation", String.class));
				assertThat(server).isEqualTo(level.name().replace('_', ' ').toLowerCase(Locale.ROOT));
			}
		}
		assertThat(level(dataSource)).isEqualTo(defaultLevel);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "mariadb" })
	void aNestedTransactionCannotAskForAStrongerLevelThanItRunsIn(String backend) {
		DataSource dataSource = open(backend);
		OrmClient orm = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, dataSource);
		Throwable thrown = catchThrowable(() -> orm.transaction(TransactionOptions.isolation(IsolationLevel.READ_COMMITTED),
				(tx) -> tx.transaction(TransactionOptions.isolation(IsolationLevel.SERIALIZABLE), (inner) -> inner
					.model("counter")
					.create(Data.of("id", 1L, "label", "one", "total", BigInteger.ONE)))));
		assertThat(thrown).isInstanceOf(OrmException.class);
		assertThat(((OrmException) thrown).code()).isEqualTo(OrmErrorCode.VALIDATION_ERROR);
		assertThat(thrown.getMessage()).contains("SERIALIZABLE");
		assertThat(orm.model("counter").count()).isZero();
		Row weaker = orm.transaction(TransactionOptions.isolation(IsolationLevel.SERIALIZABLE),
				(tx) -> tx.transaction(TransactionOptions.isolation(IsolationLevel.READ_COMMITTED), (inner) -> inner
					.model("counter")
					.create(Data.of("id", 2L, "label", "two", "total", BigInteger.TWO))));
		assertThat(weaker.getLong("id")).isEqualTo(2L);
		assertThat(orm.model("counter").count()).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "mariadb" })
	void aSerializableTransactionThatLosesToAConcurrentWriteFailsRetryablyOrIsOrderedWithIt(String backend)
			throws Exception {
		DataSource dataSource = open(backend);
		OrmClient orm = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, dataSource);
		OrmClient bystander = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, dataSource);
		orm.model("counter").create(Data.of("id", 1L, "label", "one", "total", BigInteger.ONE));
		Future<?>[] doubling = new Future<?>[1];
		Throwable thrown = catchThrowable(() -> orm.transaction(
				TransactionOptions.isolation(IsolationLevel.SERIALIZABLE), (tx) -> {
					long seen = tx.model("counter").findUnique((q) -> q.where("id", 1L)).orElseThrow().getLong("total");
					// Another transaction doubles the value after this one read it (or waits for this one's lock).
					doubling[0] = this.other.submit(() -> doubleRetrying(bystander));
					try {
						doubling[0].get(500, TimeUnit.MILLISECONDS);
					}
					catch (TimeoutException ex) {
						// Held back by this transaction's locks: it is ordered after this one.
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					return tx.model("counter").update((u) -> u.where("id", 1L).set("total", BigInteger.valueOf(seen + 10)));
				}));
		doubling[0].get(30, TimeUnit.SECONDS);
		long total = orm.model("counter").findUnique((q) -> q.where("id", 1L)).orElseThrow().getLong("total");
		if (thrown != null) {
			assertThat(thrown).isInstanceOf(OrmException.class);
			OrmException conflict = (OrmException) thrown;
			assertThat(conflict.code()).as(conflict.getMessage())
				.isIn(OrmErrorCode.TRANSACTION_CONFLICT, OrmErrorCode.DEADLOCK);
			assertThat(conflict.retryable()).isTrue();
			assertThat(total).as("only the doubling committed").isEqualTo(2);
		}
		else {
			// Serial orders: (1 + 10) * 2 = 22, or 1 * 2 + 10 = 12; a lost update would leave 11.
			assertThat(total).isIn(22L, 12L);
		}
	}

	/** Doubles the counter, again when it loses a deadlock (it may be the victim InnoDB picks). */
	private static Row doubleRetrying(OrmClient orm) {
		for (int attempt = 1;; attempt++) {
			try {
				return orm.model("counter").update((u) -> u.where("id", 1L).set("total", Update.multiply(2))).orElseThrow();
			}
			catch (OrmException ex) {
				if (!ex.retryable() || attempt == 10) {
					throw ex;
				}
			}
		}
	}

	private static int level(DataSource dataSource) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return connection.getTransactionIsolation();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static int jdbc(IsolationLevel level) {
		return switch (level) {
			case READ_UNCOMMITTED -> Connection.TRANSACTION_READ_UNCOMMITTED;
			case READ_COMMITTED -> Connection.TRANSACTION_READ_COMMITTED;
			case REPEATABLE_READ -> Connection.TRANSACTION_REPEATABLE_READ;
			case SERIALIZABLE -> Connection.TRANSACTION_SERIALIZABLE;
		};
	}

}
