package dev.farminglabs.orm.client;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.farminglabs.orm.query.CreateQuery;
import dev.farminglabs.orm.query.FindQuery;
import dev.farminglabs.orm.query.Selection;
import dev.farminglabs.orm.query.UpdateQuery;
import dev.farminglabs.orm.query.UpsertQuery;
import dev.farminglabs.orm.query.WhereQuery;

/**
 * The operations on one model, the same on every backend: the twelve methods of the TypeScript original plus
 * {@link #stream}. Results are {@link Row}s or, for {@code orm.model(name, Type.class)}, records/POJOs mapped with
 * Jackson. Immutable and thread-safe; bad input fails with {@code VALIDATION_ERROR} before reaching the backend.
 *
 * @param <T> the result type
 */
public interface ModelClient<T> {

	/** The model name. */
	String name();

	/** Every row, in id order. */
	default List<T> findMany() {
		return findMany((q) -> {
		});
	}

	/** The rows matching the query, ordered by its order (ties broken by id), paged by take/skip. */
	List<T> findMany(Consumer<FindQuery> query);

	/** The first row matching the query, if any. */
	Optional<T> findOne(Consumer<FindQuery> query);

	/** The first row matching the query in its order, if any. */
	Optional<T> findFirst(Consumer<FindQuery> query);

	/** The row with exactly one unique key given in the where (flat, or named as {@code namespace_key}). */
	Optional<T> findUnique(Consumer<FindQuery> query);

	/** The rows matching the query, read lazily; close the stream (try-with-resources) to free the cursor. */
	Stream<T> stream(Consumer<FindQuery> query);

	/** Every row. */
	default long count() {
		return count((q) -> {
		});
	}

	/** The number of rows matching the where. */
	long count(Consumer<WhereQuery> query);

	/** Creates a row from a {@code Map} (null values allowed) or a record/POJO; returns it as stored. */
	T create(Object data);

	/**
	 * Creates a row and returns it shaped by {@code select} (fields and relations, as upstream's {@code select} on
	 * {@code create}).
	 */
	T create(Object data, Consumer<Selection> select);

	/** Creates a row in upstream's shape, {@code create(c -> c.data(...).select(...))}; returns it as selected. */
	T create(Consumer<CreateQuery> query);

	/**
	 * Creates rows all or nothing; returns them as stored, in order. More rows than the backend can write atomically
	 * (its {@code maxAtomicWrites}) fail up front with {@code UNSUPPORTED_OPERATION}.
	 */
	default List<T> createMany(List<?> data) {
		return createMany(data, BatchAtomicity.ALL_OR_NOTHING);
	}

	/**
	 * Creates rows, all or nothing or, with {@link BatchAtomicity#IN_CHUNKS}, in atomic chunks of the backend's
	 * {@code maxAtomicWrites} with the rows already written reported on failure ({@code OrmException.writtenIds()}).
	 */
	List<T> createMany(List<?> data, BatchAtomicity atomicity);

	/** Changes the first matching row in id order; returns it after the change, or empty when none matched. */
	Optional<T> update(Consumer<UpdateQuery> query);

	/** Changes every matching row; returns how many matched. A where is required ({@code Where.all()} for all). */
	long updateMany(Consumer<UpdateQuery> query);

	/** Creates the row with the where's unique key, or updates it when it exists; returns it as stored. */
	T upsert(Consumer<UpsertQuery> query);

	/** Deletes the first matching row in id order; returns it, or empty when none matched. */
	Optional<T> delete(Consumer<WhereQuery> query);

	/** Deletes the first matching row in id order; returns it shaped by {@code select}, or empty when none matched. */
	Optional<T> delete(Consumer<WhereQuery> query, Consumer<Selection> select);

	/** Deletes every matching row; returns how many. A where is required ({@code Where.all()} for all). */
	long deleteMany(Consumer<WhereQuery> query);

}
