package dev.farminglabs.orm.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.codec.InputLimits;
import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;

/** Parses the upstream map shape of where clauses into {@link Filter} trees. */
final class WhereMapParser {

	private WhereMapParser() {
	}

	static Filter parse(Map<?, ?> where) {
		return parse(where, 1);
	}

	private static Filter parse(Map<?, ?> where, int depth) {
		if (depth > InputLimits.MAX_WHERE_DEPTH) {
			throw OrmException.validation(null, null, "where nests deeper than " + InputLimits.MAX_WHERE_DEPTH
					+ " levels of AND, OR and NOT (or contains itself)");
		}
		List<Filter> filters = new ArrayList<>();
		for (Map.Entry<?, ?> entry : where.entrySet()) {
			if (!(entry.getKey() instanceof String key)) {
				throw OrmException.validation(null, null,
						"where keys must be field names, AND, OR or NOT, got " + InputLimits.describe(entry.getKey()));
			}
			Object value = entry.getValue();
			switch (key) {
				case "AND" -> filters.add(new Filter.And(parseList(key, value, depth)));
				case "OR" -> filters.add(new Filter.Or(parseList(key, value, depth)));
				case "NOT" -> filters.add(new Filter.Not(parseNested(key, value, depth)));
				default -> filters.addAll(parseField(key, value));
			}
		}
		return (filters.size() == 1) ? filters.get(0) : new Filter.And(filters);
	}

	private static List<Filter> parseList(String key, @Nullable Object value, int depth) {
		if (value instanceof Map<?, ?>) {
			return List.of(parseNested(key, value, depth));
		}
		if (!(value instanceof Collection<?> items)) {
			throw OrmException.validation(null, null,
					key + " expects a list of where maps, got " + InputLimits.describe(value));
		}
		List<Filter> filters = new ArrayList<>();
		for (Object item : items) {
			filters.add(parseNested(key, item, depth));
		}
		return filters;
	}

	private static Filter parseNested(String key, @Nullable Object value, int depth) {
		if (!(value instanceof Map<?, ?> map)) {
			throw OrmException.validation(null, null, key + " expects a where map, got " + InputLimits.describe(value));
		}
		return parse(map, depth + 1);
	}

	private static List<Filter> parseField(String field, @Nullable Object value) {
		if (!(value instanceof Map<?, ?> operators) || operators.isEmpty() || !allOperators(operators)) {
			// A plain value, or a map that is not made of operators (a JSON value or a named compound key).
			return List.of(Filter.of(field, value));
		}
		List<Filter> filters = new ArrayList<>();
		for (Map.Entry<?, ?> entry : operators.entrySet()) {
			Operator operator = Operator.fromKey(String.valueOf(entry.getKey()));
			Object operand = entry.getValue();
			if (operator.isList() && operand instanceof Collection<?> items) {
				operand = new ArrayList<>(items);
			}
			filters.add(new Filter.FieldFilter(field, new Condition(operator, operand)));
		}
		return filters;
	}

	private static boolean allOperators(Map<?, ?> map) {
		for (Object key : map.keySet()) {
			if (!(key instanceof String name) || Operator.fromKey(name) == null) {
				return false;
			}
		}
		return true;
	}

}
