package dev.farminglabs.orm.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Declares one model: its table, fields, composite constraints and relations. Created by
 * {@link SchemaDsl#model(String)}; resolved and checked by {@link FrameworkSchema.Builder#build()}.
 */
public final class ModelBuilder {

	private final String table;

	private @Nullable String namespace;

	private @Nullable String description;

	private final Map<String, FieldBuilder> fields = new LinkedHashMap<>();

	private final List<List<String>> uniques = new ArrayList<>();

	private final List<List<String>> indexes = new ArrayList<>();

	private final List<RelationSpec> relations = new ArrayList<>();

	/** Mistakes found while declaring, reported by the schema's {@code build()} where the model name is known. */
	private final List<String> problems = new ArrayList<>();

	ModelBuilder(String table) {
		this.table = Objects.requireNonNull(table, "table");
	}

	/** Puts the table in a schema namespace (a PostgreSQL schema, a MySQL database, a key prefix). */
	public ModelBuilder namespace(String namespace) {
		this.namespace = Objects.requireNonNull(namespace, "namespace");
		return this;
	}

	/** Adds a field; the name is the one used in queries and rows. */
	public ModelBuilder field(String name, FieldBuilder field) {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(field, "field");
		if (this.fields.putIfAbsent(name, field) != null) {
			this.problems.add("declares field '" + name + "' twice");
		}
		return this;
	}

	/** Adds a unique key over these fields together (one field: same as {@code .unique()} on the field). */
	public ModelBuilder unique(String... fieldNames) {
		if (hasFields("unique", fieldNames)) {
			this.uniques.add(List.of(fieldNames));
		}
		return this;
	}

	/** Adds a non-unique index over these fields, in order. */
	public ModelBuilder index(String... fieldNames) {
		if (hasFields("index", fieldNames)) {
			this.indexes.add(List.of(fieldNames));
		}
		return this;
	}

	/** This model's {@code foreignKey} field holds the id of a {@code target} row. */
	public ModelBuilder belongsTo(String name, String target, String foreignKey) {
		this.relations.add(new RelationSpec(name, RelationKind.BELONGS_TO, target, foreignKey, null, null, null));
		return this;
	}

	/** One {@code target} row holds this model's id in its {@code foreignKey} field. */
	public ModelBuilder hasOne(String name, String target, String foreignKey) {
		this.relations.add(new RelationSpec(name, RelationKind.HAS_ONE, target, foreignKey, null, null, null));
		return this;
	}

	/** Many {@code target} rows hold this model's id in their {@code foreignKey} field. */
	public ModelBuilder hasMany(String name, String target, String foreignKey) {
		this.relations.add(new RelationSpec(name, RelationKind.HAS_MANY, target, foreignKey, null, null, null));
		return this;
	}

	/**
	 * Rows of {@code through} link this model ({@code from} holds this model's id) to {@code target} ({@code to} holds
	 * the target's id).
	 */
	public ModelBuilder manyToMany(String name, String target, String through, String from, String to) {
		this.relations.add(new RelationSpec(name, RelationKind.MANY_TO_MANY, target, null, through, from, to));
		return this;
	}

	/** A human description, shown by tooling. */
	public ModelBuilder describe(String text) {
		this.description = Objects.requireNonNull(text, "description");
		return this;
	}

	private boolean hasFields(String what, String... fieldNames) {
		if (fieldNames.length == 0) {
			this.problems.add(what + "() needs at least one field");
			return false;
		}
		return true;
	}

	String table() {
		return this.table;
	}

	@Nullable String namespace() {
		return this.namespace;
	}

	@Nullable String description() {
		return this.description;
	}

	Map<String, FieldBuilder> fields() {
		return this.fields;
	}

	List<List<String>> uniques() {
		return this.uniques;
	}

	List<List<String>> indexes() {
		return this.indexes;
	}

	List<RelationSpec> relations() {
		return this.relations;
	}

	List<String> problems() {
		return this.problems;
	}

	/** A relation as written, resolved against the other models at build time. */
	record RelationSpec(String name, RelationKind kind, String target, @Nullable String foreignKey,
			@Nullable String through, @Nullable String from, @Nullable String to) {
	}

}
