package dev.farminglabs.orm.benchmarks;

/**
 * One library's way of doing the seven measured operations on the {@code cache_entries} table. Each returns what
 * the library hands a caller (a record, an entity, a count), so the benchmark consumes the whole result.
 */
interface Contender {

	/** The row of the seeded namespace with this key, by the compound unique key. */
	Object findUnique(String key);

	/** The first {@link Workload#PAGE} rows of the seeded namespace ordered by key. */
	Object findMany();

	/** Inserts a new row and returns it. */
	Object create(String key);

	/** Changes the value and {@code updatedAt} of the seeded row with this key and returns it. */
	Object update(String key);

	/** Creates or updates the row with this key (an existing seeded key: the update path) and returns it. */
	Object upsert(String key);

	/** Inserts {@link Workload#BATCH} new rows whose keys start with this prefix, atomically. */
	Object createMany(String keyPrefix);

	/** Counts the rows of the seeded namespace. */
	long count();

}
