package dev.farminglabs.orm.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.codec.UuidV7;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.IdStrategy;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Turns write data into what drivers receive: complete rows for creates (defaults applied, ids generated, nulls for
 * absent nullable fields) and checked changes for updates, all values canonical.
 */
final class RowWriter {

	private final ModelDefinition model;

	private final ValueNormalizer values;

	RowWriter(ModelDefinition model, ValueNormalizer values) {
		this.model = model;
		this.values = values;
	}

	/** A complete row; the id is absent only when the backend generates it. */
	Map<String, @Nullable Object> createRow(@Nullable Object data) {
		Map<String, @Nullable Object> input = checkedInput(data);
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (FieldDefinition field : this.model.fields()) {
			boolean given = input.containsKey(field.name());
			Object value = given ? normalize(field, input.get(field.name())) : null;
			if (value == null && !(given && field.nullable())) {
				// Absent, or null on a field that cannot hold null (as a record's null id): use the default.
				value = defaultFor(field);
			}
			if (value == null && field.isGeneratedByBackend()) {
				continue;
			}
			if (value == null && !field.nullable()) {
				missing.add(field.name());
				continue;
			}
			row.put(field.name(), value);
		}
		if (!missing.isEmpty()) {
			throw OrmException.builder(dev.farminglabs.orm.error.OrmErrorCode.VALIDATION_ERROR, "Model '"
					+ this.model.name() + "' create is missing required " + ((missing.size() == 1) ? "field " : "fields ")
					+ missing + " (not nullable, no default)")
				.model(this.model.name())
				.target(missing)
				.build();
		}
		return row;
	}

	/** Checked changes; the id cannot change and non-nullable fields cannot become null. */
	Map<String, @Nullable Object> changes(@Nullable Object data) {
		Map<String, @Nullable Object> input = checkedInput(data);
		Map<String, @Nullable Object> changes = new LinkedHashMap<>();
		for (Map.Entry<String, @Nullable Object> entry : input.entrySet()) {
			FieldDefinition field = this.model.field(entry.getKey());
			Object value = normalize(field, entry.getValue());
			if (field.isId()) {
				throw OrmException.validation(this.model.name(), field.name(),
						"Model '" + this.model.name() + "' id field '" + field.name() + "' cannot be changed");
			}
			if (value == null && !field.nullable()) {
				throw nullNotAllowed(field);
			}
			changes.put(field.name(), value);
		}
		return changes;
	}

	private Map<String, @Nullable Object> checkedInput(@Nullable Object data) {
		Map<String, @Nullable Object> input = WriteData.read(this.model.name(), data);
		for (String name : input.keySet()) {
			if (this.model.findField(name).isEmpty()) {
				String relation = this.model.relations().containsKey(name)
						? " ('" + name + "' is a relation; nested writes are not supported, set its key field)" : "";
				throw OrmException.validation(this.model.name(), name, "Model '" + this.model.name()
						+ "' has no field '" + name + "'" + relation + "; fields are " + this.model.fieldNames());
			}
		}
		return input;
	}

	@Nullable Object normalize(FieldDefinition field, @Nullable Object value) {
		return this.values.normalize(this.model.name(), field, value);
	}

	private @Nullable Object defaultFor(FieldDefinition field) {
		if (field.idStrategy() == IdStrategy.UUID) {
			return UuidV7.next();
		}
		if (field.defaultNow()) {
			return this.values.now();
		}
		if (field.defaultValue() != null) {
			return field.defaultValue();
		}
		return null;
	}

	private OrmException nullNotAllowed(FieldDefinition field) {
		return OrmException.validation(this.model.name(), field.name(),
				"Model '" + this.model.name() + "' field '" + field.name() + "' is not nullable");
	}

}
