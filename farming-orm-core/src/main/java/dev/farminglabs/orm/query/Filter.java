package dev.farminglabs.orm.query;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A where clause as a tree: field conditions combined with {@code and}, {@code or} and {@code not}. Built with the
 * factories in {@link Where} or from an upstream-shaped map with {@link Where#fromMap(java.util.Map)}.
 */
public sealed interface Filter {

	/** A condition on one field; {@code field} may also name a compound unique key with a map value. */
	record FieldFilter(String field, Condition condition) implements Filter {

		public FieldFilter {
			Arguments.required(field, "where field");
			Arguments.required(condition, "where condition");
		}

	}

	/** Every filter matches; an empty list matches every row. */
	record And(List<Filter> filters) implements Filter {

		public And {
			filters = Arguments.noNulls(filters, "and filter");
		}

	}

	/** At least one filter matches; an empty list matches no row. */
	record Or(List<Filter> filters) implements Filter {

		public Or {
			filters = Arguments.noNulls(filters, "or filter");
		}

	}

	/** The filter does not match. */
	record Not(Filter filter) implements Filter {

		public Not {
			Arguments.required(filter, "not filter");
		}

	}

	/** Helper for builders: a field filter from a plain value (equality) or a {@link Condition}. */
	static Filter of(String field, @Nullable Object valueOrCondition) {
		Condition condition = (valueOrCondition instanceof Condition c) ? c
				: new Condition(Operator.EQ, valueOrCondition);
		return new FieldFilter(field, condition);
	}

}
