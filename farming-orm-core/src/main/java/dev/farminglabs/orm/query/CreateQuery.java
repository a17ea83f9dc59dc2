package dev.farminglabs.orm.query;

import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A create in upstream's shape, {@code create({ data, select })}: the row to write and, optionally, the shape of the
 * row returned.
 */
public final class CreateQuery {

	private @Nullable Object data;

	private @Nullable Selection selection;

	public CreateQuery() {
	}

	/** The row to create: a {@code Map} (null values allowed) or a record/POJO. */
	public CreateQuery data(Object data) {
		this.data = Objects.requireNonNull(data, "data");
		return this;
	}

	/** Narrows the returned row to these fields and relations; every field otherwise. */
	public CreateQuery select(String... fieldNames) {
		building().select(fieldNames);
		return this;
	}

	/** Adds a relation, narrowed by its own query, to the returned row's selected fields. */
	public CreateQuery select(String relation, Consumer<FindQuery> nested) {
		building().select(relation, nested);
		return this;
	}

	/** Adds a relation to every field of the returned row. */
	public CreateQuery include(String relation) {
		building().include(relation);
		return this;
	}

	public @Nullable Object data() {
		return this.data;
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
