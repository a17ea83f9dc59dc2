package dev.farminglabs.orm.client;

import org.jspecify.annotations.Nullable;

/**
 * How {@link OrmClient#transaction(TransactionOptions, java.util.function.Function)} runs its work:
 * {@code orm.transaction(TransactionOptions.isolation(IsolationLevel.SERIALIZABLE), tx -> ...)}.
 *
 * @param isolation the isolation level to run at, or {@code null} for the backend's default
 */
public record TransactionOptions(@Nullable IsolationLevel isolation) {

	private static final TransactionOptions DEFAULTS = new TransactionOptions(null);

	/** The backend's defaults (what {@code orm.transaction(work)} uses). */
	public static TransactionOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * A transaction at this isolation level, or a stronger one where the backend has no such level. Needs
	 * {@code Capabilities.supportsIsolationLevels()}; a nested transaction cannot ask for a stronger level than the
	 * one it runs in ({@code VALIDATION_ERROR}).
	 */
	public static TransactionOptions isolation(IsolationLevel level) {
		return new TransactionOptions(java.util.Objects.requireNonNull(level, "level"));
	}

}
