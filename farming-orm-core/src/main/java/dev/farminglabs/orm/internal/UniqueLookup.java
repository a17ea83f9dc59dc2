package dev.farminglabs.orm.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.Criteria;
import org.jspecify.annotations.Nullable;

/**
 * A where clause that names exactly one unique key with a non-null value for each of its fields, as
 * {@code findUnique} and {@code upsert} require.
 *
 * @param key the unique key named
 * @param values the key's field values, canonical
 * @param criteria the where clause, as equality on the key's fields
 */
record UniqueLookup(UniqueConstraint key, Map<String, Object> values, Criteria criteria) {

	/** Finds the unique key the criteria name, or fails naming the keys that would be valid. */
	static UniqueLookup of(ModelDefinition model, Criteria criteria, String operation) {
		Map<String, @Nullable Object> equalities = new LinkedHashMap<>();
		if (!collectEqualities(criteria, equalities) || equalities.isEmpty()) {
			throw notUnique(model, operation, "its where must be equality on the fields of one unique key");
		}
		for (UniqueConstraint key : model.uniqueConstraints()) {
			if (Set.copyOf(key.fields()).equals(equalities.keySet())) {
				Map<String, Object> values = new LinkedHashMap<>();
				for (String field : key.fields()) {
					Object value = equalities.get(field);
					if (value == null) {
						throw OrmException.validation(model.name(), field, "Model '" + model.name() + "' "
								+ operation + " needs a value for unique key field '" + field + "', got null");
					}
					values.put(field, value);
				}
				return new UniqueLookup(key, values, criteria);
			}
		}
		throw notUnique(model, operation, "fields " + equalities.keySet() + " are not exactly one unique key");
	}

	private static boolean collectEqualities(Criteria criteria, Map<String, @Nullable Object> into) {
		if (criteria instanceof Criteria.Compare compare) {
			String name = compare.field().name();
			if (compare.operator() != Operator.EQ || into.containsKey(name)) {
				return false;
			}
			into.put(name, compare.value());
			return true;
		}
		if (criteria instanceof Criteria.And and) {
			for (Criteria child : and.criteria()) {
				if (!collectEqualities(child, into)) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

	private static OrmException notUnique(ModelDefinition model, String operation, String why) {
		List<String> valid = new ArrayList<>();
		for (UniqueConstraint key : model.uniqueConstraints()) {
			valid.add(key.isCompound() ? key.keyName() + " (" + String.join(", ", key.fields()) + ")"
					: key.keyName());
		}
		return OrmException.builder(dev.farminglabs.orm.error.OrmErrorCode.VALIDATION_ERROR, "Model '"
				+ model.name() + "' " + operation + " needs exactly one unique key in its where: " + why
				+ "; valid keys: " + String.join(", ", valid))
			.model(model.name())
			.build();
	}

}
