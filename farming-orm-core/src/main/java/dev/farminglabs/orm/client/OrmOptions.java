package dev.farminglabs.orm.client;

import java.util.Objects;

/**
 * Options of a client beyond its schema and runtime.
 *
 * @param observer wraps every model operation (metrics, traces); {@link OperationObserver#NONE} by default
 */
public record OrmOptions(OperationObserver observer) {

	public OrmOptions {
		Objects.requireNonNull(observer, "observer");
	}

	/** No observer. */
	public static OrmOptions defaults() {
		return new OrmOptions(OperationObserver.NONE);
	}

}
