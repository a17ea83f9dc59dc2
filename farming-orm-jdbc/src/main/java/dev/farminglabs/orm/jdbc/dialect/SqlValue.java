package dev.farminglabs.orm.jdbc.dialect;

import dev.farminglabs.orm.schema.FieldDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A value bound to a statement parameter, with the field it belongs to (so the dialect knows how to bind it), or a
 * raw JDBC value when {@code field} is null (limits, offsets).
 *
 * @param field the field whose canonical value this is, or {@code null} for a raw value
 * @param value the canonical value
 */
public record SqlValue(@Nullable FieldDefinition field, @Nullable Object value) {

	/** A raw parameter, bound with {@code setObject}. */
	public static SqlValue raw(Object value) {
		return new SqlValue(null, value);
	}

}
