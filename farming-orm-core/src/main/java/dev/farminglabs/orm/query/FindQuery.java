package dev.farminglabs.orm.query;

import java.util.ArrayList;
import java.util.Collections;
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

	// Created on first use: most reads select no relation and many no order.
	private Map<String, FindQuery> relations = Map.of();

	private List<OrderBy> orderBy = List.of();

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
		if (this.relations.isEmpty()) {
			this.relations = new LinkedHashMap<>();
		}
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
		if (this.orderBy.isEmpty()) {
			this.orderBy = new ArrayList<>(2);
		}
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

	// The accessors below return read-only views, not copies: a query is read once, after it is built.

	/** The selected fields, or {@code null} for every field. */
	public @Nullable List<String> fields() {
		List<String> selected = this.fields;
		return (selected != null) ? Collections.unmodifiableList(selected) : null;
	}

	/** The selected relations with their nested queries, in the order they were selected. */
	public Map<String, FindQuery> relations() {
		return Collections.unmodifiableMap(this.relations);
	}

	/** The relation names in the order they were selected. */
	public List<String> relationNames() {
		return this.relations.isEmpty() ? List.of() : List.copyOf(this.relations.keySet());
	}

	/** The sort keys, in order. */
	public List<OrderBy> orderBy() {
		return Collections.unmodifiableList(this.orderBy);
	}

	public @Nullable Integer take() {
		return this.take;
	}

	public int skip() {
		return this.skip;
	}

}
