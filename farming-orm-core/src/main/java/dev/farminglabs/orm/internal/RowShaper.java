package dev.farminglabs.orm.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.schema.FieldDefinition;
import org.jspecify.annotations.Nullable;

/** Builds result {@link Row}s holding exactly the selected fields and relations. */
final class RowShaper {

	private RowShaper() {
	}

	static Row shape(Map<String, @Nullable Object> stored, List<FieldDefinition> shown,
			Map<String, @Nullable Object> relations) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		for (FieldDefinition field : shown) {
			values.put(field.name(), stored.get(field.name()));
		}
		values.putAll(relations);
		return Row.of(values);
	}

	static Row all(Map<String, @Nullable Object> stored, List<FieldDefinition> fields) {
		return shape(stored, fields, Map.of());
	}

}
