package dev.farminglabs.orm.client;

import java.util.function.Supplier;

/**
 * Wraps every model operation, so metrics and traces can be added without touching store code (the Spring Boot
 * starter plugs Micrometer's {@code Observation} in here). Must call the operation exactly once and return its result.
 */
@FunctionalInterface
public interface OperationObserver {

	/** Does nothing but run the operation. */
	OperationObserver NONE = new OperationObserver() {
		@Override
		public <R> R observe(OperationContext context, Supplier<R> operation) {
			return operation.get();
		}
	};

	/** Runs the operation, observing it. Exceptions propagate unchanged. */
	<R> R observe(OperationContext context, Supplier<R> operation);

	/**
	 * What is being run; every value is low-cardinality.
	 *
	 * @param schema the schema name
	 * @param model the model name
	 * @param operation the method, as {@code findUnique}
	 * @param runtime the runtime, as {@code jdbc/postgresql}
	 */
	record OperationContext(String schema, String model, String operation, String runtime) {
	}

}
