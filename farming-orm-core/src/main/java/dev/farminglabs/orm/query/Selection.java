package dev.farminglabs.orm.query;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The shape of the row a write returns, as upstream's {@code select} on {@code create}, {@code update},
 * {@code upsert} and {@code delete}: fields by name and relations, each relation with its own nested query (where,
 * select, order, paging). Without a selection a write returns every field.
 */
public final class Selection {

	private final FindQuery query = new FindQuery();

	public Selection() {
	}

	/** Narrows the returned row to these fields (and relations, by name). */
	public Selection select(String... fieldNames) {
		this.query.select(fieldNames);
		return this;
	}

	/** Adds a relation, narrowed by its own query, to the selected fields. */
	public Selection select(String relation, Consumer<FindQuery> nested) {
		this.query.select(relation, nested);
		return this;
	}

	/** Adds a relation to every field of the returned row. */
	public Selection include(String relation) {
		this.query.include(relation);
		return this;
	}

	/** Adds a relation, shaped by its own query, to every field of the returned row. */
	public Selection include(String relation, Consumer<FindQuery> nested) {
		this.query.include(relation, nested);
		return this;
	}

	/** The selection as a read would apply it (fields and relations only). */
	public FindQuery asFindQuery() {
		return this.query;
	}

	/** A selection built by {@code spec}. */
	public static Selection of(Consumer<Selection> spec) {
		Selection selection = new Selection();
		Objects.requireNonNull(spec, "select").accept(selection);
		return selection;
	}

}
