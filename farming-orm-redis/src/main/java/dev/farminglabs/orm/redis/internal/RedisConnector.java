package dev.farminglabs.orm.redis.internal;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;

/**
 * Runs the driver's scripts on the application's {@link RedisConnectionFactory} (standalone or cluster, Lettuce or
 * Jedis): a connection per call, {@code EVALSHA} first and {@code EVAL} only when the server answers
 * {@code NOSCRIPT}, every failure mapped by {@link RedisErrors}.
 */
public final class RedisConnector {

	private final RedisConnectionFactory factory;

	public RedisConnector(RedisConnectionFactory factory) {
		this.factory = factory;
	}

	/** The factory calls go through. */
	public RedisConnectionFactory factory() {
		return this.factory;
	}

	/** Runs a script and returns its reply (bulk strings as {@code byte[]}, integers as {@code Long}). */
	public List<Object> eval(RedisScript script, byte[][] keysAndArgs, int keys, @Nullable String model) {
		return call((connection) -> {
			Object reply;
			try {
				reply = connection.scriptingCommands().evalSha(script.sha(), ReturnType.MULTI, keys, keysAndArgs);
			}
			catch (RuntimeException ex) {
				if (!RedisErrors.isNoScript(ex)) {
					throw ex;
				}
				reply = connection.scriptingCommands().eval(script.text(), ReturnType.MULTI, keys, keysAndArgs);
			}
			@SuppressWarnings("unchecked")
			List<Object> list = (List<Object>) reply;
			return list;
		}, model);
	}

	/** Runs work on a connection, mapping every failure. */
	public <T> T call(Function<RedisConnection, T> work, @Nullable String model) {
		try (RedisConnection connection = this.factory.getConnection()) {
			return work.apply(connection);
		}
		catch (RuntimeException ex) {
			throw RedisErrors.map(ex, model);
		}
	}

}
