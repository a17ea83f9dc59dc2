package dev.farminglabs.orm.query;

import org.jspecify.annotations.Nullable;

/**
 * An operator with its operand, used as the value of a field in a where clause:
 * {@code q.where("attempts", gte(3))}. Created by the factories in {@link Where}.
 *
 * @param operator the comparison
 * @param value the operand; a {@code List} for {@code IN} and {@code NOT_IN}
 */
public record Condition(Operator operator, @Nullable Object value) {

	public Condition {
		Arguments.required(operator, "operator");
	}

}
