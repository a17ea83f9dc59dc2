package dev.farminglabs.orm.internal;

import java.util.List;

import dev.farminglabs.orm.query.FindQuery;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.RelationDefinition;
import dev.farminglabs.orm.spi.ReadQuery;

/**
 * A checked read: the driver query (fetching the selected fields plus the keys relations need), the fields to show,
 * and the relations to load with their own plans.
 *
 * @param model the model read
 * @param query what the driver runs
 * @param shown the selected fields, in order
 * @param relations the selected relations
 */
record ReadPlan(ModelDefinition model, ReadQuery query, List<FieldDefinition> shown, List<RelationPlan> relations) {

	/**
	 * A relation to load for the rows of a read.
	 *
	 * @param relation the relation
	 * @param nested the caller's nested query (where, select, order, paging)
	 */
	record RelationPlan(RelationDefinition relation, FindQuery nested) {
	}

}
