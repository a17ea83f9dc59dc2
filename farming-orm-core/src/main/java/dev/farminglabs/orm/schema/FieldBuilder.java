package dev.farminglabs.orm.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Declares one field of a model; created by the factories in {@link SchemaDsl} and refined with modifiers, as in
 * {@code datetime().nullable()} or {@code string().unique().maxLength(200)}. Checked when the schema is built.
 */
public final class FieldBuilder {

	private final FieldKind kind;

	private final List<String> enumValues;

	private @Nullable IdStrategy idStrategy;

	private boolean nullable;

	private boolean unique;

	private @Nullable Object defaultValue;

	private boolean hasDefaultValue;

	private boolean defaultNow;

	private @Nullable String references;

	private @Nullable String column;

	private @Nullable String description;

	private @Nullable Integer maxLength;

	private boolean expiry;

	/** Misused modifiers, reported by {@link #build} where the model and field are known. */
	private final List<String> problems = new ArrayList<>();

	FieldBuilder(FieldKind kind, List<String> enumValues) {
		this.kind = kind;
		this.enumValues = List.copyOf(enumValues);
		this.idStrategy = (kind == FieldKind.ID) ? IdStrategy.UUID : null;
	}

	/** Makes an id an integer that the caller supplies. Only for {@code id()}. */
	public FieldBuilder integer() {
		return idStrategy(IdStrategy.INTEGER_MANUAL, "integer()");
	}

	/** Makes an id an integer that the backend generates. Only for {@code id()}. */
	public FieldBuilder increment() {
		return idStrategy(IdStrategy.INTEGER_GENERATED, "increment()");
	}

	private FieldBuilder idStrategy(IdStrategy strategy, String modifier) {
		if (this.kind != FieldKind.ID) {
			this.problems.add(modifier + " applies only to id() fields, not to " + describeKind());
			return this;
		}
		this.idStrategy = strategy;
		return this;
	}

	/** Makes the field alone a unique key. */
	public FieldBuilder unique() {
		this.unique = true;
		return this;
	}

	/** Allows null; an absent value reads back as null. */
	public FieldBuilder nullable() {
		this.nullable = true;
		return this;
	}

	/** The value a create uses when the field is absent. */
	public FieldBuilder defaultValue(Object value) {
		this.defaultValue = Objects.requireNonNull(value, "defaultValue; use nullable() for a null default");
		this.hasDefaultValue = true;
		return this;
	}

	/** Defaults a datetime to the time of the write. */
	public FieldBuilder defaultNow() {
		this.defaultNow = true;
		return this;
	}

	/**
	 * Makes this datetime the row's expiry: once it has passed, no read on any backend returns the row (null: never
	 * expires), a create or upsert may reuse its unique values, {@code SchemaSetup.purgeExpired} deletes it, and a
	 * backend with {@code nativeExpiry} removes it by itself (Redis {@code PEXPIREAT}, DynamoDB TTL, a MongoDB TTL
	 * index). At most one per model; only for {@code datetime()} fields.
	 */
	public FieldBuilder expiry() {
		if (this.kind != FieldKind.DATETIME) {
			this.problems.add("expiry() applies only to datetime() fields, not to " + describeKind());
		}
		this.expiry = true;
		return this;
	}

	/** Declares that the field holds a value of another model's field, as {@code "model.field"}. */
	public FieldBuilder references(String modelField) {
		this.references = Objects.requireNonNull(modelField, "references");
		return this;
	}

	/** The physical column (or attribute) name, when it differs from the field name. */
	public FieldBuilder column(String physicalName) {
		this.column = Objects.requireNonNull(physicalName, "column");
		return this;
	}

	/** A human description, shown by tooling. */
	public FieldBuilder describe(String text) {
		this.description = Objects.requireNonNull(text, "description");
		return this;
	}

	/** The most characters a string may hold. Only for {@code string()}. */
	public FieldBuilder maxLength(int length) {
		if (this.kind != FieldKind.STRING) {
			this.problems.add("maxLength() applies only to string() fields, not to " + describeKind());
		}
		else if (length < 1) {
			this.problems.add("maxLength() must be at least 1, was " + length);
		}
		else {
			this.maxLength = length;
		}
		return this;
	}

	private String describeKind() {
		return this.kind.name().toLowerCase() + " fields";
	}

	FieldKind kind() {
		return this.kind;
	}

	FieldDefinition build(String model, String name) {
		String where = "model '" + model + "' field '" + name + "'";
		if (!this.problems.isEmpty()) {
			throw new InvalidSchemaException(where + ": " + this.problems.get(0));
		}
		if (this.defaultNow && this.kind != FieldKind.DATETIME) {
			throw new InvalidSchemaException(where + ": defaultNow() applies only to datetime() fields");
		}
		if (this.defaultNow && this.hasDefaultValue) {
			throw new InvalidSchemaException(where + ": choose defaultNow() or defaultValue(), not both");
		}
		if (this.kind == FieldKind.ID && (this.nullable || this.hasDefaultValue || this.defaultNow)) {
			throw new InvalidSchemaException(where + ": an id field cannot be nullable or have a default");
		}
		if (this.kind == FieldKind.ENUM && this.enumValues.isEmpty()) {
			throw new InvalidSchemaException(where + ": enumeration() needs at least one value");
		}
		if (this.kind == FieldKind.ENUM && this.enumValues.stream().distinct().count() != this.enumValues.size()) {
			throw new InvalidSchemaException(where + ": enumeration() values must be distinct, got " + this.enumValues);
		}
		FieldReference reference = (this.references != null) ? parseReference(where, this.references) : null;
		String physical = (this.column != null) ? this.column : name;
		Identifiers.check(physical, where + " column");
		FieldDefinition raw = new FieldDefinition(name, physical, this.kind, this.idStrategy, this.nullable,
				this.unique || this.kind == FieldKind.ID, null, this.defaultNow, reference, this.description,
				this.maxLength, this.enumValues, this.expiry);
		Object canonicalDefault = null;
		if (this.hasDefaultValue) {
			try {
				canonicalDefault = dev.farminglabs.orm.codec.ValueCodec.toCanonical(model, raw, this.defaultValue);
			}
			catch (RuntimeException ex) {
				throw new InvalidSchemaException(where + ": invalid defaultValue: " + ex.getMessage());
			}
		}
		return new FieldDefinition(name, physical, this.kind, this.idStrategy, this.nullable, raw.unique(),
				canonicalDefault, this.defaultNow, reference, this.description, this.maxLength, this.enumValues,
				this.expiry);
	}

	private static FieldReference parseReference(String where, String text) {
		int dot = text.indexOf('.');
		if (dot <= 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0) {
			throw new InvalidSchemaException(where + ": references(\"" + text + "\") must be \"model.field\"");
		}
		return new FieldReference(text.substring(0, dot), text.substring(dot + 1));
	}

}
