package dev.farminglabs.orm.dynamodb.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.spi.Criteria;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A where as a DynamoDB {@code FilterExpression} that lets through at least every matching row: the parts DynamoDB
 * compares exactly as the TCK does (equality, {@code IN}, null checks and text matching on strings, enums, booleans,
 * integers and ids; ranges on numbers; a datetime's equality through its canonical text) become expression text;
 * decimals, JSON, ranges on strings and datetimes, and any {@code OR}/{@code NOT} over such a part are left to the
 * SPI's in-process pipeline, which evaluates the whole where on every row read anyway. Field names and values only
 * ever appear as {@code #n}/{@code :v} placeholders, so no value or name can change the expression.
 */
final class FilterExpressions {

	/** DynamoDB's limit on the operands of one {@code IN}. */
	private static final int MAX_IN = 100;

	/** DynamoDB's limit on an expression's length is 4 KB; placeholders keep texts short, so characters suffice. */
	private static final int MAX_EXPRESSION = 4_000;

	private static final Pattern PLACEHOLDER = Pattern.compile("[#:][nv][0-9]+");

	private final AttributeCodec codec;

	private final Map<String, String> names = new HashMap<>();

	private final Map<String, String> nameOfColumn = new HashMap<>();

	private final Map<String, AttributeValue> values = new HashMap<>();

	private FilterExpressions(AttributeCodec codec) {
		this.codec = codec;
	}

	/** The filter of a where, or {@code null} when no part of it can be pushed down. */
	static @Nullable Filter of(Criteria where, AttributeCodec codec) {
		FilterExpressions builder = new FilterExpressions(codec);
		List<String> parts = new ArrayList<>();
		List<Criteria> conjuncts = (where instanceof Criteria.And and) ? and.criteria() : List.of(where);
		List<Expr> pushed = new ArrayList<>();
		for (Criteria part : conjuncts) {
			Expr expr = builder.expr(part);
			if (expr != null) {
				pushed.add(expr);
			}
		}
		for (Expr expr : pushed) {
			parts.add((expr.kind() == Expr.OR && pushed.size() > 1) ? "(" + expr.text() + ")" : expr.text());
		}
		String expression = String.join(" AND ", parts);
		if (parts.isEmpty() || expression.length() > MAX_EXPRESSION) {
			// Nothing to push down, or more than DynamoDB takes: the in-process pipeline filters alone.
			return null;
		}
		// Parts given up half-way registered placeholders too; DynamoDB refuses unused ones.
		Set<String> used = new HashSet<>();
		Matcher placeholders = PLACEHOLDER.matcher(expression);
		while (placeholders.find()) {
			used.add(placeholders.group());
		}
		Map<String, String> names = new HashMap<>(builder.names);
		names.keySet().retainAll(used);
		Map<String, AttributeValue> values = new HashMap<>(builder.values);
		values.keySet().retainAll(used);
		return new Filter(expression, Map.copyOf(names), Map.copyOf(values));
	}

	/**
	 * The expression with only the parentheses precedence needs (comparisons and functions, then {@code AND}, then
	 * {@code OR}): DynamoDB refuses redundant ones.
	 */
	private @Nullable Expr expr(Criteria criteria) {
		if (criteria instanceof Criteria.Compare compare) {
			String text = compare(compare);
			return (text != null) ? new Expr(text, text.contains(" OR ") ? Expr.OR : Expr.ATOM) : null;
		}
		if (criteria instanceof Criteria.And and) {
			return join(and.criteria(), Expr.AND);
		}
		if (criteria instanceof Criteria.Or or) {
			return join(or.criteria(), Expr.OR);
		}
		// NOT over a compound is left to the in-process pipeline: dynalite's parser refuses some negations DynamoDB
		// takes (NOT NOT ...), and leaving it out only widens the scan.
		return null;
	}

	private @Nullable Expr join(List<Criteria> criteria, int kind) {
		if (criteria.isEmpty()) {
			return null;
		}
		List<String> parts = new ArrayList<>(criteria.size());
		Expr only = null;
		for (Criteria part : criteria) {
			Expr expr = expr(part);
			if (expr == null) {
				return null;
			}
			only = expr;
			parts.add((expr.kind() > kind) ? "(" + expr.text() + ")" : expr.text());
		}
		if (parts.size() == 1) {
			return only;
		}
		return new Expr(String.join((kind == Expr.AND) ? " AND " : " OR ", parts), kind);
	}

	/** Expression text and how loosely its top operator binds. */
	private record Expr(String text, int kind) {

		static final int ATOM = 0;

		static final int NOT = 1;

		static final int AND = 2;

		static final int OR = 3;

	}

	private @Nullable String compare(Criteria.Compare compare) {
		FieldDefinition field = compare.field();
		boolean equality = equalityExact(field);
		boolean numeric = field.isIntegral() || field.kind() == dev.farminglabs.orm.schema.FieldKind.BIGINT;
		Object value = compare.value();
		if (value instanceof String text && text.isEmpty() || value instanceof List<?> list && list.contains("")) {
			// dynalite compares the empty string wrongly (IN ("") matches other strings): such parts run in process.
			return null;
		}
		String name = name(field);
		switch (compare.operator()) {
			case EQ -> {
				if (value == null) {
					return "attribute_not_exists(" + name + ")";
				}
				return equality ? name + " = " + value(field, value) : null;
			}
			case NOT -> {
				if (value == null) {
					return "attribute_exists(" + name + ")";
				}
				return equality ? "attribute_not_exists(" + name + ") OR " + name + " <> " + value(field, value) : null;
			}
			case IN -> {
				List<?> list = (List<?>) value;
				if (!equality || list == null || list.isEmpty() || list.size() > MAX_IN || list.stream().anyMatch(java.util.Objects::isNull)) {
					return null;
				}
				List<String> placeholders = new ArrayList<>(list.size());
				for (Object item : list) {
					placeholders.add(value(field, item));
				}
				return name + " IN (" + String.join(", ", placeholders) + ")";
			}
			case GT, GTE, LT, LTE -> {
				if (!numeric || value == null) {
					return null;
				}
				String operator = switch (compare.operator()) {
					case GT -> " > ";
					case GTE -> " >= ";
					case LT -> " < ";
					default -> " <= ";
				};
				return name + operator + value(field, value);
			}
			case CONTAINS, STARTS_WITH -> {
				if (!textual(field) || !(value instanceof String text) || text.isEmpty()) {
					return null;
				}
				String function = (compare.operator() == dev.farminglabs.orm.query.Operator.CONTAINS) ? "contains"
						: "begins_with";
				return function + "(" + name + ", " + placeholder(AttributeValue.fromS(text)) + ")";
			}
			default -> {
				return null;
			}
		}
	}

	/** Whether DynamoDB's equality of the attribute is the TCK's equality of the value. */
	private static boolean equalityExact(FieldDefinition field) {
		return switch (field.kind()) {
			case ID, STRING, ENUM, BOOLEAN, INTEGER, BIGINT, DATETIME -> true;
			case DECIMAL, JSON -> false;
		};
	}

	private static boolean textual(FieldDefinition field) {
		return switch (field.kind()) {
			case STRING, ENUM -> true;
			case ID -> !field.isIntegral();
			default -> false;
		};
	}

	private String name(FieldDefinition field) {
		return this.nameOfColumn.computeIfAbsent(field.column(), (column) -> {
			String placeholder = "#n" + this.names.size();
			this.names.put(placeholder, column);
			return placeholder;
		});
	}

	private String value(FieldDefinition field, Object value) {
		AttributeValue encoded = this.codec.encode(field, value);
		if (encoded == null) {
			throw new IllegalArgumentException("null value");
		}
		return placeholder(encoded);
	}

	private String placeholder(AttributeValue value) {
		String placeholder = ":v" + this.values.size();
		this.values.put(placeholder, value);
		return placeholder;
	}

	/** A filter expression with its placeholders. */
	record Filter(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
	}

}
