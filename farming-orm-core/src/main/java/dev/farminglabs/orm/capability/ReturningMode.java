package dev.farminglabs.orm.capability;

/** How a backend gives back the rows a write touched. */
public enum ReturningMode {

	/** In the same statement (SQL {@code RETURNING}, Mongo {@code findAndModify}). */
	NATIVE,

	/** With a follow-up read by key inside the same transaction or lock. */
	REFETCH,

	/** The written row is reconstructed from the input and the generated values. */
	RECONSTRUCTED

}
