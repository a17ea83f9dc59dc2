package dev.farminglabs.orm.jdbc.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldKind;
import dev.farminglabs.orm.schema.FieldReference;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.IndexDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/** Renders the DDL of a schema for one dialect: tables (with checks and references), indexes, added columns. */
public final class DdlRenderer {

	private final SqlDialect dialect;

	public DdlRenderer(SqlDialect dialect) {
		this.dialect = dialect;
	}

	/** The models in an order where every referenced model comes before the models referencing it. */
	public static List<ModelDefinition> creationOrder(FrameworkSchema schema) {
		Map<String, ModelDefinition> remaining = new LinkedHashMap<>();
		schema.models().forEach((model) -> remaining.put(model.name(), model));
		List<ModelDefinition> ordered = new ArrayList<>();
		Set<String> placed = new HashSet<>();
		while (!remaining.isEmpty()) {
			ModelDefinition next = remaining.values()
				.stream()
				.filter((model) -> referencedModels(model).stream()
					.allMatch((target) -> placed.contains(target) || target.equals(model.name())))
				.findFirst()
				.orElse(remaining.values().iterator().next());
			ordered.add(next);
			placed.add(next.name());
			remaining.remove(next.name());
		}
		return ordered;
	}

	private static Set<String> referencedModels(ModelDefinition model) {
		Set<String> targets = new HashSet<>();
		for (FieldDefinition field : model.fields()) {
			if (field.references() != null) {
				targets.add(field.references().model());
			}
		}
		return targets;
	}

	public String createTable(FrameworkSchema schema, ModelDefinition model) {
		Set<String> keyed = keyedFields(schema, model);
		List<String> parts = new ArrayList<>();
		for (FieldDefinition field : model.fields()) {
			parts.add(columnDefinition(field, keyed.contains(field.name()), true));
		}
		for (FieldDefinition field : model.fields()) {
			FieldReference reference = field.references();
			if (reference != null) {
				ModelDefinition target = schema.model(reference.model());
				parts.add("CONSTRAINT " + this.dialect.quote(foreignKeyName(model, field)) + " FOREIGN KEY ("
						+ this.dialect.quote(field.column()) + ") REFERENCES " + this.dialect.table(target) + " ("
						+ this.dialect.quote(target.field(reference.field()).column()) + ")");
			}
		}
		return "CREATE TABLE " + this.dialect.table(model) + " (" + String.join(", ", parts) + ")";
	}

	public String addColumn(FrameworkSchema schema, ModelDefinition model, FieldDefinition field) {
		return "ALTER TABLE " + this.dialect.table(model) + " ADD COLUMN "
				+ columnDefinition(field, keyedFields(schema, model).contains(field.name()), false);
	}

	public String createUnique(ModelDefinition model, UniqueConstraint key) {
		return "CREATE UNIQUE INDEX " + this.dialect.quote(physicalName(key.name())) + " ON " + this.dialect.table(model)
				+ " (" + key.columns().stream().map(this.dialect::quote).collect(Collectors.joining(", ")) + ")";
	}

	public String createIndex(FrameworkSchema schema, ModelDefinition model, IndexDefinition index) {
		Set<String> keyed = keyedFields(schema, model);
		String columns = index.fields()
			.stream()
			.map(model::field)
			.map((field) -> this.dialect.indexColumn(this.dialect.quote(field.column()), field, keyed.contains(field.name())))
			.collect(Collectors.joining(", "));
		return "CREATE INDEX " + this.dialect.quote(physicalName(index.name())) + " ON " + this.dialect.table(model)
				+ " (" + columns + ")";
	}

	/** The name a constraint or index gets in the database. */
	public String physicalName(String name) {
		return Identifiers.shorten(name, this.dialect);
	}

	String foreignKeyName(ModelDefinition model, FieldDefinition field) {
		List<String> parts = new ArrayList<>();
		if (model.namespace() != null) {
			parts.add(model.namespace());
		}
		parts.add(model.table());
		parts.add(field.column());
		parts.add("fkey");
		return physicalName(String.join("_", parts).toLowerCase(java.util.Locale.ROOT));
	}

	private String columnDefinition(FieldDefinition field, boolean keyed, boolean newTable) {
		String column = this.dialect.quote(field.column());
		if (field.isId()) {
			if (field.isGeneratedByBackend()) {
				return this.dialect.generatedIdColumn(column);
			}
			return column + " " + this.dialect.columnType(field, true) + " NOT NULL PRIMARY KEY";
		}
		StringBuilder definition = new StringBuilder(column).append(' ').append(this.dialect.columnType(field, keyed));
		if (!field.nullable()) {
			if (!newTable) {
				String fallback = defaultLiteral(field);
				if (fallback == null) {
					throw OrmException.unsupported(null, "Cannot add required column '" + field.column()
							+ "' (field '" + field.name() + "') to an existing table: give the field a defaultValue or "
							+ "make it nullable");
				}
				definition.append(" DEFAULT ").append(fallback);
			}
			definition.append(" NOT NULL");
		}
		if (field.kind() == FieldKind.ENUM) {
			definition.append(" CHECK (").append(this.dialect.enumCheck(column, field)).append(')');
		}
		return definition.toString();
	}

	private @Nullable String defaultLiteral(FieldDefinition field) {
		Object value = field.defaultValue();
		if (value == null) {
			return null;
		}
		return switch (field.kind()) {
			case BOOLEAN -> this.dialect.booleanLiteral((Boolean) value);
			case INTEGER -> value.toString();
			case BIGINT -> value.toString();
			case DECIMAL -> this.dialect.decimalLiteral((BigDecimal) value);
			case STRING, ENUM -> this.dialect.stringLiteral((String) value);
			default -> null;
		};
	}

	/** The fields in a unique key, a reference, or referenced: their values must fit a unique index whole. */
	private static Set<String> keyedFields(FrameworkSchema schema, ModelDefinition model) {
		Set<String> keyed = new HashSet<>();
		model.uniqueConstraints().forEach((key) -> keyed.addAll(key.fields()));
		for (FieldDefinition field : model.fields()) {
			if (field.references() != null) {
				keyed.add(field.name());
			}
		}
		for (ModelDefinition other : schema.models()) {
			for (FieldDefinition field : other.fields()) {
				FieldReference reference = field.references();
				if (reference != null && reference.model().equals(model.name())) {
					keyed.add(reference.field());
				}
			}
		}
		return keyed;
	}

}
