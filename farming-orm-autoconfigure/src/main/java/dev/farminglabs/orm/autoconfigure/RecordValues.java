package dev.farminglabs.orm.autoconfigure;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Turns a record of values (as {@code Capabilities}) into a map for the endpoint: components in declaration
 * order, enums by their {@code name()} ({@code MICROS}, where Jackson 3 would write {@code ChronoUnit}'s
 * {@code toString()}, {@code Micros}), nested records as nested maps. Components added to the record later appear
 * without a change here.
 */
final class RecordValues {

	private RecordValues() {
	}

	static Map<String, Object> toMap(Record record) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			try {
				Object value = plain(component.getAccessor().invoke(record));
				if (value != null) {
					values.put(component.getName(), value);
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), ex);
			}
		}
		return values;
	}

	private static @Nullable Object plain(@Nullable Object value) {
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof Record nested) {
			return toMap(nested);
		}
		return value;
	}

}
