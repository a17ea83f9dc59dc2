package dev.farminglabs.orm.setup;

/** The kinds of change a push makes; none of them drops or rewrites data. */
public enum SetupActionType {

	/** Creates a schema namespace. */
	CREATE_NAMESPACE,

	/** Creates a table or collection. */
	CREATE_TABLE,

	/** Adds a missing column (nullable or with a default) to an existing table. */
	ADD_COLUMN,

	/** Creates a unique constraint or unique index. */
	CREATE_UNIQUE,

	/** Creates a non-unique index. */
	CREATE_INDEX,

	/** Turns on native expiry for a model's expiry field (a TTL attribute or index). */
	ENABLE_EXPIRY,

	/** Records the schema version pushed, on a store without a catalog to inspect. */
	RECORD_VERSION,

	/** Anything else a backend needs (a sequence adjustment). */
	OTHER

}
