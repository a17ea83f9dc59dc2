package dev.farminglabs.orm.query;

import java.util.LinkedHashMap;
import java.util.Map;

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
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("Data.of needs pairs of field name and value, got "
					+ namesAndValues.length + " arguments");
		}
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (!(namesAndValues[i] instanceof String name)) {
				throw new IllegalArgumentException("Data.of argument " + i + " must be a field name, got "
						+ namesAndValues[i]);
			}
			data.put(name, namesAndValues[i + 1]);
		}
		return data;
	}

}
