package dev.farminglabs.orm.capability;

/** How a backend performs {@code upsert}. */
public enum UpsertSupport {

	/** Not available: {@code upsert} fails with {@code UNSUPPORTED_OPERATION}. */
	NONE,

	/** Emulated with a read and a conditional write; still atomic per key where the driver says so. */
	EMULATED,

	/** One native statement or command. */
	NATIVE

}
