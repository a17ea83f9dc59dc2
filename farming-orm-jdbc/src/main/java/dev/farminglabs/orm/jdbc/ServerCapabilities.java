package dev.farminglabs.orm.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.jdbc.dialect.DatabaseVersion;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** Refines a dialect's capabilities with what this particular server and connection settings allow. */
final class ServerCapabilities {

	private ServerCapabilities() {
	}

	static Capabilities of(DataSource dataSource, SqlDialect dialect, DatabaseVersion version) {
		Capabilities capabilities = dialect.capabilities(version);
		if (dialect.name().equals("sqlite") && !sqliteEnforcesForeignKeys(dataSource)) {
			// SQLite enforces references only on connections opened with foreign_keys=ON.
			capabilities = capabilities.toBuilder().supportsForeignKeys(false).build();
		}
		return capabilities;
	}

	private static boolean sqliteEnforcesForeignKeys(DataSource dataSource) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("PRAGMA foreign_keys")) {
			return rows.next() && rows.getInt(1) == 1;
		}
		catch (SQLException ex) {
			return false;
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

}
