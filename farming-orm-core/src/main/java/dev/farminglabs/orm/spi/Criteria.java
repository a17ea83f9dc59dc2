package dev.farminglabs.orm.spi;

import java.util.List;
import java.util.Objects;

import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A where clause as drivers receive it: fields resolved to their definitions, values in canonical form (datetimes
 * truncated to the backend's precision), compound keys expanded. Drivers translate it natively (SQL, Mongo query,
 * filter expression) wherever the backend can evaluate it.
 */
public sealed interface Criteria {

	/** Matches every row. */
	Criteria ALL = new And(List.of());

	/**
	 * One field compared with a value. For {@code IN}/{@code NOT_IN} the value is a {@code List} of canonical values;
	 * for {@code EQ}/{@code NOT} it may be null (is null / is not null).
	 */
	record Compare(FieldDefinition field, Operator operator, @Nullable Object value) implements Criteria {

		public Compare {
			Objects.requireNonNull(field, "field");
			Objects.requireNonNull(operator, "operator");
		}

	}

	/** All match; empty matches every row. */
	record And(List<Criteria> criteria) implements Criteria {

		public And {
			criteria = List.copyOf(criteria);
		}

	}

	/** At least one matches; empty matches no row. */
	record Or(List<Criteria> criteria) implements Criteria {

		public Or {
			criteria = List.copyOf(criteria);
		}

	}

	/** Does not match. */
	record Not(Criteria criteria) implements Criteria {

		public Not {
			Objects.requireNonNull(criteria, "criteria");
		}

	}

	/** Whether this matches every row. */
	default boolean matchesAll() {
		return this instanceof And and && and.criteria().isEmpty();
	}

	/**
	 * Whether at most one row of the model can match: this requires equality with a non-null value on every field of
	 * one of its unique keys (the id included), whatever else it requires. A driver can then act on the match in one
	 * statement instead of locating the first match by id; {@link PinnedKey#of} says which key, with its values.
	 */
	default boolean pinsUniqueKey(ModelDefinition model) {
		return PinnedKey.of(model, this).isPresent();
	}

}
