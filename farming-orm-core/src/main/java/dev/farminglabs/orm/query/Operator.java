package dev.farminglabs.orm.query;

import org.jspecify.annotations.Nullable;

/** Comparison operators of a field filter, named as upstream's where operators. */
public enum Operator {

	/** Equal; {@code eq(null)} matches null. JSON compares values, not text. */
	EQ("eq"),

	/** Is distinct from: also matches rows whose value is null. */
	NOT("not"),

	/** Equal to one of a list; an empty list matches nothing. */
	IN("in"),

	/** Distinct from every value of a list (nulls included); an empty list matches everything. */
	NOT_IN("notIn"),

	/** Greater than; never matches null. */
	GT("gt"),

	/** Greater than or equal; never matches null. */
	GTE("gte"),

	/** Less than; never matches null. */
	LT("lt"),

	/** Less than or equal; never matches null. */
	LTE("lte"),

	/** String contains the value, case-sensitively. */
	CONTAINS("contains"),

	/** String starts with the value, case-sensitively. */
	STARTS_WITH("startsWith"),

	/** String ends with the value, case-sensitively. */
	ENDS_WITH("endsWith");

	private final String key;

	Operator(String key) {
		this.key = key;
	}

	/** The operator's name in map-shaped where clauses, as {@code "startsWith"}. */
	public String key() {
		return this.key;
	}

	/** Whether the operator compares order ({@code gt, gte, lt, lte}). */
	public boolean isRange() {
		return this == GT || this == GTE || this == LT || this == LTE;
	}

	/** Whether the operator matches text ({@code contains, startsWith, endsWith}). */
	public boolean isTextMatch() {
		return this == CONTAINS || this == STARTS_WITH || this == ENDS_WITH;
	}

	/** Whether the operator takes a list ({@code in, notIn}). */
	public boolean isList() {
		return this == IN || this == NOT_IN;
	}

	/** The operator with this map key, as {@code "gte"}; {@code null} when there is none. */
	public static @Nullable Operator fromKey(String key) {
		for (Operator operator : values()) {
			if (operator.key.equals(key)) {
				return operator;
			}
		}
		return null;
	}

}
