package dev.farminglabs.orm.samples.platformkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket: at most {@code capacity} requests at once, refilled evenly so that {@code capacity} more are
 * allowed per {@code window}.
 *
 * @param capacity the bucket's size, at least 1
 * @param window how long a full refill takes, positive
 */
public record RateLimitPolicy(int capacity, Duration window) {

	public RateLimitPolicy {
		Objects.requireNonNull(window, "window");
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		if (window.isNegative() || window.isZero() || window.toMillis() < capacity) {
			throw new IllegalArgumentException(
					"window must be at least one millisecond per token (" + capacity + " ms), was " + window);
		}
	}

	/** How long one token takes to come back. */
	Duration refillInterval() {
		return this.window.dividedBy(this.capacity);
	}

}
