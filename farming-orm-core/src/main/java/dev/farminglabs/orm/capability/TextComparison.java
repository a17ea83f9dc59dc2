package dev.farminglabs.orm.capability;

/** How string equality and ordering behave on a backend. */
public enum TextComparison {

	/** Byte or code-point comparison: {@code "a" != "A"}. */
	CASE_SENSITIVE,

	/** The backend's collation ignores case by default. */
	CASE_INSENSITIVE,

	/**
	 * Equality and order follow the database's default collation, which the driver does not know (the ANSI
	 * fallback): code-point order, and telling {@code "a"} from {@code "a "}, are not promised.
	 */
	COLLATION_DEFINED

}
