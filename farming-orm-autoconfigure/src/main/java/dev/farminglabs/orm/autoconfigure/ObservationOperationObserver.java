package dev.farminglabs.orm.autoconfigure;

import java.util.function.Supplier;

import dev.farminglabs.orm.client.OperationObserver;
import dev.farminglabs.orm.error.OrmException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Observes every model operation with a Micrometer {@link Observation} named {@code farming.orm.operation}, with
 * the low-cardinality tags {@code schema}, {@code model}, {@code operation}, {@code runtime} and {@code outcome}
 * ({@code SUCCESS}, or the {@code OrmErrorCode} / {@code ERROR}). The registry is looked up on first use, so the
 * order of auto-configurations does not matter; without one, operations run unobserved.
 */
public class ObservationOperationObserver implements OperationObserver {

	/** The observation name. */
	public static final String NAME = "farming.orm.operation";

	private final ObjectProvider<ObservationRegistry> registryProvider;

	private volatile ObservationRegistry registry;

	public ObservationOperationObserver(ObjectProvider<ObservationRegistry> registry) {
		this.registryProvider = registry;
	}

	@Override
	public <R> R observe(OperationContext context, Supplier<R> operation) {
		ObservationRegistry registry = registry();
		if (registry.isNoop()) {
			return operation.get();
		}
		Observation observation = Observation.createNotStarted(NAME, registry)
			.contextualName(context.model() + " " + context.operation())
			.lowCardinalityKeyValue("schema", context.schema())
			.lowCardinalityKeyValue("model", context.model())
			.lowCardinalityKeyValue("operation", context.operation())
			.lowCardinalityKeyValue("runtime", context.runtime())
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			R result = operation.get();
			observation.lowCardinalityKeyValue("outcome", "SUCCESS");
			return result;
		}
		catch (RuntimeException | Error ex) {
			observation.lowCardinalityKeyValue("outcome",
					(ex instanceof OrmException orm) ? orm.code().name() : "ERROR");
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private ObservationRegistry registry() {
		ObservationRegistry current = this.registry;
		if (current == null) {
			current = this.registryProvider.getIfAvailable(() -> ObservationRegistry.NOOP);
			this.registry = current;
		}
		return current;
	}

}
