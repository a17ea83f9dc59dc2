package dev.farminglabs.orm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.OrmOptions;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.client.TransactionOptions;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.spi.Driver;

/** The {@link OrmClient}: model clients over a driver, created once per model and result type. */
public final class DefaultOrmClient implements OrmClient {

	private final SchemaRuntime runtime;

	private final Driver driver;

	private final OrmOptions options;

	private final String runtimeLabel;

	private final Map<String, ModelOperations> operations = new ConcurrentHashMap<>();

	private final Map<String, Map<Class<?>, ModelClient<?>>> clients = new ConcurrentHashMap<>();

	public DefaultOrmClient(FrameworkSchema schema, Driver driver, OrmOptions options) {
		this(new SchemaRuntime(schema, driver.handle().capabilities(), options.clock()), withTimeout(driver, options),
				options);
	}

	private static Driver withTimeout(Driver driver, OrmOptions options) {
		return (options.operationTimeout() != null) ? driver.withOperationTimeout(options.operationTimeout()) : driver;
	}

	private DefaultOrmClient(SchemaRuntime runtime, Driver driver, OrmOptions options) {
		this.runtime = runtime;
		this.driver = driver;
		this.options = options;
		this.runtimeLabel = RuntimeConnector.label(driver);
	}

	@Override
	public FrameworkSchema schema() {
		return this.runtime.schema();
	}

	@Override
	public ModelClient<Row> model(String name) {
		return model(name, Row.class);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> ModelClient<T> model(String name, Class<T> type) {
		ModelRuntime model = this.runtime.model(name);
		if (type == null) {
			throw OrmException.validation(name, null, "Model '" + name + "': the result type must not be null");
		}
		return (ModelClient<T>) this.clients.computeIfAbsent(name, (n) -> new ConcurrentHashMap<>())
			.computeIfAbsent(type, (t) -> {
				ModelOperations ops = this.operations.computeIfAbsent(name,
						(n) -> new ModelOperations(this.runtime, model, this.driver));
				Function<Row, T> mapper = (type == Row.class) ? (row) -> (T) row : (row) -> row.as(type);
				return new DefaultModelClient<>(schema().name(), name, this.runtimeLabel, ops, mapper,
						this.options.observer());
			});
	}

	@Override
	public DriverHandle driver() {
		return this.driver.handle();
	}

	@Override
	public <R> R transaction(Function<OrmClient, R> work) {
		return transaction(TransactionOptions.defaults(), work);
	}

	@Override
	public <R> R transaction(TransactionOptions options, Function<OrmClient, R> work) {
		if (options == null || work == null) {
			throw OrmException.validation(null, null, "transaction needs " + ((options == null) ? "options"
					: "work") + " (TransactionOptions.defaults() for the backend's defaults)");
		}
		if (!this.driver.handle().capabilities().supportsTransactions()) {
			throw OrmException.unsupported(null,
					"This backend has no transactions (capabilities: supportsTransactions=false)");
		}
		if (options.isolation() == null) {
			return this.driver.transaction((tx) -> work.apply(new DefaultOrmClient(this.runtime, tx, this.options)));
		}
		if (!this.driver.handle().capabilities().supportsIsolationLevels()) {
			throw OrmException.unsupported(null, "This backend cannot run a transaction at isolation "
					+ options.isolation() + " (capabilities: supportsIsolationLevels=false)");
		}
		return this.driver.transaction(options,
				(tx) -> work.apply(new DefaultOrmClient(this.runtime, tx, this.options)));
	}

	@Override
	public <R> List<R> batch(List<? extends Function<OrmClient, ? extends R>> operations) {
		if (operations == null || operations.stream().anyMatch(java.util.Objects::isNull)) {
			throw OrmException.validation(null, null, "batch needs a list of operations without nulls");
		}
		Function<OrmClient, List<R>> all = (client) -> {
			List<R> results = new ArrayList<>(operations.size());
			for (Function<OrmClient, ? extends R> operation : operations) {
				results.add(operation.apply(client));
			}
			return results;
		};
		return this.driver.handle().capabilities().supportsTransactions() ? transaction(all) : all.apply(this);
	}

	@Override
	public String toString() {
		return "OrmClient[" + schema().name() + " on " + this.runtimeLabel + "]";
	}

}
