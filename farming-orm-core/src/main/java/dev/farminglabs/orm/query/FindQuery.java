package dev.farminglabs.orm.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A read: where, select (fields and nested relations), order, paging. Also the shape of a nested relation select,
 * which may carry its own where, order and paging.
 */
public final class FindQuery extends FilterableQuery<FindQuery> {

	private @Nullable List<String> fields;

	private final Map<String, FindQuery> relations = new LinkedHashMap<>();

	private final List<OrderBy> orderBy = new ArrayList<>();

	private @Nullable Integer take;

	private int skip;

	private boolean forUpdate;

	public FindQuery() {
	}

	/**
	 * Selects these fields (or relations, with all their fields) only; by default a read returns every field and no
	 * relation. Repeated calls add to the selection.
	 */
	public FindQuery select(String... fieldNames) {
		if (this.fields == null) {
			this.fields = new ArrayList<>();
		}
		this.fields.addAll(Arguments.noNulls(fieldNames, "select field"));
		return this;
	}

	/** Adds a relation, with every field of the related model, to whatever fields are selected. */
	public FindQuery include(String relation) {
		return include(relation, (nested) -> {
		});
	}

	/** Adds a relation, shaped by its own select, where, order and paging, to whatever fields are selected. */
	public FindQuery include(String relation, Consumer<FindQuery> nested) {
		Arguments.required(relation, "relation name");
		Arguments.required(nested, "nested query");
		FindQuery query = new FindQuery();
		nested.accept(query);
		this.relations.put(relation, query);
		return this;
	}

	/**
	 * Selects a relation, shaped by its own select, where, order and paging. Like {@link #select(String...)}, it
	 * narrows the result to what is selected: without a field select, rows hold only the relation.
	 */
	public FindQuery select(String relation, Consumer<FindQuery> nested) {
		include(relation, nested);
		if (this.fields == null) {
			this.fields = new ArrayList<>();
		}
		return this;
	}

	/** Sorts ascending by a field; later calls break ties of earlier ones. */
	public FindQuery orderBy(String field) {
		return orderBy(field, SortDirection.ASC);
	}

	/** Sorts by a field in a direction; later calls break ties of earlier ones. */
	public FindQuery orderBy(String field, SortDirection direction) {
		this.orderBy.add(new OrderBy(Arguments.required(field, "orderBy field"),
				Arguments.required(direction, "orderBy direction")));
		return this;
	}

	/** Returns at most this many rows. */
	public FindQuery take(int count) {
		this.take = count;
		return this;
	}

	/** Skips this many rows first. */
	public FindQuery skip(int count) {
		this.skip = count;
		return this;
	}

	/**
	 * Locks the rows read until the enclosing transaction ends ({@code SELECT ... FOR UPDATE}), so a read-modify-write
	 * in {@code orm.transaction} (or a Spring transaction) cannot lose a concurrent write: another locking read or
	 * write of those rows waits. Outside a transaction the lock ends with the read. Only the model's own rows are
	 * locked, not those of selected relations. Needs {@code Capabilities.supportsLockingReads()}; elsewhere the read
	 * fails with {@code UNSUPPORTED_OPERATION}.
	 */
	public FindQuery forUpdate() {
		this.forUpdate = true;
		return this;
	}

	/** Whether the read locks its rows ({@link #forUpdate()}). */
	public boolean isForUpdate() {
		return this.forUpdate;
	}

	/** The selected fields, or {@code null} for every field. */
	public @Nullable List<String> fields() {
		return (this.fields != null) ? List.copyOf(this.fields) : null;
	}

	/** The selected relations with their nested queries. */
	public Map<String, FindQuery> relations() {
		return Map.copyOf(this.relations);
	}

	/** The relation names in the order they were selected. */
	public List<String> relationNames() {
		return List.copyOf(this.relations.keySet());
	}

	public List<OrderBy> orderBy() {
		return List.copyOf(this.orderBy);
	}

	public @Nullable Integer take() {
		return this.take;
	}

	public int skip() {
		return this.skip;
	}

}
