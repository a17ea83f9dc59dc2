package dev.farminglabs.orm.benchmarks;

import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database to measure on, in storage of its own: an in-memory H2 database, or a fresh schema (PostgreSQL) or
 * database (MariaDB) on the local servers the tests use ({@code -Dfarming.bench.postgres.url=...} and
 * {@code -Dfarming.bench.mariadb.url=...} point elsewhere). Both sides of a comparison share one Hikari pool.
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
			return pool(mariadbUrl() + name, "app", "app");
		}

		@Override
		void drop(String name) {
			admin().execute("DROP DATABASE IF EXISTS " + name);
		}

		@Override
		String quote(String identifier) {
			return '`' + identifier + '`';
		}

		private JdbcTemplate admin() {
			return new JdbcTemplate(new DriverManagerDataSource(mariadbUrl(), "app", "app"));
		}

		private String mariadbUrl() {
			return System.getProperty("farming.bench.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
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
