package dev.farminglabs.orm.spi;

import java.util.List;

import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.RelationDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A relation to load together with the rows of a read, with no filter, order or paging of its own.
 *
 * @param relation the relation
 * @param target the related model
 * @param through the join model of a many-to-many relation, or {@code null}
 * @param fields the fields of the target the caller needs; a driver may return more
 */
public record JoinedRelation(RelationDefinition relation, ModelDefinition target, @Nullable ModelDefinition through,
		List<FieldDefinition> fields) {

	public JoinedRelation {
		fields = List.copyOf(fields);
	}

}
