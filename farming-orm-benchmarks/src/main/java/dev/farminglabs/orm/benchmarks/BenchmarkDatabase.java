package dev.farminglabs.orm.benchmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database to measure on, in storage of its own: an in-memory H2 database, or a fresh schema (PostgreSQL) or
 * database (MariaDB) on the local servers the tests use ({@code -Dfarming.bench.postgres.url=...} and
 * {@code -Dfarming.bench.mariadb.url=...} point elsewhere). Every side of a comparison gets the same Hikari pool
 * settings.
 */
enum BenchmarkDatabase {

	H2 {
		@Override
		HikariDataSource open(String name) {
			return pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
		}

		@Override
		void drop(String name) {
		}

		@Override
		String jsonPlaceholder() {
			return "? FORMAT JSON";
		}

	},

	POSTGRESQL {
		@Override
		HikariDataSource open(String name) {
			admin().execute("CREATE SCHEMA " + name);
			return pool(postgresUrl() + "?currentSchema=" + name, postgresUser(), "");
		}

		@Override
		void drop(String name) {
			admin().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
		}

		@Override
		String jsonPlaceholder() {
			return "?::jsonb";
		}

		@Override
		boolean returnsWrittenRows() {
			return true;
		}

		private JdbcTemplate admin() {
			return new JdbcTemplate(new DriverManagerDataSource(postgresUrl(), postgresUser(), ""));
		}

		private String postgresUrl() {
			return System.getProperty("farming.bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
		}

		private String postgresUser() {
			return System.getProperty("farming.bench.postgres.user", "postgres");
		}

	},

	MARIADB {
		@Override
		HikariDataSource open(String name) {
			admin().execute("CREATE DATABASE " + name);
			return pool(mariadbUrl() + name, mariadbUser(), mariadbPassword());
		}

		@Override
		void drop(String name) {
			admin().execute("DROP DATABASE IF EXISTS " + name);
		}

		@Override
		String quote(String identifier) {
			return '`' + identifier + '`';
		}

		@Override
		@Nullable Instant instant(ResultSet rows, int column) throws SQLException {
			LocalDateTime utc = rows.getObject(column, LocalDateTime.class);
			return (utc != null) ? utc.toInstant(ZoneOffset.UTC) : null;
		}

		@Override
		Object timestamp(Instant instant) {
			return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
		}

		private JdbcTemplate admin() {
			return new JdbcTemplate(new DriverManagerDataSource(mariadbUrl(), mariadbUser(), mariadbPassword()));
		}

		private String mariadbUrl() {
			return System.getProperty("farming.bench.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
		}

		private String mariadbUser() {
			return System.getProperty("farming.bench.mariadb.user", "root");
		}

		private String mariadbPassword() {
			return System.getProperty("farming.bench.mariadb.password", "");
		}

	};

	/** A pool on fresh, empty storage called {@code name}. */
	abstract HikariDataSource open(String name);

	/** Removes the storage {@link #open(String)} created. */
	abstract void drop(String name);

	/** An identifier quoted as the ORM quotes it (its columns keep their camelCase names). */
	String quote(String identifier) {
		return '"' + identifier + '"';
	}

	/** The placeholder the raw SQL binds a JSON text to. */
	String jsonPlaceholder() {
		return "?";
	}

	/** Whether {@code INSERT}/{@code UPDATE … RETURNING} hands back the written row in the same statement. */
	boolean returnsWrittenRows() {
		return false;
	}

	/** Reads a datetime column the way the ORM stores it on this database. */
	@Nullable Instant instant(ResultSet rows, int column) throws SQLException {
		OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/** The JDBC value a datetime column is written with, as the ORM writes it on this database. */
	Object timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static String uniqueName() {
		return "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	private static HikariDataSource pool(String url, String user, String password) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(4);
		return new HikariDataSource(config);
	}

}
