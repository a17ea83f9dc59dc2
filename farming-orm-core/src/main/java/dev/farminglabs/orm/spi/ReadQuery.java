package dev.farminglabs.orm.spi;

import java.util.List;

import dev.farminglabs.orm.schema.FieldDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A resolved read of one model.
 *
 * @param where the filter
 * @param orderBy the sort keys; always ends with the id, so results are deterministic
 * @param take the most rows to return, or {@code null} for all
 * @param skip the rows to skip first
 * @param fields the fields the caller needs; a driver may return more
 * @param lock whether the rows read are locked until the enclosing transaction ends ({@code forUpdate}); only
 * {@code true} when the capabilities declare {@code supportsLockingReads}
 */
public record ReadQuery(Criteria where, List<Sort> orderBy, @Nullable Integer take, int skip,
		List<FieldDefinition> fields, boolean lock) {

	public ReadQuery {
		orderBy = List.copyOf(orderBy);
		fields = List.copyOf(fields);
	}

	/** A read that locks nothing. */
	public ReadQuery(Criteria where, List<Sort> orderBy, @Nullable Integer take, int skip,
			List<FieldDefinition> fields) {
		this(where, orderBy, take, skip, fields, false);
	}

	/** This read, locking its rows or not. */
	public ReadQuery locking(boolean value) {
		return (value == this.lock) ? this : new ReadQuery(this.where, this.orderBy, this.take, this.skip, this.fields,
				value);
	}

}
