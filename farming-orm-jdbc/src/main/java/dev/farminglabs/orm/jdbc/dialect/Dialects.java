package dev.farminglabs.orm.jdbc.dialect;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Picks the dialect of a server from what its JDBC metadata says. */
public final class Dialects {

	private Dialects() {
	}

	/** The dialect for a product, or {@code null} when farming-orm has none for it. */
	public static @Nullable SqlDialect forProduct(String product, String version) {
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
		return null;
	}

}
