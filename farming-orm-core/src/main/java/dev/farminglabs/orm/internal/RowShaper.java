package dev.farminglabs.orm.internal;

import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.schema.FieldDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Builds result {@link Row}s holding exactly the selected fields and relations: one copy of the driver's row, made
 * straight into the result.
 */
final class RowShaper {

	private RowShaper() {
	}

	static Row shape(Map<String, @Nullable Object> stored, List<FieldDefinition> shown,
			Map<String, @Nullable Object> relations) {
		Row.Builder row = Row.builder(shown.size() + relations.size());
		for (FieldDefinition field : shown) {
			String name = field.name();
			row.put(name, stored.get(name));
		}
		return row.putAll(relations).build();
	}

	static Row all(Map<String, @Nullable Object> stored, List<FieldDefinition> fields) {
		return shape(stored, fields, Map.of());
	}

}
