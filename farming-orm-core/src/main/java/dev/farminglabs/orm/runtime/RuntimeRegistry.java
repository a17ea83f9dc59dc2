package dev.farminglabs.orm.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.DriverProvider;
import org.jspecify.annotations.Nullable;

/**
 * The driver providers on the class path, found with {@link ServiceLoader}, and runtime detection over them. Core
 * names no backend: the families it can hint at when their module is missing come from
 * {@code META-INF/farming-orm/known-clients.properties}.
 */
public final class RuntimeRegistry {

	private static final Map<ClassLoader, RuntimeRegistry> REGISTRIES = new ConcurrentHashMap<>();

	private static final String KNOWN_CLIENTS = "META-INF/farming-orm/known-clients.properties";

	private final List<DriverProvider> providers;

	private final Properties knownClients;

	/** A registry over the given providers (highest priority first). */
	public RuntimeRegistry(List<DriverProvider> providers) {
		List<DriverProvider> sorted = new ArrayList<>(providers);
		sorted.sort(Comparator.comparingInt(DriverProvider::priority).reversed());
		this.providers = List.copyOf(sorted);
		this.knownClients = loadKnownClients(RuntimeRegistry.class.getClassLoader());
	}

	/** The registry of the current thread's context class loader, loaded once. */
	public static RuntimeRegistry get() {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		if (loader == null) {
			loader = RuntimeRegistry.class.getClassLoader();
		}
		ClassLoader key = loader;
		return REGISTRIES.computeIfAbsent(key, (cl) -> {
			List<DriverProvider> found = new ArrayList<>();
			ServiceLoader.load(DriverProvider.class, cl).forEach(found::add);
			return new RuntimeRegistry(found);
		});
	}

	/** The providers, highest priority first. */
	public List<DriverProvider> providers() {
		return this.providers;
	}

	/** The provider of a runtime family. */
	public Optional<DriverProvider> provider(String kind) {
		return this.providers.stream().filter((provider) -> provider.kind().equals(kind)).findFirst();
	}

	/** Inspects a raw client; never throws. */
	public RuntimeInspection inspect(@Nullable Object client) {
		if (client == null) {
			return new RuntimeInspection(Optional.empty(), "null", List.of(), "No client was given (null).",
					Optional.of(whatWorks()));
		}
		String clientClass = client.getClass().getName();
		List<RuntimeCandidate> candidates = new ArrayList<>();
		DetectedRuntime detected = null;
		if (client instanceof Driver driver) {
			// A driver built by hand (say, with a chosen dialect) is its own runtime.
			DriverHandle handle = driver.handle();
			detected = new DetectedRuntime(handle.kind(), handle.dialect(), "a farming-orm Driver", driver,
					handle.serverVersion());
			candidates.add(RuntimeCandidate.matched(detected, "is a farming-orm Driver"));
		}
		for (DriverProvider provider : this.providers) {
			RuntimeCandidate candidate = safeInspect(provider, client);
			candidates.add(candidate);
			if (detected == null && candidate.matched()) {
				detected = candidate.runtime();
			}
		}
		if (detected != null) {
			String version = (detected.serverVersion() != null) ? " " + detected.serverVersion() : "";
			String summary = "Detected " + detected.label() + version + " from " + detected.source() + " ("
					+ clientClass + ").";
			return new RuntimeInspection(Optional.of(detected), clientClass, candidates, summary, Optional.empty());
		}
		String hint = candidates.stream()
			.map(RuntimeCandidate::hint)
			.filter((text) -> text != null)
			.findFirst()
			.orElseGet(() -> missingModuleHint(client));
		String summary = "No farming-orm driver can use " + clientClass + ".";
		return new RuntimeInspection(Optional.empty(), clientClass, candidates, summary, Optional.of(hint));
	}

	private static RuntimeCandidate safeInspect(DriverProvider provider, Object client) {
		try {
			return provider.inspect(client);
		}
		catch (RuntimeException | LinkageError ex) {
			return RuntimeCandidate.rejected(provider.kind(),
					"inspection failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private String missingModuleHint(Object client) {
		for (Class<?> type : typesOf(client.getClass())) {
			String known = this.knownClients.getProperty(type.getName());
			if (known != null) {
				return type.getSimpleName() + " is " + known + ".";
			}
		}
		return whatWorks();
	}

	private String whatWorks() {
		List<String> kinds = this.providers.stream().map(DriverProvider::kind).toList();
		return "Pass the raw client the application already has: a DataSource, JdbcTemplate, MongoTemplate, "
				+ "MongoClient, RedisConnectionFactory, RedisTemplate or DynamoDbClient, with the matching farming-orm "
				+ "driver module on the class path (installed driver modules: " + kinds + "). Unwrap proxies and "
				+ "pass the synchronous client, not a reactive one.";
	}

	private static Set<Class<?>> typesOf(Class<?> type) {
		Set<Class<?>> types = new LinkedHashSet<>();
		for (Class<?> current = type; current != null; current = current.getSuperclass()) {
			types.add(current);
		}
		List<Class<?>> queue = new ArrayList<>(types);
		for (int i = 0; i < queue.size(); i++) {
			for (Class<?> implemented : queue.get(i).getInterfaces()) {
				if (types.add(implemented)) {
					queue.add(implemented);
				}
			}
		}
		return types;
	}

	private static Properties loadKnownClients(@Nullable ClassLoader loader) {
		Properties properties = new Properties();
		ClassLoader cl = (loader != null) ? loader : ClassLoader.getSystemClassLoader();
		try (InputStream in = cl.getResourceAsStream(KNOWN_CLIENTS)) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			// Hints are a courtesy; detection works without them.
		}
		return properties;
	}

}
