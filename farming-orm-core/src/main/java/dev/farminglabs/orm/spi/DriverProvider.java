package dev.farminglabs.orm.spi;

import java.util.List;

import dev.farminglabs.orm.runtime.DetectedRuntime;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.schema.FrameworkSchema;

/**
 * A driver module's entry point, found with {@link java.util.ServiceLoader} (list the implementation in
 * {@code META-INF/services/dev.farminglabs.orm.spi.DriverProvider}), so a third-party driver is just a jar.
 */
public interface DriverProvider {

	/** The runtime family this provider serves, as {@code jdbc}. */
	String kind();

	/**
	 * Whether this provider can use the raw client, with the reasons; for a client it recognises but cannot use (a
	 * reactive one, say) a hint that says what would work. Never throws.
	 */
	RuntimeCandidate inspect(Object client);

	/** Creates a driver for a runtime this provider detected. */
	Driver connect(DetectedRuntime runtime, FrameworkSchema schema);

	/**
	 * The raw-client bean types an application context offers this provider, by class name, most specific first (as
	 * {@code javax.sql.DataSource}): the Spring Boot starter looks for beans of these types whose class is present,
	 * so a third-party driver jar is picked up exactly like the project's own. Empty (the default) for providers that
	 * are only used by hand.
	 */
	default List<String> beanTypes() {
		return List.of();
	}

	/** Providers with a higher priority are asked first; default 0. */
	default int priority() {
		return 0;
	}

}
