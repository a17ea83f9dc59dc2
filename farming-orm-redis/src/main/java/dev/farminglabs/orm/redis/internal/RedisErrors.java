package dev.farminglabs.orm.redis.internal;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;

/**
 * Redis failures as {@link OrmException}s, whichever client (Lettuce, Jedis) raised them: refused or dropped
 * connections, a replica answering a write ({@code READONLY}), cluster redirections that did not settle
 * ({@code MOVED}/{@code ASK}, {@code CLUSTERDOWN}, {@code TRYAGAIN}) and a full server ({@code OOM}) are
 * {@code CONNECTION_FAILURE}; timeouts are {@code TIMEOUT}; script errors and commands the server refuses
 * ({@code CROSSSLOT}, {@code NOSCRIPT} after a reload, {@code ERR ...}) are {@code UNSUPPORTED_OPERATION}. The
 * original message is kept and its first word is the {@code originalCode}.
 */
public final class RedisErrors {

	/** The runtime kind and dialect errors carry. */
	public static final String KIND = "redis";

	private RedisErrors() {
	}

	/** The error for a failure of a call on a model ({@code null} for calls outside one). */
	public static OrmException map(RuntimeException failure, @Nullable String model) {
		if (failure instanceof OrmException orm) {
			return orm;
		}
		String redisMessage = redisMessage(failure);
		String code = (redisMessage != null) ? firstWord(redisMessage) : null;
		OrmErrorCode mapped = classify(failure, code);
		String message = "Redis " + describe(mapped) + ": "
				+ ((redisMessage != null) ? redisMessage : String.valueOf(deepestMessage(failure)));
		return OrmException.builder(mapped, message)
			.cause(failure)
			.backend(KIND, KIND)
			.model(model)
			.retryable(mapped.retryable())
			.originalCode(code)
			.build();
	}

	private static OrmErrorCode classify(Throwable failure, @Nullable String code) {
		if (code != null) {
			switch (code) {
				case "READONLY", "MOVED", "ASK", "CLUSTERDOWN", "TRYAGAIN", "OOM", "LOADING", "MASTERDOWN",
						"NOREPLICAS", "BUSY" -> {
					return OrmErrorCode.CONNECTION_FAILURE;
				}
				default -> {
					return OrmErrorCode.UNSUPPORTED_OPERATION;
				}
			}
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String name = t.getClass().getSimpleName();
			if (t instanceof QueryTimeoutException || t instanceof SocketTimeoutException
					|| t instanceof TimeoutException || name.contains("Timeout")) {
				return OrmErrorCode.TIMEOUT;
			}
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof RedisConnectionFailureException || t instanceof ConnectException
					|| t.getClass().getSimpleName().contains("Connection")) {
				return OrmErrorCode.CONNECTION_FAILURE;
			}
		}
		return OrmErrorCode.CONNECTION_FAILURE;
	}

	private static String describe(OrmErrorCode code) {
		return switch (code) {
			case TIMEOUT -> "call timed out";
			case UNSUPPORTED_OPERATION -> "refused the command";
			default -> "is unavailable";
		};
	}

	/** The error reply of the server somewhere in the cause chain, as {@code READONLY You can't write...}. */
	static @Nullable String redisMessage(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t.getMessage() != null && isServerReply(t.getClass())) {
				return t.getMessage();
			}
		}
		return null;
	}

	/** Whether the exception type is a client's "the server answered with an error" (or a subtype of it). */
	private static boolean isServerReply(Class<?> type) {
		for (Class<?> c = type; c != null; c = c.getSuperclass()) {
			String name = c.getName();
			if (name.equals("io.lettuce.core.RedisCommandExecutionException")
					|| name.equals("redis.clients.jedis.exceptions.JedisDataException")) {
				return true;
			}
		}
		return false;
	}

	private static String firstWord(String message) {
		int end = 0;
		while (end < message.length() && !Character.isWhitespace(message.charAt(end))) {
			end++;
		}
		String word = message.substring(0, end);
		return word.equals(word.toUpperCase(Locale.ROOT)) ? word : "ERR";
	}

	private static @Nullable String deepestMessage(Throwable failure) {
		String message = failure.getMessage();
		for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
			if (t.getMessage() != null) {
				message = t.getMessage();
			}
		}
		return message;
	}

	/** Whether the failure says the server does not know a script's SHA. */
	static boolean isNoScript(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t.getClass().getSimpleName().contains("NoScript")
					|| (t.getMessage() != null && t.getMessage().startsWith("NOSCRIPT"))) {
				return true;
			}
		}
		return false;
	}

}
