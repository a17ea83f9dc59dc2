package dev.farminglabs.orm.schema;

import java.util.List;

/**
 * A unique key of a model: the id, a field marked {@code .unique()}, or a compound {@code .unique(fields...)}.
 *
 * @param name the physical constraint name (schema, table and columns joined by {@code _}, lower-cased, suffixed
 * {@code _unique}); for the id, the table's primary key name
 * @param keyName the name of the key in unique lookups: the field name for one field, the field names joined by
 * {@code _} for a compound key (as {@code namespace_key})
 * @param fields the model fields of the key, in declaration order
 * @param columns the physical columns of the key
 * @param primaryKey whether this is the model's id
 */
public record UniqueConstraint(String name, String keyName, List<String> fields, List<String> columns,
		boolean primaryKey) {

	public UniqueConstraint {
		fields = List.copyOf(fields);
		columns = List.copyOf(columns);
	}

	/** Whether the key is made of more than one field. */
	public boolean isCompound() {
		return this.fields.size() > 1;
	}

}
