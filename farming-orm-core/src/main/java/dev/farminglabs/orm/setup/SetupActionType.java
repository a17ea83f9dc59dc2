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

	/** Anything else a backend needs (a TTL setting, a sequence adjustment). */
	OTHER

}
