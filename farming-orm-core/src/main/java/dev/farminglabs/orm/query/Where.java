package dev.farminglabs.orm.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The vocabulary of where clauses, meant for static import: {@code q.where("status", not("done"))},
 * {@code q.where(or(field("a", 1), field("b", in(1, 2))))}.
 */
public final class Where {

	private static final Filter ALL = new Filter.And(List.of());

	private Where() {
	}

	/** Equal; {@code eq(null)} matches null. */
	public static Condition eq(@Nullable Object value) {
		return new Condition(Operator.EQ, value);
	}

	/** Is distinct from: matches rows whose value differs, including null ones. */
	public static Condition not(@Nullable Object value) {
		return new Condition(Operator.NOT, value);
	}

	/** Equal to one of the values; none matches nothing. */
	public static Condition in(Collection<?> values) {
		return new Condition(Operator.IN, new ArrayList<>(Arguments.required(values, "in values")));
	}

	/** Equal to one of the values; none matches nothing. */
	public static Condition in(Object... values) {
		return in(Arrays.asList(Arguments.required(values, "in values")));
	}

	/** Distinct from every value (nulls included); none matches everything. */
	public static Condition notIn(Collection<?> values) {
		return new Condition(Operator.NOT_IN, new ArrayList<>(Arguments.required(values, "notIn values")));
	}

	/** Distinct from every value (nulls included); none matches everything. */
	public static Condition notIn(Object... values) {
		return notIn(Arrays.asList(Arguments.required(values, "notIn values")));
	}

	public static Condition gt(Object value) {
		return new Condition(Operator.GT, value);
	}

	public static Condition gte(Object value) {
		return new Condition(Operator.GTE, value);
	}

	public static Condition lt(Object value) {
		return new Condition(Operator.LT, value);
	}

	public static Condition lte(Object value) {
		return new Condition(Operator.LTE, value);
	}

	/** The string contains the text, case-sensitively. */
	public static Condition contains(String text) {
		return new Condition(Operator.CONTAINS, text);
	}

	/** The string starts with the text, case-sensitively. */
	public static Condition startsWith(String text) {
		return new Condition(Operator.STARTS_WITH, text);
	}

	/** The string ends with the text, case-sensitively. */
	public static Condition endsWith(String text) {
		return new Condition(Operator.ENDS_WITH, text);
	}

	/** The value is null. */
	public static Condition isNull() {
		return new Condition(Operator.EQ, null);
	}

	/** The value is not null. */
	public static Condition isNotNull() {
		return new Condition(Operator.NOT, null);
	}

	/** A condition on one field: a plain value means equality. */
	public static Filter field(String field, @Nullable Object valueOrCondition) {
		return Filter.of(field, valueOrCondition);
	}

	/** Every filter matches. */
	public static Filter and(Filter... filters) {
		return new Filter.And(Arguments.noNulls(filters, "and filter"));
	}

	/** At least one filter matches; none matches nothing. */
	public static Filter or(Filter... filters) {
		return new Filter.Or(Arguments.noNulls(filters, "or filter"));
	}

	/** The filter does not match. */
	public static Filter not(Filter filter) {
		return new Filter.Not(filter);
	}

	/** Matches every row; required to state intent in {@code updateMany} and {@code deleteMany} over everything. */
	public static Filter all() {
		return ALL;
	}

	/**
	 * A filter from the map shape of the TypeScript original: {@code {field: value}}, {@code {field: {gte: 1, lt: 5}}},
	 * {@code {AND: [...]}, {OR: [...]}, {NOT: {...}}}. A map value whose keys are not all operators is compared as a
	 * value (a JSON value, or a named compound key); on any other field that is a {@code VALIDATION_ERROR}.
	 */
	public static Filter fromMap(Map<String, ?> where) {
		return WhereMapParser.parse(Arguments.required(where, "where map"));
	}

}
