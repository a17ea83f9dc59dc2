package dev.farminglabs.orm.samples.platformkit.autoconfigure;

import java.time.Duration;

import dev.farminglabs.orm.samples.platformkit.RateLimitPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform kit, under {@code platform-kit}.
 *
 * @param rateLimit the token bucket an application applies to its callers by default
 */
@ConfigurationProperties("platform-kit")
public record PlatformKitProperties(@DefaultValue RateLimit rateLimit) {

	/**
	 * The default token bucket.
	 *
	 * @param capacity requests allowed at once
	 * @param window how long a full refill takes
	 */
	public record RateLimit(@DefaultValue("10") int capacity, @DefaultValue("1m") Duration window) {

		/** The policy these settings describe. */
		public RateLimitPolicy policy() {
			return new RateLimitPolicy(this.capacity, this.window);
		}

	}

}
