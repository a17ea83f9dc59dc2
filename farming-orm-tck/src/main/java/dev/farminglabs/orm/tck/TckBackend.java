package dev.farminglabs.orm.tck;

/**
 * How the suite reaches a backend: a raw client (a {@code DataSource}, {@code MongoTemplate}, ...) on empty storage
 * that no other test sees. Called before every test; the suite pushes {@link TckSchema#SCHEMA} itself.
 */
@FunctionalInterface
public interface TckBackend {

	/** A raw client on fresh, empty, isolated storage. */
	Object newRuntime();

	/** Frees what {@link #newRuntime()} made, after the test. */
	default void release(Object runtime) {
	}

}
