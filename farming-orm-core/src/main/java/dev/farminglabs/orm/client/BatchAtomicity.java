package dev.farminglabs.orm.client;

/**
 * What {@link ModelClient#createMany(java.util.List, BatchAtomicity)} may do with more rows than the backend can write
 * all or nothing (its {@code maxAtomicWrites} capability).
 */
public enum BatchAtomicity {

	/**
	 * All rows or none: more rows than {@code maxAtomicWrites} fail up front with {@code UNSUPPORTED_OPERATION},
	 * before anything is written. The default.
	 */
	ALL_OR_NOTHING,

	/**
	 * Written in chunks of at most {@code maxAtomicWrites} rows, each all or nothing. When a chunk fails, the
	 * {@code OrmException} lists the ids of the rows the earlier chunks wrote in {@code writtenIds()}.
	 */
	IN_CHUNKS

}
