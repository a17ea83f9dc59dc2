package dev.farminglabs.orm.redis;

import java.util.List;
import java.util.Properties;

import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.redis.internal.RedisConnector;
import dev.farminglabs.orm.redis.internal.RedisDriver;
import dev.farminglabs.orm.redis.internal.RedisErrors;
import dev.farminglabs.orm.runtime.DetectedRuntime;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.DriverProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;

/**
 * Registers the Redis runtime: a {@link RedisConnectionFactory} (Lettuce or Jedis, standalone or cluster), a
 * {@link RedisTemplate} or {@code StringRedisTemplate} (its factory is used, never its serializers), or a
 * {@link RedisRuntime} that adds a key prefix. Reactive factories and templates are recognised and explained.
 * <p>
 * Spring Data Redis is optional (the starter brings this module to every application): without it the provider still
 * loads, names its bean type by name only, and matches nothing.
 */
public final class RedisDriverProvider implements DriverProvider {

	/** The runtime kind and dialect. */
	public static final String KIND = RedisErrors.KIND;

	private static final String CONNECTION_FACTORY = "org.springframework.data.redis.connection.RedisConnectionFactory";

	private static final boolean SPRING_DATA_REDIS = isPresent(CONNECTION_FACTORY);

	private static final String SPRING_DATA_REDIS_ABSENT = "Spring Data Redis is not on the class path";

	private static final String REACTIVE_FACTORY = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory";

	private static final String REACTIVE_TEMPLATE = "org.springframework.data.redis.core.ReactiveRedisTemplate";

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public List<String> beanTypes() {
		return List.of(CONNECTION_FACTORY);
	}

	@Override
	public RuntimeCandidate inspect(Object client) {
		if (!SPRING_DATA_REDIS) {
			return RuntimeCandidate.rejected(KIND, SPRING_DATA_REDIS_ABSENT);
		}
		try {
			return inspectClient(client);
		}
		catch (LinkageError ex) {
			return RuntimeCandidate.rejected(KIND, SPRING_DATA_REDIS_ABSENT);
		}
	}

	private RuntimeCandidate inspectClient(@Nullable Object client) {
		if (client == null) {
			return RuntimeCandidate.rejected(KIND, "not a RedisConnectionFactory, RedisTemplate or RedisRuntime");
		}
		RedisRuntime runtime;
		String source;
		if (client instanceof RedisRuntime given) {
			runtime = given;
			source = "RedisRuntime (" + simple(given.connectionFactory()) + ", prefix '" + given.keyPrefix() + "')";
		}
		else if (client instanceof RedisConnectionFactory factory) {
			runtime = RedisRuntime.of(factory);
			source = simple(factory);
		}
		else if (client instanceof RedisTemplate<?, ?> template) {
			RedisConnectionFactory factory = template.getConnectionFactory();
			if (factory == null) {
				return RuntimeCandidate.recognised(KIND, "is a " + simple(template) + " without a connection factory",
						"Set the template's RedisConnectionFactory, or pass the factory itself.");
			}
			runtime = RedisRuntime.of(factory);
			source = simple(factory) + " of " + simple(template);
		}
		else if (isA(client, REACTIVE_FACTORY) || isA(client, REACTIVE_TEMPLATE)) {
			return RuntimeCandidate.recognised(KIND, "is a reactive " + simple(client),
					"farming-orm's Redis driver is blocking: pass a RedisConnectionFactory (LettuceConnectionFactory "
							+ "and JedisConnectionFactory are both), a RedisTemplate or a StringRedisTemplate instead.");
		}
		else {
			return RuntimeCandidate.rejected(KIND, "not a RedisConnectionFactory, RedisTemplate or RedisRuntime");
		}
		String version;
		boolean cluster;
		try (RedisConnection connection = runtime.connectionFactory().getConnection()) {
			cluster = connection instanceof RedisClusterConnection;
			version = version(connection.serverCommands().info("server"));
		}
		catch (RuntimeException ex) {
			return RuntimeCandidate.unreachable(KIND, source + " found, but Redis did not answer: "
					+ RedisErrors.map(ex, null).getMessage(),
					"Check that Redis is running and reachable with the factory's settings (spring.data.redis.*).");
		}
		String reason = source + " connects to Redis " + version + (cluster ? " (cluster)" : "")
				+ ", keys under the prefix '" + runtime.keyPrefix() + "'";
		return RuntimeCandidate.matched(new DetectedRuntime(KIND, KIND, source, runtime, version), reason);
	}

	@Override
	public Driver connect(DetectedRuntime runtime, FrameworkSchema schema) {
		RedisRuntime redis = (runtime.client() instanceof RedisRuntime given) ? given
				: RedisRuntime.of((RedisConnectionFactory) runtime.client());
		return new RedisDriver(new RedisConnector(redis.connectionFactory()), redis.keyPrefix(),
				new DriverHandle(KIND, KIND, runtime.serverVersion(), RedisDriver.CAPABILITIES));
	}

	private static String version(@Nullable Properties info) {
		if (info != null) {
			for (String name : info.stringPropertyNames()) {
				if (name.equals("redis_version") || name.endsWith(".redis_version")) {
					return info.getProperty(name);
				}
			}
		}
		return "unknown";
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, RedisDriverProvider.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private static boolean isA(Object client, String type) {
		for (Class<?> c = client.getClass(); c != null; c = c.getSuperclass()) {
			if (c.getName().equals(type)) {
				return true;
			}
			for (Class<?> i : c.getInterfaces()) {
				if (i.getName().equals(type) || isInterface(i, type)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isInterface(Class<?> type, String name) {
		for (Class<?> parent : type.getInterfaces()) {
			if (parent.getName().equals(name) || isInterface(parent, name)) {
				return true;
			}
		}
		return false;
	}

	private static String simple(Object object) {
		return object.getClass().getSimpleName();
	}

}
