package dev.farminglabs.orm.query;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.farminglabs.orm.codec.InputLimits;
import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;

/**
 * Write data as a map that, unlike {@code Map.of}, allows null values:
 * {@code Data.of("value", value, "expiresAt", null)}.
 */
public final class Data {

	private Data() {
	}

	/** A mutable, ordered map from alternating field names and values. */
	public static Map<String, @Nullable Object> of(@Nullable Object... namesAndValues) {
		if (namesAndValues == null || namesAndValues.length % 2 != 0) {
			throw OrmException.validation(null, null, "Data.of needs pairs of field name and value, got "
					+ ((namesAndValues != null) ? namesAndValues.length + " arguments" : "null"));
		}
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (!(namesAndValues[i] instanceof String name)) {
				throw OrmException.validation(null, null, "Data.of argument " + i + " must be a field name, got "
						+ InputLimits.describe(namesAndValues[i]));
			}
			data.put(name, namesAndValues[i + 1]);
		}
		return data;
	}

}
