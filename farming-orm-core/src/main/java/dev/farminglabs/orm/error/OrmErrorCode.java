package dev.farminglabs.orm.error;

/**
 * The normalised error codes every driver maps its backend's errors to, so framework code can branch on one set of
 * codes whatever database the application runs.
 */
public enum OrmErrorCode {

	/** A write would duplicate the value of a unique field or compound unique key. */
	UNIQUE_CONSTRAINT_VIOLATION(false),

	/** A write references a row that does not exist, or a delete would orphan one. */
	FOREIGN_KEY_VIOLATION(false),

	/** The table or collection of a model does not exist: the schema has not been pushed. */
	MISSING_TABLE(false),

	/** The schema namespace of a model's table does not exist. */
	MISSING_SCHEMA(false),

	/** A concurrent transaction conflicted with this one; retrying the transaction may succeed. */
	TRANSACTION_CONFLICT(true),

	/** The backend broke a deadlock by aborting this transaction; retrying may succeed. */
	DEADLOCK(true),

	/** A required column received no value at the backend. */
	NOT_NULL_VIOLATION(false),

	/** The input was rejected before it reached the backend: unknown model or field, wrong type, bad query shape. */
	VALIDATION_ERROR(false),

	/**
	 * The backend could not be reached or the connection broke (refused, reset, ended by a restart or failover). The
	 * message keeps the backend's reason (refused, authentication, bad URL); authentication failures are not
	 * retryable.
	 */
	CONNECTION_FAILURE(true),

	/** The backend did not answer within the operation timeout (or a lock wait timed out). */
	TIMEOUT(true),

	/** The backend cannot do what was asked; its capabilities say so. */
	UNSUPPORTED_OPERATION(false),

	/**
	 * The database user lacks a privilege the operation needs (PostgreSQL {@code 42501}, MySQL/MariaDB {@code 1142},
	 * {@code 1044}, H2 {@code 90096}); retrying does not help until the grants change.
	 */
	PERMISSION_DENIED(false),

	/**
	 * A backend error no other code describes. Not retryable: retry logic should not guess. The backend's code is in
	 * {@link OrmException#originalCode()} and its exception is the cause.
	 */
	UNKNOWN(false),

	/**
	 * The surrounding transaction was already aborted by an earlier failure outside this client (PostgreSQL SQLSTATE
	 * {@code 25P02}): nothing more runs in it and nothing of it commits; roll it back and run it again whole.
	 */
	TRANSACTION_ABORTED(false);

	private final boolean retryable;

	OrmErrorCode(boolean retryable) {
		this.retryable = retryable;
	}

	/** Whether an operation that failed with this code may succeed when retried unchanged. */
	public boolean retryable() {
		return this.retryable;
	}

}
