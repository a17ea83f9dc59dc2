package dev.farminglabs.orm.spi;

import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.schema.FieldDefinition;

/** A resolved sort key. Nulls first when ascending, last when descending. */
public record Sort(FieldDefinition field, SortDirection direction) {

}
