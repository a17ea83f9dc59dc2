package dev.farminglabs.orm.capability;

/** How string equality and ordering behave on a backend. */
public enum TextComparison {

	/** Byte or code-point comparison: {@code "a" != "A"}. */
	CASE_SENSITIVE,

	/** The backend's collation ignores case by default. */
	CASE_INSENSITIVE

}
