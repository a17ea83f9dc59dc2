package dev.farminglabs.orm;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.OrmOptions;
import dev.farminglabs.orm.internal.DefaultOrmClient;
import dev.farminglabs.orm.internal.RuntimeConnector;
import dev.farminglabs.orm.runtime.RuntimeInspection;
import dev.farminglabs.orm.runtime.RuntimeRegistry;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.spi.Driver;
import org.jspecify.annotations.Nullable;

/**
 * Entry point: create a client for a schema on the raw client the application already has (a {@code DataSource},
 * {@code MongoTemplate}, {@code RedisConnectionFactory}, {@code DynamoDbClient}, a {@code MemoryDatabase}, ...), or
 * inspect such a client to learn why it cannot be used.
 */
public final class FarmingOrm {

	private FarmingOrm() {
	}

	/**
	 * Creates a client for the schema on the raw client.
	 * @throws dev.farminglabs.orm.error.RuntimeSetupException when no installed driver can use the client; its message
	 * says what was seen and what would work
	 */
	public static OrmClient createOrmFromRuntime(FrameworkSchema schema, Object client) {
		return createOrmFromRuntime(schema, client, OrmOptions.defaults());
	}

	/** Creates a client for the schema on the raw client, with options. */
	public static OrmClient createOrmFromRuntime(FrameworkSchema schema, Object client, OrmOptions options) {
		return createOrm(schema, RuntimeConnector.connect(schema, client), options);
	}

	/** Creates a client on a driver built by hand (a third-party driver, a test double at a true edge). */
	public static OrmClient createOrm(FrameworkSchema schema, Driver driver, OrmOptions options) {
		return new DefaultOrmClient(schema, driver, options);
	}

	/** What the installed drivers make of a raw client. Never throws. */
	public static RuntimeInspection inspectDatabaseRuntime(@Nullable Object client) {
		return RuntimeRegistry.get().inspect(client);
	}

}
