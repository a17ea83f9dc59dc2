package dev.farminglabs.orm.spi;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates {@link Criteria} against rows in Java with the semantics every backend must agree on: {@code not} is
 * "is distinct from" (matches nulls), range operators never match null, decimals compare numerically, JSON compares
 * values. The memory driver uses it; other drivers may use it for what their backend cannot evaluate.
 */
public final class CriteriaEvaluator {

	/**
	 * JSON values compare numbers by value, whatever node type holds them: {@code 1} from an {@code int} equals
	 * {@code 1} from a {@code long}, and {@code 1.5} equals {@code 1.50}, as on PostgreSQL {@code jsonb} and MongoDB.
	 */
	private static final Comparator<JsonNode> JSON_VALUES = (left, right) -> {
		if (left.isNumber() && right.isNumber()) {
			Optional<BigDecimal> a = left.decimalValueOpt();
			Optional<BigDecimal> b = right.decimalValueOpt();
			if (a.isPresent() && b.isPresent()) {
				return a.get().compareTo(b.get());
			}
		}
		return left.equals(right) ? 0 : 1;
	};

	private CriteriaEvaluator() {
	}

	/** Whether the row matches. */
	public static boolean matches(Criteria criteria, Map<String, @Nullable Object> row) {
		if (criteria instanceof Criteria.Compare compare) {
			return compare(compare, row.get(compare.field().name()));
		}
		if (criteria instanceof Criteria.And and) {
			for (Criteria child : and.criteria()) {
				if (!matches(child, row)) {
					return false;
				}
			}
			return true;
		}
		if (criteria instanceof Criteria.Or or) {
			for (Criteria child : or.criteria()) {
				if (matches(child, row)) {
					return true;
				}
			}
			return false;
		}
		return !matches(((Criteria.Not) criteria).criteria(), row);
	}

	private static boolean compare(Criteria.Compare compare, @Nullable Object actual) {
		Object expected = compare.value();
		return switch (compare.operator()) {
			case EQ -> same(actual, expected);
			case NOT -> !same(actual, expected);
			case IN -> contains((List<?>) expected, actual);
			case NOT_IN -> !contains((List<?>) expected, actual);
			case GT -> actual != null && ValueOrder.compare(actual, expected) > 0;
			case GTE -> actual != null && ValueOrder.compare(actual, expected) >= 0;
			case LT -> actual != null && ValueOrder.compare(actual, expected) < 0;
			case LTE -> actual != null && ValueOrder.compare(actual, expected) <= 0;
			case CONTAINS -> actual instanceof String text && text.contains((String) expected);
			case STARTS_WITH -> actual instanceof String text && text.startsWith((String) expected);
			case ENDS_WITH -> actual instanceof String text && text.endsWith((String) expected);
		};
	}

	private static boolean contains(@Nullable List<?> values, @Nullable Object actual) {
		if (values == null) {
			return false;
		}
		for (Object value : values) {
			if (same(actual, value)) {
				return true;
			}
		}
		return false;
	}

	/** Equality of canonical values: null equals only null, decimals by value, JSON by value (numbers too). */
	public static boolean same(@Nullable Object actual, @Nullable Object expected) {
		if (actual == null || expected == null) {
			return actual == expected;
		}
		if (actual instanceof BigDecimal left && expected instanceof BigDecimal right) {
			return left.compareTo(right) == 0;
		}
		if (actual instanceof JsonNode left && expected instanceof JsonNode right) {
			return left.equals(JSON_VALUES, right);
		}
		return actual.equals(expected);
	}

}
