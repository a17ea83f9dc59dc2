package dev.farminglabs.orm.setup;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.OrmOptions;
import dev.farminglabs.orm.internal.RuntimeConnector;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.spi.Criteria;
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

	/**
	 * Deletes the rows whose expiry field ({@code datetime().expiry()}) has passed, in every model that has one;
	 * returns how many. Reads never return such rows anyway; this frees their space on backends without
	 * {@code nativeExpiry}, and is harmless on the others.
	 */
	public static long purgeExpired(FrameworkSchema schema, Object client) {
		return purgeExpired(schema, client, Clock.systemUTC());
	}

	/** {@link #purgeExpired(FrameworkSchema, Object)} with the time taken from a clock. */
	public static long purgeExpired(FrameworkSchema schema, Object client, Clock clock) {
		Driver driver = RuntimeConnector.connect(schema, client);
		ChronoUnit precision = driver.handle().capabilities().datetimePrecision();
		Instant now = (precision == ChronoUnit.NANOS) ? clock.instant() : clock.instant().truncatedTo(precision);
		long purged = 0;
		for (ModelDefinition model : schema.models()) {
			Optional<FieldDefinition> expiry = model.expiryField();
			if (expiry.isPresent()) {
				purged += driver.deleteAll(model, new Criteria.Compare(expiry.get(), Operator.LTE, now));
			}
		}
		return purged;
	}

	/** Pushes the schema, then creates the client: the one call a framework's install flow needs. */
	public static OrmClient bootstrapDatabase(FrameworkSchema schema, Object client) {
		// One driver for both steps: connecting (detection, server version) is done once.
		Driver driver = RuntimeConnector.connect(schema, client);
		RuntimeConnector.push(schema, driver);
		return FarmingOrm.createOrm(schema, driver, OrmOptions.defaults());
	}

}
