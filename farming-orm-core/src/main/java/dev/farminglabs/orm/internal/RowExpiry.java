package dev.farminglabs.orm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.Criteria;
import org.jspecify.annotations.Nullable;

/**
 * A model's expiry field ({@code datetime().expiry()}) as conditions the client adds: every read and every write by
 * where sees only live rows (expiry null or still ahead), so expired rows are invisible on every backend, whether or
 * not it removes them natively. Models without one pass their criteria through unchanged.
 */
final class RowExpiry {

	private final ModelDefinition model;

	private final @Nullable FieldDefinition field;

	private final ValueNormalizer values;

	RowExpiry(ModelDefinition model, ValueNormalizer values) {
		this.model = model;
		this.field = model.expiryField().orElse(null);
		this.values = values;
	}

	boolean applies() {
		return this.field != null;
	}

	/** The criteria restricted to rows that have not expired now. */
	Criteria live(Criteria where) {
		FieldDefinition expiry = this.field;
		if (expiry == null) {
			return where;
		}
		Criteria live = new Criteria.Or(List.of(new Criteria.Compare(expiry, Operator.EQ, null),
				new Criteria.Compare(expiry, Operator.GT, this.values.now())));
		return where.matchesAll() ? live : new Criteria.And(List.of(where, live));
	}

	/** Rows whose expiry has passed now. */
	Criteria expired() {
		FieldDefinition expiry = this.field;
		if (expiry == null) {
			return new Criteria.Or(List.of());
		}
		return new Criteria.Compare(expiry, Operator.LTE, this.values.now());
	}

	/**
	 * Expired rows that hold a unique value one of these rows is about to take: a create may reuse them, as on a
	 * backend that has already removed them. Empty ({@code Or} of nothing) when no row names a full key.
	 */
	Criteria expiredHolders(List<Map<String, @Nullable Object>> rows) {
		List<Criteria> holders = new ArrayList<>();
		for (Map<String, @Nullable Object> row : rows) {
			for (UniqueConstraint key : this.model.uniqueConstraints()) {
				List<Criteria> equalities = new ArrayList<>(key.fields().size());
				for (String name : key.fields()) {
					Object value = row.get(name);
					if (value == null) {
						break;
					}
					equalities.add(new Criteria.Compare(this.model.field(name), Operator.EQ, value));
				}
				if (equalities.size() == key.fields().size()) {
					holders.add((equalities.size() == 1) ? equalities.get(0) : new Criteria.And(equalities));
				}
			}
		}
		if (holders.isEmpty()) {
			return new Criteria.Or(List.of());
		}
		return new Criteria.And(List.of(expired(), new Criteria.Or(holders)));
	}

}
