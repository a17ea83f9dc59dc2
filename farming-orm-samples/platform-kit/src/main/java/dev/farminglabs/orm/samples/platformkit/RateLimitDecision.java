package dev.farminglabs.orm.samples.platformkit;

import java.time.Duration;

/**
 * The answer of a rate-limit check.
 *
 * @param key the bucket's key
 * @param allowed whether the request may go ahead (it took a token)
 * @param remaining the tokens left after this request
 * @param capacity the bucket's size
 * @param retryAfter when {@code allowed} is false, how long until a token is back; zero otherwise
 */
public record RateLimitDecision(String key, boolean allowed, long remaining, long capacity, Duration retryAfter) {
}
