package dev.farminglabs.orm.samples.platformkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.Update;
import dev.farminglabs.orm.query.Where;

/**
 * Token buckets in the {@code rateLimitBucket} model, safe when several application instances check the same key at
 * once. Between refills a token is taken by an atomic decrement ({@code Update.decrement(1)}) of a bucket that still
 * holds one and has not been refilled since it was read, so concurrent requests on one key do not make each other
 * retry; a refill (which sets the count) is a compare-and-set update (the row changes only if nobody changed it since
 * it was read). Both run atomically on every backend, and a lost race is simply read again. On a backend without
 * atomic updates ({@code supportsAtomicUpdates=false}) every take is a compare-and-set.
 *
 * <p>
 * A check reads the bucket and writes it once. How a missing bucket is created depends on the backend's capabilities:
 * where it has an upsert, one call creates it or, when another instance was quicker, returns theirs; where it has
 * none, the kit creates it and treats a unique-key violation as "another instance created it first".
 */
final class RateLimiter {

	/** Compare-and-set attempts before giving up; each lost attempt means another request took a token. */
	private static final int MAX_ATTEMPTS = 32;

	private final OrmClient orm;

	private final Clock clock;

	RateLimiter(OrmClient orm, Clock clock) {
		this.orm = orm;
		this.clock = clock;
	}

	RateLimitDecision check(String key, RateLimitPolicy policy) {
		ModelClient<RateLimitBucket> buckets = this.orm.model("rateLimitBucket", RateLimitBucket.class);
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Instant now = this.clock.instant();
			RateLimitBucket bucket = findOrCreate(buckets, key, policy, now);
			Refill refill = Refill.of(bucket, policy, now);
			if (refill.tokens() == 0) {
				Duration wait = Duration.between(now, refill.refilledAt().plus(policy.refillInterval()));
				return new RateLimitDecision(key, false, 0, policy.capacity(), wholeMillisAtLeast(wait));
			}
			if (refill.tokens() == bucket.tokens() && refill.refilledAt().equals(bucket.refilledAt())
					&& this.orm.driver().capabilities().supportsAtomicUpdates()) {
				// No refill due: take a token from whatever the bucket holds now, if it still holds one.
				Optional<RateLimitBucket> took = buckets.update((u) -> u.where("key", key)
					.where("refilledAt", bucket.refilledAt())
					.where("tokens", Where.gt(0))
					.data(Data.of("tokens", Update.decrement(1), "expiresAt", now.plus(policy.window()))));
				if (took.isPresent()) {
					return new RateLimitDecision(key, true, took.get().tokens(), policy.capacity(), Duration.ZERO);
				}
				continue;
			}
			long taken = buckets.updateMany((u) -> u.where("key", key)
				.where("tokens", bucket.tokens())
				.where("refilledAt", bucket.refilledAt())
				.data(Data.of("tokens", refill.tokens() - 1, "capacity", policy.capacity(), "refilledAt",
						refill.refilledAt(), "expiresAt", now.plus(policy.window()))));
			if (taken == 1) {
				return new RateLimitDecision(key, true, refill.tokens() - 1, policy.capacity(), Duration.ZERO);
			}
		}
		throw new IllegalStateException("The rate-limit bucket '" + key + "' changed under " + MAX_ATTEMPTS
				+ " attempts in a row; too many concurrent requests on one key.");
	}

	private RateLimitBucket findOrCreate(ModelClient<RateLimitBucket> buckets, String key, RateLimitPolicy policy,
			Instant now) {
		Optional<RateLimitBucket> existing = buckets.findUnique((q) -> q.where("key", key));
		if (existing.isPresent()) {
			return existing.get();
		}
		Map<String, Object> full = Data.of("key", key, "tokens", policy.capacity(), "capacity", policy.capacity(),
				"refilledAt", now, "expiresAt", now.plus(policy.window()));
		if (this.orm.driver().capabilities().upsert() != UpsertSupport.NONE) {
			return buckets.upsert((u) -> u.where("key", key).create(full).update(Data.of("capacity", policy.capacity())));
		}
		try {
			return buckets.create(full);
		}
		catch (OrmException ex) {
			if (ex.code() != OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION) {
				throw ex;
			}
			return buckets.findUnique((q) -> q.where("key", key)).orElseThrow(() -> ex);
		}
	}

	/** A wait in whole milliseconds, rounded up, so that retrying after it is never too early. */
	private static Duration wholeMillisAtLeast(Duration wait) {
		if (wait.isNegative() || wait.isZero()) {
			return Duration.ZERO;
		}
		Duration millis = wait.truncatedTo(ChronoUnit.MILLIS);
		return millis.equals(wait) ? millis : millis.plusMillis(1);
	}

	/** The tokens a bucket holds now, and the time its refill has been counted up to. */
	private record Refill(long tokens, Instant refilledAt) {

		static Refill of(RateLimitBucket bucket, RateLimitPolicy policy, Instant now) {
			long intervalNanos = policy.refillInterval().toNanos();
			long elapsedNanos = Math.max(0, Duration.between(bucket.refilledAt(), now).toNanos());
			long earned = elapsedNanos / intervalNanos;
			long tokens = Math.min(policy.capacity(), bucket.tokens() + earned);
			if (tokens == policy.capacity()) {
				return new Refill(tokens, now);
			}
			return new Refill(tokens, bucket.refilledAt().plusNanos(earned * intervalNanos));
		}

	}

	/**
	 * A bucket as stored.
	 *
	 * @param id the generated id
	 * @param key the bucket's key, unique
	 * @param tokens the tokens left at {@code refilledAt}
	 * @param capacity the bucket's size when it was last written
	 * @param refilledAt the time the refill has been counted up to
	 * @param expiresAt when an idle bucket is full again and may be dropped
	 */
	record RateLimitBucket(String id, String key, long tokens, long capacity, Instant refilledAt,
			Instant expiresAt) {
	}

}
