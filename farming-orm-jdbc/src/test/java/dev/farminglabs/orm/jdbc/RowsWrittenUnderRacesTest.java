package dev.farminglabs.orm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Rows returned are the rows written, with another connection acting at the worst moment: right after the
 * {@code INSERT} of a {@code create}, a concurrent delete or update of that row gets up to half a second to run
 * before the create reads its row back. Where the row is read back in the insert's own transaction (H2, MySQL) the
 * other statement waits for its lock or does not see the row; where the insert returns the row (PostgreSQL, SQLite,
 * MariaDB) there is nothing to race. Either way the create returns exactly the values it wrote. And an upsert inside a
 * transaction whose REPEATABLE READ snapshot predates a concurrent insert of its key (MariaDB's default) updates that
 * row instead of failing with {@code UNIQUE_CONSTRAINT_VIOLATION}.
 */
class RowsWrittenUnderRacesTest {

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
	void createReturnsItsRowWhenAConcurrentDeleteRacesTheReadBack(String backend) throws Exception {
		DataSource raw = open(backend);
		OrmClient bystander = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, raw);
		HookedDataSource hooked = new HookedDataSource(raw);
		OrmClient orm = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, hooked);
		hooked.afterInsertInto("tck_users", () -> bystander.model("user")
			.deleteMany((d) -> d.where("email", "ada@example.com")));
		Row created = orm.model("user").create(Data.of("email", "ada@example.com", "name", "Ada"));
		assertThat(created.getString("email")).isEqualTo("ada@example.com");
		assertThat(created.getString("name")).isEqualTo("Ada");
		assertThat(hooked.raced()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "sqlite", "postgresql", "mariadb" })
	void createReturnsItsOwnValuesWhenAConcurrentUpdateRacesTheReadBack(String backend) throws Exception {
		DataSource raw = open(backend);
		OrmClient bystander = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, raw);
		HookedDataSource hooked = new HookedDataSource(raw);
		OrmClient orm = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, hooked);
		hooked.afterInsertInto("tck_users", () -> bystander.model("user")
			.updateMany((u) -> u.where("email", "ada@example.com").set("name", "Changed by another call")));
		Row created = orm.model("user").create(Data.of("email", "ada@example.com", "name", "Ada"));
		assertThat(created.getString("name")).isEqualTo("Ada");
		assertThat(hooked.raced()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "sqlite", "postgresql", "mariadb" })
	void createWithAGeneratedIdReturnsItsRowWhenAConcurrentDeleteRacesTheReadBack(String backend) throws Exception {
		DataSource raw = open(backend);
		OrmClient bystander = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, raw);
		HookedDataSource hooked = new HookedDataSource(raw);
		OrmClient orm = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, hooked);
		hooked.afterInsertInto("tck_tags", () -> bystander.model("tag").deleteMany((d) -> d.where("label", "java")));
		Row created = orm.model("tag").create(Data.of("label", "java"));
		assertThat(created.getString("label")).isEqualTo("java");
		assertThat(created.getLong("id")).isPositive();
		assertThat(hooked.raced()).isTrue();
	}

	/** SQLite is left out: its one writer at a time cannot insert while this transaction writes. */
	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "mariadb" })
	void upsertInATransactionUpdatesARowInsertedAfterItsSnapshot(String backend) throws Exception {
		DataSource raw = open(backend);
		OrmClient orm = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, raw);
		OrmClient bystander = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, raw);
		Row upserted = orm.transaction((tx) -> {
			// The first read fixes the REPEATABLE READ snapshot (MariaDB's default isolation).
			assertThat(tx.model("user").count()).isZero();
			inOtherThread(() -> bystander.model("user").create(Data.of("email", "ada@example.com", "name", "Other")));
			return tx.model("user").upsert((u) -> u.where("email", "ada@example.com")
				.create(Data.of("name", "Mine"))
				.update(Data.of("name", "Updated")));
		});
		assertThat(upserted.getString("name")).isEqualTo("Updated");
		assertThat(orm.model("user").findMany()).singleElement()
			.satisfies((row) -> assertThat(row.getString("name")).isEqualTo("Updated"));
		Row unchanged = orm.transaction((tx) -> {
			assertThat(tx.model("user").count()).isOne();
			inOtherThread(() -> bystander.model("user").create(Data.of("email", "bob@example.com", "name", "Bob")));
			return tx.model("user").upsert((u) -> u.where("email", "bob@example.com")
				.create(Data.of("name", "Mine"))
				.update(Data.of()));
		});
		assertThat(unchanged.getString("name")).isEqualTo("Bob");
	}

	private <T> T inOtherThread(java.util.concurrent.Callable<T> work) {
		try {
			return this.other.submit(work).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A data source whose connections run a hook, once, right after an {@code INSERT INTO} a given table: the hook
	 * runs on another thread (another connection), and gets up to 500 ms before the insert's caller goes on.
	 */
	private final class HookedDataSource extends DelegatingDataSource {

		private final AtomicReference<String> table = new AtomicReference<>();

		private final AtomicReference<Runnable> hook = new AtomicReference<>();

		private volatile boolean raced;

		HookedDataSource(DataSource target) {
			super(target);
		}

		void afterInsertInto(String tableName, Runnable work) {
			this.table.set(tableName.toLowerCase(Locale.ROOT));
			this.hook.set(work);
		}

		boolean raced() {
			return this.raced;
		}

		@Override
		public Connection getConnection() throws SQLException {
			return hooked(obtainTargetDataSource().getConnection());
		}

		private Connection hooked(Connection connection) {
			return proxy(Connection.class, connection, (method, args) -> {
				Object result = invoke(connection, method, args);
				if (result instanceof PreparedStatement prepared && args != null && args[0] instanceof String sql) {
					return proxy(PreparedStatement.class, prepared, (statementMethod, statementArgs) -> {
						Object executed = invoke(prepared, statementMethod, statementArgs);
						if (statementMethod.getName().startsWith("execute") && isInsert(sql)) {
							fire();
						}
						return executed;
					});
				}
				return result;
			});
		}

		private boolean isInsert(String sql) {
			String normalised = sql.strip().toLowerCase(Locale.ROOT).replace("`", "").replace("\"", "");
			String name = this.table.get();
			return name != null && normalised.startsWith("insert into " + name);
		}

		private void fire() {
			Runnable work = this.hook.getAndSet(null);
			if (work == null) {
				return;
			}
			this.raced = true;
			Future<?> racing = RowsWrittenUnderRacesTest.this.other.submit(work);
			try {
				racing.get(500, TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				// Blocked by the insert's lock: the read back comes first, as it should.
			}
			catch (Exception ex) {
				throw new IllegalStateException("the racing statement failed", ex);
			}
		}

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler handler) {
		InvocationHandler invocation = (proxy, method, args) -> {
			if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
				return invoke(target, method, args);
			}
			return handler.handle(method, args);
		};
		return (T) Proxy.newProxyInstance(RowsWrittenUnderRacesTest.class.getClassLoader(), new Class<?>[] { type },
				invocation);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@FunctionalInterface
	private interface Handler {

		Object handle(Method method, Object[] args) throws Throwable;

	}

}
