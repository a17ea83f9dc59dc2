package dev.farminglabs.orm.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Turns model builders into checked {@link ModelDefinition}s with computed physical names. */
final class SchemaResolver {

	private final String schemaName;

	private final Map<String, ModelBuilder> builders;

	private final Map<String, Map<String, FieldDefinition>> fieldsByModel = new LinkedHashMap<>();

	SchemaResolver(String schemaName, Map<String, ModelBuilder> builders) {
		this.schemaName = schemaName;
		this.builders = builders;
	}

	List<ModelDefinition> resolve() {
		Identifiers.check(this.schemaName, "Schema name");
		if (this.builders.isEmpty()) {
			throw new InvalidSchemaException("Schema '" + this.schemaName + "' has no models");
		}
		Set<String> tables = new HashSet<>();
		for (Map.Entry<String, ModelBuilder> entry : this.builders.entrySet()) {
			String model = entry.getKey();
			ModelBuilder builder = entry.getValue();
			Identifiers.check(model, "Model name");
			Identifiers.check(builder.table(), "Model '" + model + "' table");
			if (!builder.problems().isEmpty()) {
				throw new InvalidSchemaException("Model '" + model + "' " + builder.problems().get(0));
			}
			if (builder.namespace() != null) {
				Identifiers.check(builder.namespace(), "Model '" + model + "' namespace");
			}
			String qualified = ((builder.namespace() != null) ? builder.namespace() + "." : "") + builder.table();
			if (!tables.add(qualified.toLowerCase(Locale.ROOT))) {
				throw new InvalidSchemaException("Model '" + model + "' uses table '" + qualified
						+ "', which another model of schema '" + this.schemaName + "' already uses");
			}
			this.fieldsByModel.put(model, resolveFields(model, builder));
		}
		List<ModelDefinition> models = new ArrayList<>();
		Set<String> constraintNames = new HashSet<>();
		for (Map.Entry<String, ModelBuilder> entry : this.builders.entrySet()) {
			models.add(resolveModel(entry.getKey(), entry.getValue(), constraintNames));
		}
		return models;
	}

	private Map<String, FieldDefinition> resolveFields(String model, ModelBuilder builder) {
		if (builder.fields().isEmpty()) {
			throw new InvalidSchemaException("Model '" + model + "' has no fields; add at least .field(\"id\", id())");
		}
		Map<String, FieldDefinition> fields = new LinkedHashMap<>();
		Set<String> columns = new HashSet<>();
		int ids = 0;
		for (Map.Entry<String, FieldBuilder> entry : builder.fields().entrySet()) {
			String name = Identifiers.check(entry.getKey(), "Model '" + model + "' field name");
			FieldDefinition field = entry.getValue().build(model, name);
			if (!columns.add(field.column().toLowerCase(Locale.ROOT))) {
				throw new InvalidSchemaException("Model '" + model + "' field '" + name + "' maps to column '"
						+ field.column() + "', which another field of the model already uses");
			}
			if (field.isId()) {
				ids++;
			}
			fields.put(name, field);
		}
		if (ids != 1) {
			throw new InvalidSchemaException("Model '" + model + "' must have exactly one id() field, has " + ids);
		}
		List<String> expiries = fields.values().stream().filter(FieldDefinition::expiry).map(FieldDefinition::name).toList();
		if (expiries.size() > 1) {
			throw new InvalidSchemaException("Model '" + model + "' may have one expiry() field, has " + expiries);
		}
		return fields;
	}

