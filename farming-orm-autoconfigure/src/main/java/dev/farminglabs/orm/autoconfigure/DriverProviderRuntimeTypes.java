package dev.farminglabs.orm.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import dev.farminglabs.orm.spi.DriverProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * The runtime types of the {@link DriverProvider}s on the class path: one per bean type a provider names
 * ({@link DriverProvider#beanTypes()}) whose class is present. The auto-configuration looks for beans of these types,
 * so a third-party driver jar is picked up exactly like the project's own; {@link OrmRuntimeType#KNOWN} only
 * supplies the wording for the project's drivers and the hints for driver modules that are missing.
 */
final class DriverProviderRuntimeTypes {

	private DriverProviderRuntimeTypes() {
	}

	static List<OrmRuntimeType> discover(@Nullable ClassLoader classLoader) {
		List<DriverProvider> providers = new ArrayList<>();
		Iterator<DriverProvider> found = ServiceLoader.load(DriverProvider.class, classLoader).iterator();
		while (true) {
			try {
				if (!found.hasNext()) {
					break;
				}
				providers.add(found.next());
			}
			catch (ServiceConfigurationError ex) {
				// A provider that cannot be loaded (its module or its own dependencies missing) offers no runtime.
			}
		}
		providers.sort(Comparator.comparingInt(DriverProvider::priority).reversed());
		List<OrmRuntimeType> types = new ArrayList<>();
		for (DriverProvider provider : providers) {
			for (String beanType : provider.beanTypes()) {
				if (ClassUtils.isPresent(beanType, classLoader)) {
					OrmRuntimeType type = describe(provider, beanType);
					if (!types.contains(type)) {
						types.add(type);
					}
				}
			}
		}
		return types;
	}

	private static OrmRuntimeType describe(DriverProvider provider, String beanType) {
		for (OrmRuntimeType known : OrmRuntimeType.KNOWN) {
			if (known.kind().equals(provider.kind()) && known.clientClassName().equals(beanType)) {
				return known;
			}
		}
		String providerClass = provider.getClass().getName();
		return new OrmRuntimeType(provider.kind(), beanType, providerClass, "the jar of " + providerClass,
				"a " + ClassUtils.getShortName(beanType) + " bean");
	}

}
