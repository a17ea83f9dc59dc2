package dev.farminglabs.orm.schema;

import java.util.List;

/**
 * A non-unique index of a model.
 *
 * @param name the physical index name (schema, table and columns joined by {@code _}, lower-cased, suffixed
 * {@code _idx})
 * @param fields the model fields indexed, in order
 * @param columns the physical columns indexed
 */
public record IndexDefinition(String name, List<String> fields, List<String> columns) {

	public IndexDefinition {
		fields = List.copyOf(fields);
		columns = List.copyOf(columns);
	}

}
