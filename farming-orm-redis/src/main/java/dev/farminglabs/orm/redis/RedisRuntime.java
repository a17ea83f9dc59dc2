package dev.farminglabs.orm.redis;

import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * A {@link RedisConnectionFactory} with the key prefix farming-orm keeps its keys under, so several applications (or
 * tests) share one server: pass it to {@code FarmingOrm.createOrmFromRuntime}. A bare factory, template or
 * {@code StringRedisTemplate} uses the prefix of the system property {@code farming.orm.redis.key-prefix}, else
 * {@value #DEFAULT_PREFIX}; the starter sets it from the property of the same name.
 *
 * @param connectionFactory the application's factory (Lettuce or Jedis, standalone or cluster)
 * @param keyPrefix the first part of every key's hash tag: letters, digits and {@code . _ - :}
 */
public record RedisRuntime(RedisConnectionFactory connectionFactory, String keyPrefix) {

	/** The prefix used when none is given. */
	public static final String DEFAULT_PREFIX = "farming";

	/** The system property a bare factory's prefix is read from. */
	public static final String PREFIX_PROPERTY = "farming.orm.redis.key-prefix";

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

	public RedisRuntime {
		Objects.requireNonNull(connectionFactory, "connectionFactory");
		Objects.requireNonNull(keyPrefix, "keyPrefix");
		if (!PREFIX.matcher(keyPrefix).matches()) {
			throw new IllegalArgumentException("Redis key prefix '" + keyPrefix
					+ "' must be 1 to 200 letters, digits, '.', '_', '-' or ':' (no braces: it goes inside a hash tag)");
		}
	}

	/** The factory with a key prefix. */
	public static RedisRuntime of(RedisConnectionFactory connectionFactory, String keyPrefix) {
		return new RedisRuntime(connectionFactory, keyPrefix);
	}

	/** The factory with the prefix of the system property, else the default. */
	public static RedisRuntime of(RedisConnectionFactory connectionFactory) {
		return new RedisRuntime(connectionFactory, System.getProperty(PREFIX_PROPERTY, DEFAULT_PREFIX));
	}

}
