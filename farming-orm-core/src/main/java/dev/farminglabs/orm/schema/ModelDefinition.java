package dev.farminglabs.orm.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A resolved model of a {@link FrameworkSchema}: its table, fields, unique keys, indexes and relations, with every
 * physical name computed. Immutable.
 */
public final class ModelDefinition {

	private final String name;

	private final @Nullable String namespace;

	private final String table;

	private final @Nullable String description;

	private final List<FieldDefinition> fields;

	private final Map<String, FieldDefinition> fieldsByName;

	private final FieldDefinition idField;

	private final List<UniqueConstraint> uniqueConstraints;

	private final List<IndexDefinition> indexes;

	private final Map<String, RelationDefinition> relations;

	ModelDefinition(String name, @Nullable String namespace, String table, @Nullable String description,
			List<FieldDefinition> fields, List<UniqueConstraint> uniqueConstraints, List<IndexDefinition> indexes,
			List<RelationDefinition> relations) {
		this.name = name;
		this.namespace = namespace;
		this.table = table;
		this.description = description;
		this.fields = List.copyOf(fields);
		Map<String, FieldDefinition> byName = new LinkedHashMap<>();
		fields.forEach((field) -> byName.put(field.name(), field));
		this.fieldsByName = Collections.unmodifiableMap(byName);
		this.idField = fields.stream().filter(FieldDefinition::isId).findFirst().orElseThrow();
		this.uniqueConstraints = List.copyOf(uniqueConstraints);
		this.indexes = List.copyOf(indexes);
		Map<String, RelationDefinition> relationsByName = new LinkedHashMap<>();
		relations.forEach((relation) -> relationsByName.put(relation.name(), relation));
		this.relations = Collections.unmodifiableMap(relationsByName);
	}

	/** The model name used with {@code orm.model(name)}. */
	public String name() {
		return this.name;
	}

	/** The schema namespace of the table, or {@code null} for the backend's default. */
	public @Nullable String namespace() {
		return this.namespace;
	}

	/** The physical table (or collection) name. */
	public String table() {
		return this.table;
	}

	/** The table name qualified by its namespace when it has one, as {@code namespace.table}. */
	public String qualifiedTable() {
		return (this.namespace != null) ? this.namespace + "." + this.table : this.table;
	}

	public @Nullable String description() {
		return this.description;
	}

	/** The fields in declaration order. */
	public List<FieldDefinition> fields() {
		return this.fields;
	}

	/** The field with this name, if the model has one. */
	public Optional<FieldDefinition> findField(String fieldName) {
		return Optional.ofNullable(this.fieldsByName.get(fieldName));
	}

	/** The field with this name; throws {@link IllegalArgumentException} naming the valid fields otherwise. */
	public FieldDefinition field(String fieldName) {
		FieldDefinition field = this.fieldsByName.get(fieldName);
		if (field == null) {
			throw new IllegalArgumentException(
					"Model '" + this.name + "' has no field '" + fieldName + "'; fields are " + fieldNames());
		}
		return field;
	}

	/** The field names in declaration order. */
	public List<String> fieldNames() {
		return List.copyOf(this.fieldsByName.keySet());
	}

	/** The id field. */
	public FieldDefinition idField() {
		return this.idField;
	}

	/** The field marked {@code datetime().expiry()}, if the model has one: rows past it are never read. */
	public Optional<FieldDefinition> expiryField() {
		return this.fields.stream().filter(FieldDefinition::expiry).findFirst();
	}

	/**
	 * Every unique key: the id first, then single-field uniques, then compound uniques, each in declaration order.
	 */
	public List<UniqueConstraint> uniqueConstraints() {
		return this.uniqueConstraints;
	}

	/** The non-unique indexes. */
	public List<IndexDefinition> indexes() {
		return this.indexes;
	}

	/** The relations by name, in declaration order. */
	public Map<String, RelationDefinition> relations() {
		return this.relations;
	}

	@Override
	public String toString() {
		return "ModelDefinition[" + this.name + " -> " + qualifiedTable() + "]";
	}

}
