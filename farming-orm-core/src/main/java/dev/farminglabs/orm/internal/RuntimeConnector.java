package dev.farminglabs.orm.internal;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.error.RuntimeSetupException;
import dev.farminglabs.orm.error.RuntimeSetupException.Stage;
import dev.farminglabs.orm.runtime.DetectedRuntime;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.runtime.RuntimeInspection;
import dev.farminglabs.orm.runtime.RuntimeRegistry;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.setup.PushResult;
import dev.farminglabs.orm.setup.SetupPlan;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.DriverProvider;

/** Turns a raw client into a driver, and runs setup on it, with setup failures reported by stage. */
public final class RuntimeConnector {

	private RuntimeConnector() {
	}

	/** A driver for the raw client, or a {@link RuntimeSetupException} that says what was seen and what would work. */
	public static Driver connect(FrameworkSchema schema, Object client) {
		if (client instanceof Driver driver) {
			return driver;
		}
		RuntimeRegistry registry = RuntimeRegistry.get();
		RuntimeInspection inspection = registry.inspect(client);
		DetectedRuntime runtime = inspection.runtime().orElse(null);
		if (runtime == null) {
			String message = inspection.summary() + inspection.hint().map((hint) -> " " + hint).orElse("");
			// A client whose server could not be reached is a connection failure, not an unsupported client.
			boolean unreachable = inspection.candidates().stream().anyMatch(RuntimeCandidate::unreachable);
			if (unreachable) {
				// Keep the reason (refused, authentication, bad URL): "could not connect" alone helps no one.
				message += " " + String.join("; ", inspection.candidates().stream()
					.filter(RuntimeCandidate::unreachable)
					.flatMap((candidate) -> candidate.reasons().stream())
					.toList());
			}
			OrmErrorCode code = unreachable ? OrmErrorCode.CONNECTION_FAILURE : OrmErrorCode.UNSUPPORTED_OPERATION;
			throw new RuntimeSetupException(Stage.DETECT, null, null, OrmException.builder(code, message).build());
		}
		DriverProvider provider = registry.provider(runtime.kind()).orElseThrow();
		try {
			return provider.connect(runtime, schema);
		}
		catch (OrmException ex) {
			throw new RuntimeSetupException(Stage.CONNECT, runtime.label(), null, ex);
		}
	}

	/** What a push would do. */
	public static SetupPlan plan(FrameworkSchema schema, Driver driver) {
		try {
			requireNamespaces(schema, driver);
			return driver.schemaManager().plan(schema);
		}
		catch (RuntimeSetupException ex) {
			throw ex;
		}
		catch (OrmException ex) {
			throw new RuntimeSetupException(Stage.PLAN, label(driver), null, ex);
		}
	}

	/** Carries out a plan. */
	public static PushResult apply(FrameworkSchema schema, Driver driver, SetupPlan plan) {
		try {
			return driver.schemaManager().apply(schema, plan);
		}
		catch (RuntimeSetupException ex) {
			throw ex;
		}
		catch (OrmException ex) {
			throw new RuntimeSetupException(Stage.PUSH, label(driver), null, ex);
		}
	}

	/** Plans and applies. */
	public static PushResult push(FrameworkSchema schema, Driver driver) {
		return apply(schema, driver, plan(schema, driver));
	}

	/** Refuses namespaced tables on a backend without namespaces, before it is touched. */
	private static void requireNamespaces(FrameworkSchema schema, Driver driver) {
		if (driver.handle().capabilities().supportsSchemaNamespaces()) {
			return;
		}
		for (ModelDefinition model : schema.models()) {
			if (model.namespace() != null) {
				throw OrmException.unsupported(model.name(), "Model '" + model.name() + "' lives in namespace '"
						+ model.namespace() + "', but this backend has no schema namespaces "
						+ "(capabilities: supportsSchemaNamespaces=false)");
			}
		}
	}

	static String label(Driver driver) {
		String kind = driver.handle().kind();
		String dialect = driver.handle().dialect();
		return kind.equals(dialect) ? kind : kind + "/" + dialect;
	}

}
