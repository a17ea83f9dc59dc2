package dev.farminglabs.orm.query;

import org.jspecify.annotations.Nullable;

/**
 * Create-or-update by one unique key: the where names the key, {@code create} is written when no row has it,
 * {@code update} is applied when one does.
 */
public final class UpsertQuery extends FilterableQuery<UpsertQuery> {

	private @Nullable Selection selection;

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

	/** Narrows the returned row to these fields and relations (upstream's {@code select}); every field otherwise. */
	public UpsertQuery select(String... fieldNames) {
		building().select(fieldNames);
		return this;
	}

	/** Adds a relation, narrowed by its own query, to the returned row's selected fields. */
	public UpsertQuery select(String relation, java.util.function.Consumer<FindQuery> nested) {
		building().select(relation, nested);
		return this;
	}

	/** Adds a relation to every field of the returned row. */
	public UpsertQuery include(String relation) {
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
