package dev.farminglabs.orm.memory;

import dev.farminglabs.orm.runtime.DetectedRuntime;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.DriverProvider;

/** Registers the memory runtime: it takes a {@link MemoryDatabase}. */
public final class MemoryDriverProvider implements DriverProvider {

	/** The runtime kind and dialect name. */
	public static final String KIND = "memory";

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public RuntimeCandidate inspect(Object client) {
		if (client instanceof MemoryDatabase database) {
			return RuntimeCandidate.matched(new DetectedRuntime(KIND, KIND, "MemoryDatabase", database, null),
					"is a MemoryDatabase");
		}
		return RuntimeCandidate.rejected(KIND, "not a " + MemoryDatabase.class.getName());
	}

	@Override
	public Driver connect(DetectedRuntime runtime, FrameworkSchema schema) {
		return new MemoryDriver((MemoryDatabase) runtime.client(), schema);
	}

}
