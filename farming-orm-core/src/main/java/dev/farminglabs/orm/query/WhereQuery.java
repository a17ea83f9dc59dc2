package dev.farminglabs.orm.query;

/** A query that only filters: for {@code count}, {@code delete} and {@code deleteMany}. */
public final class WhereQuery extends FilterableQuery<WhereQuery> {

	public WhereQuery() {
	}

}
