package dev.farminglabs.orm.setup;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.OrmOptions;
import dev.farminglabs.orm.internal.RuntimeConnector;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.spi.Driver;

/**
 * One setup path for tests, starters and install flows: create what a schema needs on the application's database.
 * Push only adds (namespaces, tables, columns, indexes, collections), never drops or rewrites, and is idempotent.
 */
public final class SchemaSetup {

	private SchemaSetup() {
	}

	/** Creates whatever the schema is missing on the raw client's backend; a second push does nothing. */
	public static PushResult pushSchema(FrameworkSchema schema, Object client) {
		Driver driver = RuntimeConnector.connect(schema, client);
		return RuntimeConnector.push(schema, driver);
	}

	/** What {@link #pushSchema} would do now, without doing it. */
	public static SetupPlan plan(FrameworkSchema schema, Object client) {
		return RuntimeConnector.plan(schema, RuntimeConnector.connect(schema, client));
	}

	/** Carries out a plan made with {@link #plan}, after review. */
	public static PushResult applySchema(FrameworkSchema schema, Object client, SetupPlan plan) {
		return RuntimeConnector.apply(schema, RuntimeConnector.connect(schema, client), plan);
	}

	/** Pushes the schema, then creates the client: the one call a framework's install flow needs. */
	public static OrmClient bootstrapDatabase(FrameworkSchema schema, Object client) {
		// One driver for both steps: connecting (detection, server version) is done once.
		Driver driver = RuntimeConnector.connect(schema, client);
		RuntimeConnector.push(schema, driver);
		return FarmingOrm.createOrm(schema, driver, OrmOptions.defaults());
	}

}
