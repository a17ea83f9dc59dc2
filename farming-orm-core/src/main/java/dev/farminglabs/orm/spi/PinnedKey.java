package dev.farminglabs.orm.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;

/**
 * The unique key a where clause pins: it requires equality with a non-null value on every field of that key (the id,
 * a {@code .unique()} field or a compound key), so at most one row can match. A key-value driver turns such a where
 * into one lookup through its record or lock key and evaluates {@link #remaining} on the row it finds, instead of
 * scanning.
 *
 * @param key the unique key pinned; the id is preferred, then single-field keys, then compound keys
 * @param values the key's field values in the key's field order, canonical and non-null
 * @param remaining the rest of the where, to check on the row found ({@link Criteria#ALL} when nothing is left)
 */
public record PinnedKey(UniqueConstraint key, Map<String, Object> values, Criteria remaining) {

	public PinnedKey {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/** The key the where pins, if it pins one. */
	public static Optional<PinnedKey> of(ModelDefinition model, Criteria where) {
		List<Criteria.Compare> equalities = new ArrayList<>();
		collectRequiredEqualities(where, equalities);
		if (equalities.isEmpty()) {
			return Optional.empty();
		}
		UniqueConstraint best = null;
		for (UniqueConstraint key : model.uniqueConstraints()) {
			if (covers(key, equalities) && (best == null || rank(key) < rank(best))) {
				best = key;
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		Map<String, Object> values = new LinkedHashMap<>();
		List<Criteria.Compare> used = new ArrayList<>();
		for (String field : best.fields()) {
			for (Criteria.Compare compare : equalities) {
				if (compare.field().name().equals(field)) {
					values.put(field, compare.value());
					used.add(compare);
					break;
				}
			}
		}
		return Optional.of(new PinnedKey(best, values, without(where, used)));
	}

	private static int rank(UniqueConstraint key) {
		return key.primaryKey() ? 0 : key.fields().size();
	}

	private static boolean covers(UniqueConstraint key, List<Criteria.Compare> equalities) {
		for (String field : key.fields()) {
			if (equalities.stream().noneMatch((compare) -> compare.field().name().equals(field))) {
				return false;
			}
		}
		return true;
	}

	/** Equalities with a non-null value that every matching row must satisfy: those reachable through ANDs only. */
	private static void collectRequiredEqualities(Criteria criteria, List<Criteria.Compare> into) {
		if (criteria instanceof Criteria.Compare compare && compare.operator() == Operator.EQ
				&& compare.value() != null) {
			into.add(compare);
		}
		else if (criteria instanceof Criteria.And and) {
			and.criteria().forEach((child) -> collectRequiredEqualities(child, into));
		}
	}

	/** The criteria without the comparisons used for the key (by identity), flattened into one AND. */
	private static Criteria without(Criteria where, List<Criteria.Compare> used) {
		List<Criteria> rest = new ArrayList<>();
		addRemaining(where, used, rest);
		return (rest.size() == 1) ? rest.get(0) : new Criteria.And(rest);
	}

	private static void addRemaining(Criteria criteria, List<Criteria.Compare> used, List<Criteria> into) {
		if (criteria instanceof Criteria.And and) {
			and.criteria().forEach((child) -> addRemaining(child, used, into));
		}
		else if (used.stream().noneMatch((compare) -> compare == criteria)) {
			into.add(criteria);
		}
	}

}
