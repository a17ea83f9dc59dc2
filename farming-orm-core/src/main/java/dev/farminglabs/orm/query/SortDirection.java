package dev.farminglabs.orm.query;

/** Sort direction. Nulls sort first when ascending and last when descending, on every backend. */
public enum SortDirection {

	ASC,

	DESC

}