	private ModelDefinition resolveModel(String model, ModelBuilder builder, Set<String> constraintNames) {
		Map<String, FieldDefinition> fields = this.fieldsByModel.get(model);
		for (FieldDefinition field : fields.values()) {
			if (field.references() != null) {
				checkReference(model, field);
			}
		}
		List<UniqueConstraint> uniques = new ArrayList<>();
		FieldDefinition id = fields.values().stream().filter(FieldDefinition::isId).findFirst().orElseThrow();
		uniques.add(new UniqueConstraint(physicalName(builder, List.of(), "pkey"), id.name(), List.of(id.name()),
				List.of(id.column()), true));
		Set<List<String>> seenKeys = new HashSet<>();
		seenKeys.add(List.of(id.name()));
		for (FieldDefinition field : fields.values()) {
			if (field.unique() && !field.isId() && seenKeys.add(List.of(field.name()))) {
				uniques.add(unique(builder, List.of(field), constraintNames, model));
			}
		}
		for (List<String> names : builder.uniques()) {
			List<FieldDefinition> keyFields = fieldsOf(model, fields, names, "unique");
			if (!seenKeys.add(names)) {
				throw new InvalidSchemaException("Model '" + model + "' declares unique key " + names + " twice");
			}
			uniques.add(unique(builder, keyFields, constraintNames, model));
		}
		List<IndexDefinition> indexes = new ArrayList<>();
		for (List<String> names : builder.indexes()) {
			List<FieldDefinition> indexFields = fieldsOf(model, fields, names, "index");
			String name = claim(physicalName(builder, columnsOf(indexFields), "idx"), constraintNames, model);
			indexes.add(new IndexDefinition(name, names, columnsOf(indexFields)));
		}
		List<RelationDefinition> relations = new ArrayList<>();
		for (ModelBuilder.RelationSpec spec : builder.relations()) {
			relations.add(resolveRelation(model, fields, spec));
		}
		Set<String> relationNames = new HashSet<>();
		for (RelationDefinition relation : relations) {
			if (fields.containsKey(relation.name()) || !relationNames.add(relation.name())) {
				throw new InvalidSchemaException("Model '" + model + "' relation '" + relation.name()
						+ "' clashes with a field or another relation of the same name");
			}
		}
		return new ModelDefinition(model, builder.namespace(), builder.table(), builder.description(),
				List.copyOf(fields.values()), uniques, indexes, relations);
	}

	private UniqueConstraint unique(ModelBuilder builder, List<FieldDefinition> keyFields,
			Set<String> constraintNames, String model) {
		List<String> names = keyFields.stream().map(FieldDefinition::name).toList();
		String name = claim(physicalName(builder, columnsOf(keyFields), "unique"), constraintNames, model);
		return new UniqueConstraint(name, String.join("_", names), names, columnsOf(keyFields), false);
	}

	private static String claim(String name, Set<String> constraintNames, String model) {
		if (!constraintNames.add(name)) {
			throw new InvalidSchemaException("Model '" + model + "': constraint or index name '" + name
					+ "' is already used; declare each key and index once");
		}
		return name;
	}

	private static String physicalName(ModelBuilder builder, List<String> columns, String suffix) {
		List<String> parts = new ArrayList<>();
		if (builder.namespace() != null) {
			parts.add(builder.namespace());
		}
		parts.add(builder.table());
		parts.addAll(columns);
		parts.add(suffix);
		return String.join("_", parts).toLowerCase(Locale.ROOT);
	}

	private static List<String> columnsOf(List<FieldDefinition> fields) {
		return fields.stream().map(FieldDefinition::column).toList();
	}

