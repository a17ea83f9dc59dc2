package dev.farminglabs.orm.client;

/**
 * The SQL standard's isolation levels a transaction can ask for with {@link TransactionOptions#isolation}. A backend
 * runs the transaction at that level or a stronger one (the standard allows it: PostgreSQL runs
 * {@code READ_UNCOMMITTED} as {@code READ_COMMITTED}, SQLite and the memory runtime run every transaction
 * serializably).
 */
public enum IsolationLevel {

	/** Reads may see uncommitted writes of other transactions. */
	READ_UNCOMMITTED,

	/** Every statement sees only committed data; two reads of a row may differ. */
	READ_COMMITTED,

	/** Rows read once read the same again within the transaction. */
	REPEATABLE_READ,

	/**
	 * The transaction behaves as if run alone; one that cannot be ordered with concurrent ones fails with
	 * {@code TRANSACTION_CONFLICT} (or {@code DEADLOCK}), both retryable: run the whole transaction again.
	 */
	SERIALIZABLE

}
