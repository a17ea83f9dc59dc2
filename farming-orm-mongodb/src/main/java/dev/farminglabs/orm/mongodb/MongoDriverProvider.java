package dev.farminglabs.orm.mongodb;

import java.util.List;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.mongodb.internal.MongoConnection;
import dev.farminglabs.orm.mongodb.internal.MongoDriver;
import dev.farminglabs.orm.mongodb.internal.RawClients;
import dev.farminglabs.orm.mongodb.internal.ServerProbe;
import dev.farminglabs.orm.runtime.DetectedRuntime;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.DriverProvider;

/**
 * Registers the MongoDB runtime: a Spring Data {@code MongoTemplate}, a {@link MongoRuntime} (a synchronous
 * {@code MongoClient} with its database), a {@code MongoDatabase}, or a {@code MongoClient} whose database is set
 * with the system property {@code farming.orm.mongodb.database}. Reactive clients are recognised and explained.
 */
public final class MongoDriverProvider implements DriverProvider {

	/** The runtime kind. */
	public static final String KIND = "mongodb";

	@Override
	public String kind() {
		return KIND;
	}

	/**
	 * A {@code MongoTemplate}, or the {@link MongoRuntime} the starter makes of a {@code MongoClient} when there is no
	 * template.
	 */
	@Override
	public List<String> beanTypes() {
		return List.of("org.springframework.data.mongodb.core.MongoTemplate", MongoRuntime.class.getName());
	}

	@Override
	public RuntimeCandidate inspect(Object client) {
		try {
			return inspectClient(client);
		}
		catch (LinkageError ex) {
			return RuntimeCandidate.rejected(KIND, "the MongoDB synchronous driver is not on the class path");
		}
		catch (RuntimeException ex) {
			return RuntimeCandidate.recognised(KIND, "looks like a MongoDB client, but inspecting it failed: " + ex,
					"Pass a MongoTemplate, MongoRuntime.of(client, \"<database>\") or a MongoDatabase.");
		}
	}

	private RuntimeCandidate inspectClient(Object client) {
		if (client == null) {
			return RuntimeCandidate.rejected(KIND, "not a MongoTemplate, MongoClient, MongoDatabase or MongoRuntime");
		}
		String reactive = RawClients.reactiveType(client);
		if (reactive != null) {
			return RuntimeCandidate.recognised(KIND, "is a reactive " + simpleName(reactive),
					"farming-orm uses the synchronous MongoDB driver: pass a MongoTemplate, a "
							+ "com.mongodb.client.MongoClient (MongoRuntime.of(client, \"<database>\")) or a "
							+ "com.mongodb.client.MongoDatabase instead of the reactive client.");
		}
		RawClients.Found found = RawClients.find(client);
		if (found == null) {
			return RuntimeCandidate.rejected(KIND, "not a MongoTemplate, MongoClient, MongoDatabase or MongoRuntime");
		}
		MongoConnection connection = found.connection();
		if (connection == null) {
			return RuntimeCandidate.recognised(KIND, found.problem(), found.hint());
		}
		DriverHandle handle;
		try {
			handle = ServerProbe.probe(connection);
		}
		catch (RuntimeException ex) {
			return RuntimeCandidate.unreachable(KIND, found.source() + " found, but the server did not answer: "
					+ ex.getMessage(), "Check that MongoDB is running and reachable with the client's settings.");
		}
		connection.init(handle);
		String reason = found.source() + " connects to " + handle.serverVersion()
				+ (handle.capabilities().supportsTransactions() ? " (transactions through client sessions)"
						: " (no transactions: not a replica set, or no client sessions from this client)");
		return RuntimeCandidate.matched(
				new DetectedRuntime(KIND, ServerProbe.DIALECT, found.source(), connection, handle.serverVersion()),
				reason);
	}

	@Override
	public Driver connect(DetectedRuntime runtime, FrameworkSchema schema) {
		MongoConnection connection = (MongoConnection) runtime.client();
		try {
			DriverHandle probed = connection.probed();
			return new MongoDriver(connection, (probed != null) ? probed : ServerProbe.probe(connection));
		}
		catch (RuntimeException ex) {
			throw OrmException.builder(OrmErrorCode.CONNECTION_FAILURE, "Could not reach MongoDB: " + ex.getMessage())
				.cause(ex)
				.backend(KIND, ServerProbe.DIALECT)
				.build();
		}
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

}