	private static List<FieldDefinition> fieldsOf(String model, Map<String, FieldDefinition> fields,
			List<String> names, String what) {
		List<FieldDefinition> result = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String name : names) {
			FieldDefinition field = fields.get(name);
			if (field == null) {
				throw new InvalidSchemaException("Model '" + model + "' " + what + "(" + String.join(", ", names)
						+ ") names unknown field '" + name + "'; fields are " + fields.keySet());
			}
			if (!seen.add(name)) {
				throw new InvalidSchemaException(
						"Model '" + model + "' " + what + "(" + String.join(", ", names) + ") repeats field '" + name + "'");
			}
			if (field.kind() == FieldKind.JSON) {
				throw new InvalidSchemaException("Model '" + model + "' " + what + "(" + String.join(", ", names)
						+ ") cannot include json field '" + name + "'");
			}
			result.add(field);
		}
		return result;
	}

	private void checkReference(String model, FieldDefinition field) {
		FieldReference reference = field.references();
		String where = "Model '" + model + "' field '" + field.name() + "' references '" + reference + "'";
		Map<String, FieldDefinition> targetFields = this.fieldsByModel.get(reference.model());
		if (targetFields == null) {
			throw new InvalidSchemaException(where + ", but there is no such model; models are "
					+ this.fieldsByModel.keySet());
		}
		FieldDefinition target = targetFields.get(reference.field());
		if (target == null) {
			throw new InvalidSchemaException(where + ", but that model has no such field; fields are "
					+ targetFields.keySet());
		}
		if (!target.unique()) {
			throw new InvalidSchemaException(where + ", which is not unique; reference the id or a unique field");
		}
		checkCompatible(where, field, target);
	}

	private RelationDefinition resolveRelation(String model, Map<String, FieldDefinition> fields,
			ModelBuilder.RelationSpec spec) {
		String where = "Model '" + model + "' relation '" + spec.name() + "'";
		Identifiers.check(spec.name(), where + " name");
		Map<String, FieldDefinition> targetFields = requireModel(where, spec.target());
		FieldDefinition localId = idOf(fields);
		FieldDefinition targetId = idOf(targetFields);
		return switch (spec.kind()) {
			case BELONGS_TO -> {
				FieldDefinition foreignKey = requireField(where, model, fields, spec.foreignKey());
				checkCompatible(where, foreignKey, targetId);
				yield new RelationDefinition(spec.name(), spec.kind(), spec.target(), foreignKey.name(),
						targetId.name(), null, null, null);
			}
			case HAS_ONE, HAS_MANY -> {
				FieldDefinition foreignKey = requireField(where, spec.target(), targetFields, spec.foreignKey());
				checkCompatible(where, foreignKey, localId);
				yield new RelationDefinition(spec.name(), spec.kind(), spec.target(), localId.name(),
						foreignKey.name(), null, null, null);
			}
			case MANY_TO_MANY -> {
				Map<String, FieldDefinition> throughFields = requireModel(where, spec.through());
				FieldDefinition from = requireField(where, spec.through(), throughFields, spec.from());
				FieldDefinition to = requireField(where, spec.through(), throughFields, spec.to());
				checkCompatible(where, from, localId);
				checkCompatible(where, to, targetId);
				yield new RelationDefinition(spec.name(), spec.kind(), spec.target(), localId.name(),
						targetId.name(), spec.through(), from.name(), to.name());
			}
		};
	}

	private Map<String, FieldDefinition> requireModel(String where, @Nullable String name) {
		Map<String, FieldDefinition> fields = (name != null) ? this.fieldsByModel.get(name) : null;
		if (fields == null) {
			throw new InvalidSchemaException(where + " names unknown model '" + name + "'; models are "
					+ this.fieldsByModel.keySet());
		}
		return fields;
	}

	private static FieldDefinition requireField(String where, String model, Map<String, FieldDefinition> fields,
			@Nullable String name) {
		FieldDefinition field = (name != null) ? fields.get(name) : null;
		if (field == null) {
			throw new InvalidSchemaException(where + " names unknown field '" + name + "' of model '" + model
					+ "'; fields are " + fields.keySet());
		}
		return field;
	}

	private static FieldDefinition idOf(Map<String, FieldDefinition> fields) {
		return fields.values().stream().filter(FieldDefinition::isId).findFirst().orElseThrow();
	}

	private static void checkCompatible(String where, FieldDefinition field, FieldDefinition target) {
		if (!valueType(field).equals(valueType(target))) {
			throw new InvalidSchemaException(where + ": field '" + field.name() + "' holds " + valueType(field)
					+ " values but '" + target.name() + "' holds " + valueType(target));
		}
	}

	private static String valueType(FieldDefinition field) {
		if (field.isIntegral()) {
			return "integer";
		}
		return switch (field.kind()) {
			case ID, STRING, ENUM -> "string";
			default -> field.kind().name().toLowerCase(Locale.ROOT);
		};
	}

}
