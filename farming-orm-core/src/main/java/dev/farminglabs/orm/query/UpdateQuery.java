package dev.farminglabs.orm.query;

import org.jspecify.annotations.Nullable;

/** A change: which rows (where) and what to set (data, a {@code Map} allowing nulls, or a record/POJO). */
public final class UpdateQuery extends FilterableQuery<UpdateQuery> {

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

}
