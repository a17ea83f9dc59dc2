package dev.farminglabs.orm.query;

import org.jspecify.annotations.Nullable;

/** A change: which rows (where) and what to set (data, a {@code Map} allowing nulls, or a record/POJO). */
public final class UpdateQuery extends FilterableQuery<UpdateQuery> {

	private @Nullable Selection selection;

	private @Nullable Object data;

	public UpdateQuery() {
	}

	/** The fields to set: a {@code Map} (null values allowed) or a record/POJO. */
	public UpdateQuery data(Object data) {
		this.data = Arguments.required(data, "update data");
		return this;
	}

	/** The fields to set, as alternating names and values: {@code set("value", v, "expiresAt", null)}. */
	public UpdateQuery set(Object... namesAndValues) {
		return data(Data.of(namesAndValues));
	}

	public @Nullable Object data() {
		return this.data;
	}

	/** Narrows the returned row to these fields and relations (upstream's {@code select}); every field otherwise. */
	public UpdateQuery select(String... fieldNames) {
		building().select(fieldNames);
		return this;
	}

	/** Adds a relation, narrowed by its own query, to the returned row's selected fields. */
	public UpdateQuery select(String relation, java.util.function.Consumer<FindQuery> nested) {
		building().select(relation, nested);
		return this;
	}

	/** Adds a relation to every field of the returned row. */
	public UpdateQuery include(String relation) {
		building().include(relation);
		return this;
	}

	/** The shape of the returned row, or {@code null} for every field. */
	public @Nullable Selection selection() {
		return this.selection;
	}

	private Selection building() {
		if (this.selection == null) {
			this.selection = new Selection();
		}
		return this.selection;
	}

}
