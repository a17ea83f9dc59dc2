package dev.farminglabs.orm.client;

import java.util.List;
import java.util.function.Function;

import dev.farminglabs.orm.schema.FrameworkSchema;

/**
 * The client a framework writes its store against, bound to one {@link FrameworkSchema} and one runtime. Immutable
 * and thread-safe (a Spring singleton); the client a transaction passes in is confined to that transaction.
 */
public interface OrmClient {

	/** The schema this client serves. */
	FrameworkSchema schema();

	/** The operations on a model, with {@link Row} results. */
	ModelClient<Row> model(String name);

	/** The operations on a model, with results mapped to a record or POJO by Jackson. */
	<T> ModelClient<T> model(String name, Class<T> type);

	/** The runtime this client runs on and its capabilities. */
	DriverHandle driver();

	/**
	 * Runs work in one transaction: committed when it returns, rolled back when it throws. Nested calls use
	 * savepoints. Fails with {@code UNSUPPORTED_OPERATION} when the backend has no transactions. The work runs
	 * exactly once, on every backend: it is never re-run on a conflict (which fails with a retryable
	 * {@code TRANSACTION_CONFLICT} for the caller to retry), so it may have effects outside the database.
	 */
	<R> R transaction(Function<OrmClient, R> work);

	/**
	 * Runs work in one transaction with these options, as
	 * {@code orm.transaction(TransactionOptions.isolation(IsolationLevel.SERIALIZABLE), tx -> ...)}. An isolation level
	 * needs {@code Capabilities.supportsIsolationLevels()} ({@code UNSUPPORTED_OPERATION} otherwise); a transaction
	 * that loses to a concurrent one fails with {@code TRANSACTION_CONFLICT} or {@code DEADLOCK}, both retryable: run
	 * the whole work again.
	 */
	default <R> R transaction(TransactionOptions options, Function<OrmClient, R> work) {
		if (options.isolation() != null) {
			throw dev.farminglabs.orm.error.OrmException.unsupported(null,
					"This client cannot run a transaction at an isolation level");
		}
		return transaction(work);
	}

	/**
	 * Runs operations in order, in one transaction where the backend has them (otherwise one after another), and
	 * returns their results in order.
	 */
	<R> List<R> batch(List<? extends Function<OrmClient, ? extends R>> operations);

}
