package dev.farminglabs.orm.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.Criteria;
import org.jspecify.annotations.Nullable;

/**
 * The unique keys of one model, with what a call needs of them computed once: each key's field set, the compound
 * keys by name, and the list of valid keys an error names. Finds the {@link UniqueLookup} of a where.
 */
final class UniqueKeys {

	private final ModelDefinition model;

	private final List<KeyFields> keys;

	private final Map<String, UniqueConstraint> compoundByName;

	private final String validKeys;

	UniqueKeys(ModelDefinition model) {
		this.model = model;
		List<KeyFields> keys = new ArrayList<>();
		Map<String, UniqueConstraint> compound = new HashMap<>();
		List<String> valid = new ArrayList<>();
		for (UniqueConstraint key : model.uniqueConstraints()) {
			keys.add(new KeyFields(key, Set.copyOf(key.fields())));
			if (key.isCompound()) {
				compound.putIfAbsent(key.keyName(), key);
			}
			valid.add(key.isCompound() ? key.keyName() + " (" + String.join(", ", key.fields()) + ")" : key.keyName());
		}
		this.keys = List.copyOf(keys);
		this.compoundByName = Map.copyOf(compound);
		this.validKeys = String.join(", ", valid);
	}

	/** The compound key with this name, or {@code null}. */
	@Nullable UniqueConstraint compound(String name) {
		return this.compoundByName.get(name);
	}

	/** The fields of a key of this model, as a set. */
	Set<String> fieldSet(UniqueConstraint key) {
		for (KeyFields candidate : this.keys) {
			if (candidate.key() == key) {
				return candidate.fields();
			}
		}
		return Set.copyOf(key.fields());
	}

	/** Finds the unique key the criteria name, or fails naming the keys that would be valid. */
	UniqueLookup lookup(Criteria criteria, String operation) {
		Map<String, @Nullable Object> equalities = new LinkedHashMap<>(4);
		if (!collectEqualities(criteria, equalities) || equalities.isEmpty()) {
			throw notUnique(operation, "its where must be equality on the fields of one unique key");
		}
		for (KeyFields candidate : this.keys) {
			if (candidate.fields().equals(equalities.keySet())) {
				UniqueConstraint key = candidate.key();
				Map<String, Object> values = new LinkedHashMap<>(4);
				for (String field : key.fields()) {
					Object value = equalities.get(field);
					if (value == null) {
						throw OrmException.validation(this.model.name(), field, "Model '" + this.model.name() + "' "
								+ operation + " needs a value for unique key field '" + field + "', got null");
					}
					values.put(field, value);
				}
				return new UniqueLookup(key, values, criteria);
			}
		}
		throw notUnique(operation, "fields " + equalities.keySet() + " are not exactly one unique key");
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

	private OrmException notUnique(String operation, String why) {
		return OrmException.builder(OrmErrorCode.VALIDATION_ERROR, "Model '" + this.model.name() + "' " + operation
				+ " needs exactly one unique key in its where: " + why + "; valid keys: " + this.validKeys)
			.model(this.model.name())
			.build();
	}

	/** A key and its fields as a set, to compare with the fields a where pins. */
	private record KeyFields(UniqueConstraint key, Set<String> fields) {
	}

}
