package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.client.OrmOptions;

/**
 * Adjusts the {@link OrmOptions} of every auto-configured client (observer, clock, codec settings: whatever
 * {@code OrmOptions} offers). Declare one or more as beans; they run in {@code @Order}, each on the previous one's
 * result, starting from the options the starter would use (its observation observer).
 */
@FunctionalInterface
public interface OrmOptionsCustomizer {

	/**
	 * Returns the options to use instead of {@code options}.
	 * @param options the options so far
	 * @return the options to use
	 */
	OrmOptions customize(OrmOptions options);

}
