package dev.farminglabs.orm.memory;

import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldReference;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.CriteriaEvaluator;
import org.jspecify.annotations.Nullable;

/**
 * Enforces unique keys (nulls never collide, as in SQL) and references (checked on write, restricted on delete), with
 * the error a SQL database would give, normalised.
 */
final class MemoryConstraints {

	private final MemoryDatabase database;

	private final FrameworkSchema schema;

	MemoryConstraints(MemoryDatabase database, FrameworkSchema schema) {
		this.database = database;
		this.schema = schema;
	}

	/** Fails when the row would duplicate a unique key of another row; one index lookup per key. */
	void checkUnique(ModelDefinition model, MemoryTable table, Map<String, @Nullable Object> row,
			@Nullable Object replacingId) {
		Object id = row.get(model.idField().name());
		for (UniqueConstraint key : model.uniqueConstraints()) {
			Object holder = table.idHolding(model, key, row);
			if (holder != null && (replacingId == null || !CriteriaEvaluator.same(holder, replacingId))) {
				throw error(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION, model, key.name(), key.fields(),
						"Model '" + model.name() + "': a row with " + describe(key.fields(), row)
								+ " already exists (unique key '" + key.keyName() + "', id " + id + ")");
			}
		}
	}

	/** Fails when a reference field points at no row (when the database declares foreign keys). */
	void checkReferences(ModelDefinition model, Map<String, @Nullable Object> row) {
		if (!this.database.capabilities().supportsForeignKeys()) {
			return;
		}
		for (FieldDefinition field : model.fields()) {
			FieldReference reference = field.references();
			Object value = row.get(field.name());
			if (reference == null || value == null) {
				continue;
			}
			ModelDefinition target = this.schema.model(reference.model());
			MemoryTable table = this.database.table(target.qualifiedTable());
			boolean found = table != null && exists(target, table, reference.field(), value);
			if (!found) {
				throw error(OrmErrorCode.FOREIGN_KEY_VIOLATION, model, fkName(model, field), List.of(field.name()),
						"Model '" + model.name() + "' field '" + field.name() + "' references " + reference + " = "
								+ value + ", which does not exist");
			}
		}
	}

	/** Fails when another row still references the row being deleted (when the database declares foreign keys). */
	void checkNotReferenced(ModelDefinition model, Map<String, @Nullable Object> row) {
		if (!this.database.capabilities().supportsForeignKeys()) {
			return;
		}
		for (ModelDefinition other : this.schema.models()) {
			for (FieldDefinition field : other.fields()) {
				FieldReference reference = field.references();
				if (reference == null || !reference.model().equals(model.name())) {
					continue;
				}
				Object value = row.get(reference.field());
				MemoryTable table = this.database.table(other.qualifiedTable());
				if (value != null && table != null && table.rows()
					.stream()
					.anyMatch((candidate) -> CriteriaEvaluator.same(candidate.get(field.name()), value))) {
					throw error(OrmErrorCode.FOREIGN_KEY_VIOLATION, model, fkName(other, field),
							List.of(reference.field()), "Model '" + model.name() + "' row " + reference.field() + " = "
									+ value + " is still referenced by '" + other.name() + "." + field.name() + "'");
				}
			}
		}
	}

	/** Whether a row holds the value in the field: by a unique index when the field is a key, else by a scan. */
	private static boolean exists(ModelDefinition model, MemoryTable table, String field, Object value) {
		for (UniqueConstraint key : model.uniqueConstraints()) {
			if (key.fields().equals(List.of(field))) {
				return table.idHolding(model, key, Map.of(field, value)) != null;
			}
		}
		return table.rows().stream().anyMatch((other) -> CriteriaEvaluator.same(other.get(field), value));
	}

	private static String fkName(ModelDefinition model, FieldDefinition field) {
		return (model.table() + "_" + field.column() + "_fkey").toLowerCase();
	}

	private static String describe(List<String> fields, Map<String, @Nullable Object> row) {
		StringBuilder text = new StringBuilder();
		for (String field : fields) {
			if (text.length() > 0) {
				text.append(", ");
			}
			text.append(field).append(" = ").append(row.get(field));
		}
		return text.toString();
	}

	static OrmException error(OrmErrorCode code, ModelDefinition model, String constraint, List<String> target,
			String message) {
		return OrmException.builder(code, message)
			.backend(MemoryDriverProvider.KIND, MemoryDriverProvider.KIND)
			.model(model.name())
			.constraint(constraint)
			.target(target)
			.build();
	}

}
