package dev.farminglabs.orm.query;

import java.util.Objects;

/** One sort key of a query. */
public record OrderBy(String field, SortDirection direction) {

	public OrderBy {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(direction, "direction");
	}

	public static OrderBy asc(String field) {
		return new OrderBy(field, SortDirection.ASC);
	}

	public static OrderBy desc(String field) {
		return new OrderBy(field, SortDirection.DESC);
	}

}
