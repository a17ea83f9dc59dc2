package dev.farminglabs.orm.jdbc.dialect;

import java.util.Locale;

/** Picks the dialect of a server from what its JDBC metadata says. */
public final class Dialects {

	private Dialects() {
	}

	/**
	 * The dialect for a product: a dedicated one for PostgreSQL, MariaDB, MySQL, H2 and SQLite, the standard-SQL
	 * {@link AnsiDialect} (with capabilities to match) for any other database.
	 */
	public static SqlDialect forProduct(String product, String version) {
		String name = product.toLowerCase(Locale.ROOT);
		if (name.contains("postgresql")) {
			return new PostgresDialect();
		}
		if (name.contains("mariadb") || (name.contains("mysql") && version.toLowerCase(Locale.ROOT).contains("mariadb"))) {
			return new MariadbDialect();
		}
		if (name.contains("mysql")) {
			return new MysqlDialect();
		}
		if (name.equals("h2")) {
			return new H2Dialect();
		}
		if (name.contains("sqlite")) {
			return new SqliteDialect();
		}
		return new AnsiDialect();
	}

}
