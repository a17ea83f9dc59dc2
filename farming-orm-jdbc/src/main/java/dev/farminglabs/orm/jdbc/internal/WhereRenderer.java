package dev.farminglabs.orm.jdbc.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.jdbc.dialect.SqlValue;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldKind;
import dev.farminglabs.orm.spi.Criteria;
import org.jspecify.annotations.Nullable;

/**
 * Renders {@link Criteria} as a SQL condition with two-valued logic: every comparison on a nullable column is false,
 * never unknown, when the column is null, so {@code NOT} means "is distinct from" as on every other backend.
 */
final class WhereRenderer {

	private final SqlDialect dialect;

	WhereRenderer(SqlDialect dialect) {
		this.dialect = dialect;
	}

	String render(Criteria criteria, List<SqlValue> params) {
		if (criteria instanceof Criteria.Compare compare) {
			return compare(compare, params);
		}
		if (criteria instanceof Criteria.And and) {
			return join(and.criteria(), " AND ", "1=1", params);
		}
		if (criteria instanceof Criteria.Or or) {
			return join(or.criteria(), " OR ", "1=0", params);
		}
		return "NOT (" + render(((Criteria.Not) criteria).criteria(), params) + ")";
	}

	private String join(List<Criteria> criteria, String operator, String empty, List<SqlValue> params) {
		if (criteria.isEmpty()) {
			return empty;
		}
		if (criteria.size() == 1) {
			return render(criteria.get(0), params);
		}
		List<String> parts = new ArrayList<>(criteria.size());
		for (Criteria child : criteria) {
			parts.add("(" + render(child, params) + ")");
		}
		return String.join(operator, parts);
	}

	private String compare(Criteria.Compare compare, List<SqlValue> params) {
		FieldDefinition field = compare.field();
		String column = this.dialect.quote(field.column());
		Object value = compare.value();
		return switch (compare.operator()) {
			case EQ -> (value == null) ? column + " IS NULL" : guarded(field, equal(field, column, value, params));
			case NOT -> (value == null) ? column + " IS NOT NULL"
					: "NOT (" + guarded(field, equal(field, column, value, params)) + ")";
			case IN -> in(field, column, (List<?>) value, params);
			case NOT_IN -> "NOT (" + in(field, column, (List<?>) value, params) + ")";
			case GT, GTE, LT, LTE -> guarded(field, range(field, column, compare.operator(), value, params));
			case CONTAINS, STARTS_WITH, ENDS_WITH -> guarded(field,
					this.dialect.textMatch(column, compare.operator(), (String) value, params));
		};
	}

	private String in(FieldDefinition field, String column, @Nullable List<?> values, List<SqlValue> params) {
		List<String> alternatives = new ArrayList<>();
		boolean includesNull = false;
		List<Object> plain = new ArrayList<>();
		for (Object value : (values != null) ? values : List.of()) {
			if (value == null) {
				includesNull = true;
			}
			else {
				plain.add(value);
			}
		}
		if (!plain.isEmpty()) {
			if (field.kind() == FieldKind.JSON || field.kind() == FieldKind.DECIMAL) {
				for (Object value : plain) {
					alternatives.add(equal(field, column, value, params));
				}
			}
			else {
				List<String> placeholders = new ArrayList<>();
				for (Object value : plain) {
					placeholders.add(this.dialect.placeholder(field));
					params.add(new SqlValue(field, value));
				}
				alternatives.add(column + " IN (" + String.join(", ", placeholders) + ")");
			}
		}
		if (alternatives.isEmpty() && !includesNull) {
			return "1=0";
		}
		String matches = String.join(" OR ", alternatives);
		if (!alternatives.isEmpty()) {
			matches = guarded(field, (alternatives.size() > 1) ? "(" + matches + ")" : matches);
		}
		if (includesNull) {
			matches = alternatives.isEmpty() ? column + " IS NULL" : "(" + matches + " OR " + column + " IS NULL)";
		}
		return matches;
	}

	private String equal(FieldDefinition field, String column, Object value, List<SqlValue> params) {
		if (field.kind() == FieldKind.DECIMAL) {
			return this.dialect.decimalComparison(field, column, Operator.EQ, (BigDecimal) value, params);
		}
		params.add(new SqlValue(field, value));
		String placeholder = this.dialect.placeholder(field);
		if (field.kind() == FieldKind.JSON) {
			return this.dialect.jsonEquals(column, placeholder);
		}
		return column + " = " + placeholder;
	}

	private String range(FieldDefinition field, String column, Operator operator, @Nullable Object value,
			List<SqlValue> params) {
		if (field.kind() == FieldKind.DECIMAL) {
			return this.dialect.decimalComparison(field, column, operator, (BigDecimal) value, params);
		}
		params.add(new SqlValue(field, value));
		String symbol = switch (operator) {
			case GT -> " > ";
			case GTE -> " >= ";
			case LT -> " < ";
			default -> " <= ";
		};
		return this.dialect.comparable(field, column) + symbol
				+ this.dialect.comparable(field, this.dialect.placeholder(field));
	}

	/** Makes a comparison false rather than unknown when a nullable column is null. */
	private String guarded(FieldDefinition field, String comparison) {
		return field.nullable() ? "(" + comparison + " AND " + this.dialect.quote(field.column()) + " IS NOT NULL)"
				: comparison;
	}

}
