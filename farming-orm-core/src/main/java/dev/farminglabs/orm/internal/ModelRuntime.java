package dev.farminglabs.orm.internal;

import dev.farminglabs.orm.schema.ModelDefinition;

/**
 * Everything derived once per model and backend: where resolution, read planning and write checking.
 *
 * @param definition the model
 * @param criteria resolves where clauses
 * @param planner plans reads
 * @param writer checks write data
 * @param expiry the live-row condition of a model with an expiry field
 * @param uniqueKeys the unique keys, for lookups that must name one
 */
record ModelRuntime(ModelDefinition definition, CriteriaResolver criteria, ReadPlanner planner, RowWriter writer,
		RowExpiry expiry, UniqueKeys uniqueKeys) {

}
