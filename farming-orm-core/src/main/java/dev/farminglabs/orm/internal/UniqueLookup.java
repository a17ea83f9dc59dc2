package dev.farminglabs.orm.internal;

import java.util.Map;

import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.Criteria;

/**
 * A where clause that names exactly one unique key with a non-null value for each of its fields, as
 * {@code findUnique} and {@code upsert} require; found by {@link UniqueKeys#lookup}.
 *
 * @param key the unique key named
 * @param values the key's field values, canonical
 * @param criteria the where clause, as equality on the key's fields
 */
record UniqueLookup(UniqueConstraint key, Map<String, Object> values, Criteria criteria) {

}
