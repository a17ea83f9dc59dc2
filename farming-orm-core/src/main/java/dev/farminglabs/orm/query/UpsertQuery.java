package dev.farminglabs.orm.query;

import org.jspecify.annotations.Nullable;

/**
 * Create-or-update by one unique key: the where names the key, {@code create} is written when no row has it,
 * {@code update} is applied when one does.
 */
public final class UpsertQuery extends FilterableQuery<UpsertQuery> {

	private @Nullable Object create;

	private @Nullable Object update;

	public UpsertQuery() {
	}

	/** The row to create when none matches: a {@code Map} (null values allowed) or a record/POJO. */
	public UpsertQuery create(Object data) {
		this.create = Arguments.required(data, "upsert create data");
		return this;
	}

	/** The changes to apply when a row matches: a {@code Map} (null values allowed) or a record/POJO. */
	public UpsertQuery update(Object data) {
		this.update = Arguments.required(data, "upsert update data");
		return this;
	}

	public @Nullable Object create() {
		return this.create;
	}

	public @Nullable Object update() {
		return this.update;
	}

}
