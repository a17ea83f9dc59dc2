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
 */
public record ReadQuery(Criteria where, List<Sort> orderBy, @Nullable Integer take, int skip,
		List<FieldDefinition> fields) {

	public ReadQuery {
		orderBy = List.copyOf(orderBy);
		fields = List.copyOf(fields);
	}

}
