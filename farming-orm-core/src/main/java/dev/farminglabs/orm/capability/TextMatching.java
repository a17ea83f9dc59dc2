package dev.farminglabs.orm.capability;

/** Whether a backend evaluates {@code contains}, {@code startsWith} and {@code endsWith}. */
public enum TextMatching {

	/** Not available: such filters fail with {@code UNSUPPORTED_OPERATION}. */
	NONE,

	/** Evaluated by the backend (or exactly by the driver), case-sensitively. */
	CASE_SENSITIVE,

	/** Evaluated by the backend, ignoring case (its collation decides). */
	CASE_INSENSITIVE

}
