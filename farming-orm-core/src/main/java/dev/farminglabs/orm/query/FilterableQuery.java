package dev.farminglabs.orm.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The where part every query builder shares. Each {@code where} call adds a filter; all of them must match.
 *
 * @param <Q> the concrete builder, returned for chaining
 */
public abstract class FilterableQuery<Q extends FilterableQuery<Q>> {

	private final List<Filter> filters = new ArrayList<>(2);

	/** What {@link #filters()} returns: a read-only view, so reading the filters copies nothing. */
	private final List<Filter> filtersView = Collections.unmodifiableList(this.filters);

	FilterableQuery() {
	}

	/**
	 * Adds a condition on a field: a plain value means equality, a {@link Condition} applies its operator. The field
	 * may also be a named compound unique key with a map of its fields, as
	 * {@code where("namespace_key", Map.of("namespace", ns, "key", key))}.
	 */
	public Q where(String field, @Nullable Object valueOrCondition) {
		this.filters.add(Filter.of(Arguments.required(field, "where field"), valueOrCondition));
		return self();
	}

	/** Adds a filter tree, built with {@link Where}. */
	public Q where(Filter filter) {
		this.filters.add(Arguments.required(filter, "where filter"));
		return self();
	}

	/** Adds a filter in the map shape of the TypeScript original (see {@link Where#fromMap(Map)}). */
	public Q where(Map<String, ?> where) {
		this.filters.add(Where.fromMap(Arguments.required(where, "where map")));
		return self();
	}

	/** The filters added so far, all of which must match: a read-only view that later {@code where}s extend. */
	public List<Filter> filters() {
		return this.filtersView;
	}

	@SuppressWarnings("unchecked")
	private Q self() {
		return (Q) this;
	}

}
