package dev.farminglabs.orm.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.jdbc.dialect.AnsiDialect;
import dev.farminglabs.orm.jdbc.dialect.DatabaseVersion;
import dev.farminglabs.orm.jdbc.dialect.Dialects;
import dev.farminglabs.orm.jdbc.dialect.IdentifierSpelling;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.jdbc.internal.JdbcContext;
import dev.farminglabs.orm.jdbc.internal.JdbcDriver;
import dev.farminglabs.orm.jdbc.internal.JdbcSchemaManager;
import dev.farminglabs.orm.jdbc.internal.SqlErrorTranslator;
import dev.farminglabs.orm.runtime.DetectedRuntime;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.DriverProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** Registers the JDBC runtime: any client with a {@link DataSource} behind it, on a database with a dialect. */
public final class JdbcDriverProvider implements DriverProvider {

	/** The runtime kind. */
	public static final String KIND = "jdbc";

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public List<String> beanTypes() {
		return List.of("javax.sql.DataSource");
	}

	@Override
	public RuntimeCandidate inspect(Object client) {
		if (JdbcClients.isReactive(client)) {
			return RuntimeCandidate.recognised(KIND, "is an R2DBC ConnectionFactory (reactive)",
					"farming-orm uses blocking JDBC: pass the application's DataSource instead of the R2DBC "
							+ "ConnectionFactory.");
		}
		JdbcClients.Found found = JdbcClients.find(client);
		if (found == null) {
			if (JdbcClients.looksLikeJdbc(client)) {
				return RuntimeCandidate.recognised(KIND, "is a JDBC client whose DataSource could not be reached",
						"Pass the DataSource the client was built with.");
			}
			return RuntimeCandidate.rejected(KIND, "not a DataSource, JDBC template, JdbcClient, Connection, jOOQ "
					+ "DSLContext or JPA EntityManagerFactory");
		}
		DatabaseVersion version;
		try {
			version = version(found.dataSource());
		}
		catch (SQLException | RuntimeException ex) {
			return RuntimeCandidate.unreachable(KIND,
					found.source() + " found, but connecting failed: " + SqlErrorTranslator.reasons(ex),
					"Check that the database is running and reachable with the DataSource's settings.");
		}
		SqlDialect dialect = Dialects.forProduct(version.product(), version.version());
		String reason = found.source() + " connects to " + version + ((dialect instanceof AnsiDialect)
				? ", which has no dedicated dialect: using the standard-SQL fallback and its limited capabilities" : "");
		return RuntimeCandidate.matched(new DetectedRuntime(KIND, dialect.name(), found.source(), found.dataSource(),
				version.toString()), reason);
	}

	@Override
	public Driver connect(DetectedRuntime runtime, FrameworkSchema schema) {
		return driver((DataSource) runtime.client(), null, runtime.dialect(), schema);
	}

	/**
	 * A driver on a data source with a dialect chosen by the caller rather than detected, for a database whose
	 * product name farming-orm does not know but which speaks one of its dialects. Pass it to
	 * {@code FarmingOrm.createOrm} or, as a raw client, to {@code SchemaSetup}.
	 */
	public static Driver driver(DataSource dataSource, SqlDialect dialect) {
		return driver(dataSource, dialect, dialect.name(), null);
	}

	/**
	 * A driver with the given dialect, or the one the server's product name selects; one connection asked, which also
	 * reads how the database spells the schema's existing tables and columns (a table created without quotes is
	 * {@code CACHE_ENTRIES} on H2), so the driver's statements name them as they are.
	 */
	private static Driver driver(DataSource dataSource, @Nullable SqlDialect chosen, String dialectName,
			@Nullable FrameworkSchema schema) {
		Connection connection;
		try {
			connection = DataSourceUtils.getConnection(dataSource);
		}
		catch (RuntimeException ex) {
			throw connectionFailure(ex, dialectName);
		}
		try {
			DatabaseVersion version = version(connection);
			SqlDialect dialect = (chosen != null) ? chosen : Dialects.forProduct(version.product(), version.version());
			Capabilities capabilities = dialect.capabilities(version, connection);
			DriverHandle handle = new DriverHandle(KIND, dialect.name(), version.toString(), capabilities);
			IdentifierSpelling spelling = (schema != null) ? JdbcSchemaManager.spellings(connection, dialect, schema)
					: new IdentifierSpelling();
			return new JdbcDriver(new JdbcContext(dataSource, dialect, handle, spelling));
		}
		catch (SQLException ex) {
			throw connectionFailure(ex, dialectName);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static OrmException connectionFailure(Exception ex, String dialectName) {
		return OrmException.builder(OrmErrorCode.CONNECTION_FAILURE, "Could not connect: " + SqlErrorTranslator.reasons(ex))
			.cause(ex)
			.backend(KIND, dialectName)
			.build();
	}

	static DatabaseVersion version(DataSource dataSource) throws SQLException {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return version(connection);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static DatabaseVersion version(Connection connection) throws SQLException {
		DatabaseMetaData metadata = connection.getMetaData();
		return new DatabaseVersion(metadata.getDatabaseProductName(), metadata.getDatabaseProductVersion(),
				metadata.getDatabaseMajorVersion(), metadata.getDatabaseMinorVersion());
	}

}
