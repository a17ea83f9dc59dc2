package dev.farminglabs.orm.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.client.TransactionOptions;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * What a backend implements. The client validates and normalises everything first, so a driver receives only known
 * models and fields, canonical values, complete rows for inserts, and operations its {@code Capabilities} declare.
 * Rows are maps from field name (not column) to canonical value; rows returned contain every field of the model.
 * A driver translates its backend's errors into {@code OrmException}s. Implementations are thread-safe; the driver a
 * {@link #transaction} passes in is confined to that transaction.
 */
public interface Driver {

	/** The runtime kind, dialect, server version and capabilities. */
	DriverHandle handle();

	/** The rows matching the query, sorted and paged. */
	List<Map<String, @Nullable Object>> find(ModelDefinition model, ReadQuery query);

	/** The rows matching the query, read lazily; the caller closes the stream. */
	default Stream<Map<String, @Nullable Object>> stream(ModelDefinition model, ReadQuery query) {
		return find(model, query).stream();
	}

	/**
	 * The rows matching the query, sorted and paged as {@link #find} does, each with the rows of the given relations,
	 * loaded natively (by a join) in one round trip. Empty when the driver does not load relations itself; the client
	 * then loads them with follow-up queries. Only called when the capabilities declare {@code nativeRelationLoading}
	 * and no relation has a filter, order, paging or relations of its own.
	 */
	default Optional<List<JoinedRow>> findJoined(ModelDefinition model, ReadQuery query,
			List<JoinedRelation> relations) {
		return Optional.empty();
	}

	/** The number of rows matching. */
	long count(ModelDefinition model, Criteria where);

	/**
	 * Inserts a complete row (every field present, null where absent, the id absent only when the backend generates
	 * it) and returns it as stored.
	 */
	Map<String, @Nullable Object> insert(ModelDefinition model, Map<String, @Nullable Object> row);

	/**
	 * Inserts complete rows, in batches where the backend can. The client calls it inside a transaction when the
	 * backend has them, so a failure leaves nothing behind.
	 */
	default List<Map<String, @Nullable Object>> insertAll(ModelDefinition model,
			List<Map<String, @Nullable Object>> rows) {
		List<Map<String, @Nullable Object>> stored = new ArrayList<>(rows.size());
		for (Map<String, @Nullable Object> row : rows) {
			stored.add(insert(model, row));
		}
		return stored;
	}

	/**
	 * Applies changes to the first matching row in id order; returns that row after the change. A change may be an
	 * {@link Arithmetic} instead of a value, to apply to the stored value atomically.
	 */
	Optional<Map<String, @Nullable Object>> updateFirst(ModelDefinition model, Criteria where,
			Map<String, @Nullable Object> changes);

	/** Applies changes to every matching row; returns how many matched. */
	long updateAll(ModelDefinition model, Criteria where, Map<String, @Nullable Object> changes);

	/**
	 * Inserts {@code create} unless a row with the same values of {@code key} exists, in which case applies
	 * {@code changes} to it; atomically with respect to concurrent upserts of the same key. Returns the row as stored.
	 */
	Map<String, @Nullable Object> upsert(ModelDefinition model, UniqueConstraint key,
			Map<String, @Nullable Object> create, Map<String, @Nullable Object> changes);

	/**
	 * Upserts as {@link #upsert(ModelDefinition, UniqueConstraint, Map, Map)} does, after deleting the rows
	 * {@code expiredHolders} matches: expired rows (of a model with an expiry field) that hold a unique value of
	 * {@code create}, so that the create reuses the value as it would on a backend that has already removed them. The
	 * default deletes, then upserts; a driver may send both at once.
	 */
	default Map<String, @Nullable Object> upsert(ModelDefinition model, UniqueConstraint key,
			Map<String, @Nullable Object> create, Map<String, @Nullable Object> changes, Criteria expiredHolders) {
		deleteAll(model, expiredHolders);
		return upsert(model, key, create, changes);
	}

	/**
	 * Whether the client may delete expired rows holding a unique value of rows it creates only when a create fails on
	 * a taken value (and then create again), instead of before every create: when nothing expired holds one, as is
	 * usual, the create then costs no delete. Only for a driver whose {@link #insert} and {@link #insertAll} report a
	 * taken value as {@code UNIQUE_CONSTRAINT_VIOLATION} and, when they fail, leave nothing written and the current
	 * transaction usable (the client calls {@code insertAll} inside its own transaction and tries again there). The
	 * default, {@code false}, deletes them before every create.
	 */
	default boolean clearsExpiredHoldersOnConflict() {
		return false;
	}

	/** Deletes the first matching row in id order; returns it. */
	Optional<Map<String, @Nullable Object>> deleteFirst(ModelDefinition model, Criteria where);

	/** Deletes every matching row; returns how many. */
	long deleteAll(ModelDefinition model, Criteria where);

	/**
	 * Runs work in a transaction (a savepoint when already in one): committed when it returns, rolled back when it
	 * throws. Only called when the capabilities declare transactions. The work runs once: a driver never re-runs it
	 * (it may have effects outside the database), so a conflict reaches the caller as a retryable
	 * {@code TRANSACTION_CONFLICT}; only a commit whose outcome is unknown may be retried.
	 */
	<R> R transaction(Function<Driver, R> work);

	/**
	 * Runs work in a transaction with these options: at the isolation level asked for or a stronger one. Only called
	 * with an isolation level when the capabilities declare {@code supportsIsolationLevels}. A serialization failure
	 * is a {@code TRANSACTION_CONFLICT} (retryable); asking a nested transaction for a stronger level than the
	 * enclosing one runs at is a {@code VALIDATION_ERROR}.
	 */
	default <R> R transaction(TransactionOptions options, Function<Driver, R> work) {
		if (options.isolation() != null) {
			throw OrmException.unsupported(null, "This driver cannot run a transaction at an isolation level");
		}
		return transaction(work);
	}

	/** Creates and inspects the backend's tables, collections and indexes. */
	SchemaManager schemaManager();

	/**
	 * This driver with every statement bounded by the timeout ({@code OrmOptions.operationTimeout}): a statement that
	 * takes longer fails with {@code TIMEOUT}, and a backend that stops answering cannot block a call for longer (give
	 * or take the time to detect it). The default returns this driver unchanged, for backends with nothing to wait on.
	 */
	default Driver withOperationTimeout(Duration timeout) {
		return this;
	}

}
