package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;

/** Finds the {@link OrmException} in a chain of causes, to show its code. */
final class OrmErrors {

	private OrmErrors() {
	}

	static @Nullable OrmException find(@Nullable Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof OrmException orm) {
				return orm;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

}
