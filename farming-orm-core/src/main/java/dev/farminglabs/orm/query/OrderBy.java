package dev.farminglabs.orm.query;

/** One sort key of a query. */
public record OrderBy(String field, SortDirection direction) {

	public OrderBy {
		Arguments.required(field, "orderBy field");
		Arguments.required(direction, "orderBy direction");
	}

	public static OrderBy asc(String field) {
		return new OrderBy(field, SortDirection.ASC);
	}

	public static OrderBy desc(String field) {
		return new OrderBy(field, SortDirection.DESC);
	}

}
