package dev.farminglabs.orm.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;

/**
 * Checks of the arguments query builders receive: a null where a value is required is a {@code VALIDATION_ERROR}
 * (the client adds the model), never a {@code NullPointerException}.
 */
final class Arguments {

	private Arguments() {
	}

	static <T> T required(@Nullable T value, String what) {
		if (value == null) {
			throw OrmException.validation(null, null, what + " must not be null");
		}
		return value;
	}

	/** A copy of the array, checked for nulls. */
	static <T> List<T> noNulls(@Nullable T @Nullable [] values, String what) {
		required(values, what);
		return noNulls(Arrays.asList(values), what);
	}

	/** A copy of the collection, checked for nulls. */
	static <T> List<T> noNulls(@Nullable Collection<? extends @Nullable T> values, String what) {
		required(values, what);
		List<T> copy = new ArrayList<>(values.size());
		for (T value : values) {
			copy.add(required(value, what + " element"));
		}
		return List.copyOf(copy);
	}

}
