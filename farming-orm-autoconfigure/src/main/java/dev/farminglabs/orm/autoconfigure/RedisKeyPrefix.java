package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.redis.RedisRuntime;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.util.ClassUtils;

/**
 * Gives a {@code RedisConnectionFactory} bean the key prefix of {@code farming.orm.redis.key-prefix} (a
 * {@link RedisRuntime}); any other runtime bean, or any bean when the Redis driver is not on the class path, is
 * passed on as it is.
 */
final class RedisKeyPrefix {

	private static final boolean PRESENT = ClassUtils.isPresent("dev.farminglabs.orm.redis.RedisRuntime",
			RedisKeyPrefix.class.getClassLoader())
			&& ClassUtils.isPresent("org.springframework.data.redis.connection.RedisConnectionFactory",
					RedisKeyPrefix.class.getClassLoader());

	private RedisKeyPrefix() {
	}

	static Object apply(Object runtime, FarmingOrmProperties properties) {
		return PRESENT ? Redis.apply(runtime, properties.getRedis().getKeyPrefix()) : runtime;
	}

	/** Loaded only when the Redis driver is present. */
	private static final class Redis {

		static Object apply(Object runtime, String prefix) {
			return (runtime instanceof RedisConnectionFactory factory) ? RedisRuntime.of(factory, prefix) : runtime;
		}

	}

}
