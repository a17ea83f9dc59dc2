package dev.farminglabs.orm.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.codec.UuidV7;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Update;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldKind;
import dev.farminglabs.orm.spi.Arithmetic;
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
			if (field.isId()) {
				throw OrmException.validation(this.model.name(), field.name(),
						"Model '" + this.model.name() + "' id field '" + field.name() + "' cannot be changed");
			}
			if (entry.getValue() instanceof Update update) {
				changes.put(field.name(), arithmetic(field, update));
				continue;
			}
			Object value = normalize(field, entry.getValue());
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

	/**
	 * The canonical form of an atomic number update: only on integer, bigint and decimal fields, with an amount the
	 * field accepts; a decrement becomes the addition of the negated amount.
	 */
	private Arithmetic arithmetic(FieldDefinition field, Update update) {
		FieldKind kind = field.kind();
		if (kind != FieldKind.INTEGER && kind != FieldKind.BIGINT && kind != FieldKind.DECIMAL) {
			throw OrmException.validation(this.model.name(), field.name(), "Model '" + this.model.name() + "' field '"
					+ field.name() + "' is " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": Update."
					+ update.operation().name().toLowerCase(java.util.Locale.ROOT)
					+ " applies to integer, bigint and decimal fields only");
		}
		Object amount = normalize(field, update.amount());
		if (amount == null) {
			throw OrmException.validation(this.model.name(), field.name(),
					"Model '" + this.model.name() + "' field '" + field.name() + "' update needs an amount");
		}
		return switch (update.operation()) {
			case INCREMENT -> new Arithmetic(Arithmetic.Kind.ADD, amount);
			case DECREMENT -> new Arithmetic(Arithmetic.Kind.ADD, negated(field, amount));
			case MULTIPLY -> new Arithmetic(Arithmetic.Kind.MULTIPLY, amount);
		};
	}

	private Object negated(FieldDefinition field, Object amount) {
		if (amount instanceof Long number) {
			if (number == Long.MIN_VALUE) {
				throw OrmException.validation(this.model.name(), field.name(), "Model '" + this.model.name()
						+ "' field '" + field.name() + "': cannot decrement by " + number + " (outside the 64-bit range)");
			}
			return -number;
		}
		if (amount instanceof java.math.BigInteger number) {
			return normalize(field, number.negate());
		}
		return ((java.math.BigDecimal) amount).negate();
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
