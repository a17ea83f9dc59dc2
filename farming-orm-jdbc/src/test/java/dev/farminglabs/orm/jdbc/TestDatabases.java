package dev.farminglabs.orm.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.farminglabs.orm.jdbc.dialect.AnsiDialect;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.tck.TckBackend;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteConfig;

/**
 * Fresh, isolated databases for tests, one per test, removed afterwards: H2 and SQLite in-process, PostgreSQL and
 * MariaDB on the local servers that {@code scripts/start-services.sh} starts (an unreachable server fails the test).
 * The namespaces the TCK's models use (PostgreSQL schemas, MariaDB databases) are dropped with each test too.
 * Only what a test owns is dropped, so builds running side by side do not disturb each other.
 */
final class TestDatabases {

	static final String POSTGRES_URL = System.getProperty("farming.test.postgres.url",
			"jdbc:postgresql://127.0.0.1:5432/test");

	static final String POSTGRES_USER = System.getProperty("farming.test.postgres.user", "postgres");

	static final String MARIADB_URL = System.getProperty("farming.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");

	static final String MARIADB_USER = System.getProperty("farming.test.mariadb.user", "app");

	static final String MARIADB_PASSWORD = System.getProperty("farming.test.mariadb.password", "app");

	/** The schema namespaces the TCK's own models use (see SetupTck). */
	static final List<String> TCK_NAMESPACES = List.of("tck_ns");

	private TestDatabases() {
	}

	static TckBackend h2() {
		return new TckBackend() {
			@Override
			public Object newRuntime() {
				return pool("jdbc:h2:mem:" + uniqueName() + ";DB_CLOSE_DELAY=-1", "sa", "");
			}

			@Override
			public void release(Object runtime) {
				new JdbcTemplate((DataSource) runtime).execute("SHUTDOWN");
				((HikariDataSource) runtime).close();
			}
		};
	}

	/** H2 driven through the standard-SQL fallback dialect instead of its own. */
	static TckBackend ansiOnH2() {
		TckBackend h2 = h2();
		Map<Object, Object> pools = new ConcurrentHashMap<>();
		return new TckBackend() {
			@Override
			public Object newRuntime() {
				Object pool = h2.newRuntime();
				Driver driver = JdbcDriverProvider.driver((DataSource) pool, new AnsiDialect());
				pools.put(driver, pool);
				return driver;
			}

			@Override
			public void release(Object runtime) {
				h2.release(pools.remove(runtime));
			}
		};
	}

	static TckBackend sqlite() {
		return new TckBackend() {
			@Override
			public Object newRuntime() {
				try {
					Path file = Files.createTempFile("farming-orm-", ".db");
					SQLiteConfig config = new SQLiteConfig();
					config.enforceForeignKeys(true);
					config.setBusyTimeout(20_000);
					config.setJournalMode(SQLiteConfig.JournalMode.WAL);
					config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
					HikariConfig pool = new HikariConfig();
					pool.setJdbcUrl("jdbc:sqlite:" + file);
					pool.setDataSourceProperties(config.toProperties());
					pool.setMaximumPoolSize(4);
					pool.setMinimumIdle(0);
					return new SqliteRuntime(new HikariDataSource(pool), file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

			@Override
			public void release(Object runtime) {
				((SqliteRuntime) runtime).close();
			}
		};
	}

	static TckBackend postgresql() {
		return new TckBackend() {
			@Override
			public Object newRuntime() {
				String schema = uniqueName();
				HikariDataSource admin = pool(POSTGRES_URL, POSTGRES_USER, "");
				try {
					new JdbcTemplate(admin).execute("CREATE SCHEMA " + schema);
				}
				finally {
					admin.close();
				}
				return pool(POSTGRES_URL + "?currentSchema=" + schema, POSTGRES_USER, "");
			}

			@Override
			public void release(Object runtime) {
				HikariDataSource dataSource = (HikariDataSource) runtime;
				JdbcTemplate jdbc = new JdbcTemplate(dataSource);
				String own = jdbc.queryForObject("SELECT current_schema()", String.class);
				jdbc.execute("DROP SCHEMA IF EXISTS \"" + own + "\" CASCADE");
				TCK_NAMESPACES.forEach((namespace) -> jdbc.execute("DROP SCHEMA IF EXISTS \"" + namespace + "\" CASCADE"));
				dataSource.close();
			}
		};
	}

	static TckBackend mariadb() {
		return new TckBackend() {
			@Override
			public Object newRuntime() {
				String database = uniqueName();
				HikariDataSource admin = pool(MARIADB_URL, MARIADB_USER, MARIADB_PASSWORD);
				try {
					new JdbcTemplate(admin).execute("CREATE DATABASE " + database);
				}
				finally {
					admin.close();
				}
				return pool(MARIADB_URL + database, MARIADB_USER, MARIADB_PASSWORD);
			}

			@Override
			public void release(Object runtime) {
				HikariDataSource dataSource = (HikariDataSource) runtime;
				JdbcTemplate jdbc = new JdbcTemplate(dataSource);
				String own = jdbc.queryForObject("SELECT DATABASE()", String.class);
				jdbc.execute("DROP DATABASE IF EXISTS `" + own + "`");
				TCK_NAMESPACES.forEach((namespace) -> jdbc.execute("DROP DATABASE IF EXISTS `" + namespace + "`"));
				dataSource.close();
			}
		};
	}

	/**
	 * A fresh database per test on a MySQL server (a container), through MySQL Connector/J; {@code server} is
	 * {@code host:port}, read when a test starts.
	 */
	static TckBackend mysql(Supplier<String> server, Supplier<String> user, Supplier<String> password) {
		return new TckBackend() {
			@Override
			public Object newRuntime() {
				String database = uniqueName();
				HikariDataSource admin = pool(mysqlUrl(server, ""), user.get(), password.get());
				try {
					new JdbcTemplate(admin).execute("CREATE DATABASE " + database);
				}
				finally {
					admin.close();
				}
				return pool(mysqlUrl(server, database), user.get(), password.get());
			}

			@Override
			public void release(Object runtime) {
				HikariDataSource dataSource = (HikariDataSource) runtime;
				JdbcTemplate jdbc = new JdbcTemplate(dataSource);
				String own = jdbc.queryForObject("SELECT DATABASE()", String.class);
				jdbc.execute("DROP DATABASE IF EXISTS `" + own + "`");
				TCK_NAMESPACES.forEach((namespace) -> jdbc.execute("DROP DATABASE IF EXISTS `" + namespace + "`"));
				dataSource.close();
			}
		};
	}

	private static String mysqlUrl(Supplier<String> server, String database) {
		return "jdbc:mysql://" + server.get() + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true";
	}

	static String uniqueName() {
		return "tck_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	static HikariDataSource pool(String url, String user, String password) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(10);
		config.setMinimumIdle(0);
		return new HikariDataSource(config);
	}

	/** A pooled SQLite data source on a temporary file, deleted on close. */
	static final class SqliteRuntime extends org.springframework.jdbc.datasource.DelegatingDataSource {

		private final HikariDataSource pool;

		private final Path file;

		SqliteRuntime(HikariDataSource pool, Path file) {
			super(pool);
			this.pool = pool;
			this.file = file;
		}

		void close() {
			this.pool.close();
			try {
				Files.deleteIfExists(this.file);
				Files.deleteIfExists(Path.of(this.file + "-wal"));
				Files.deleteIfExists(Path.of(this.file + "-shm"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
