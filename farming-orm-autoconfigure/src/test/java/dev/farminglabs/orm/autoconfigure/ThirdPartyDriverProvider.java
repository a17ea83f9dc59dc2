package dev.farminglabs.orm.autoconfigure;

import java.util.List;

import dev.farminglabs.orm.memory.MemoryDatabase;
import dev.farminglabs.orm.memory.MemoryDriverProvider;
import dev.farminglabs.orm.runtime.DetectedRuntime;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.DriverProvider;

/**
 * A driver the project does not know, registered only on the test class path the way a third-party jar registers
 * itself: it accepts a {@link Store} bean (backed by a memory database).
 */
public final class ThirdPartyDriverProvider implements DriverProvider {

	static final String KIND = "thirdparty";

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public List<String> beanTypes() {
		return List.of(Store.class.getName());
	}

	@Override
	public RuntimeCandidate inspect(Object client) {
		if (client instanceof Store store) {
			return RuntimeCandidate.matched(new DetectedRuntime(KIND, KIND, "Store", store, null), "is a Store");
		}
		return RuntimeCandidate.rejected(KIND, "not a " + Store.class.getName());
	}

	@Override
	public Driver connect(DetectedRuntime runtime, FrameworkSchema schema) {
		MemoryDatabase database = ((Store) runtime.client()).database();
		MemoryDriverProvider memory = new MemoryDriverProvider();
		return memory.connect(java.util.Objects.requireNonNull(memory.inspect(database).runtime()), schema);
	}

	/** The third-party raw client. */
	public record Store(MemoryDatabase database) {
	}

}
