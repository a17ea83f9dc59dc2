package dev.farminglabs.orm.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

import dev.farminglabs.orm.jdbc.dialect.SqlValue;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldKind;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.Sort;
import org.jspecify.annotations.Nullable;

/**
 * What the SQL of one statement depends on, without its values (the key of {@link StatementCache}), collected in one
 * walk over the statement's inputs together with the parameter values in the order the rendered SQL binds them — the
 * parameter plan: a cached statement is bound by this walk, never rendered again.
 * <p>
 * A comparison whose SQL or parameters depend on its value (decimals compared by their stored keys, text matching
 * with its escaped pattern) makes the shape uncacheable: such a statement is rendered on every call, as before.
 */
final class StatementShape {

	private final ModelDefinition model;

	private final List<Object> tokens = new ArrayList<>(16);

	private final List<SqlValue> params = new ArrayList<>();

	private boolean cacheable = true;

	StatementShape(ModelDefinition model, String operation) {
		this.model = model;
		this.tokens.add(operation);
	}

	/** A part of the shape that changes the SQL (a flag, a name, a count). */
	StatementShape token(Object token) {
		this.tokens.add(token);
		return this;
	}

	StatementShape fields(List<FieldDefinition> fields) {
		this.tokens.add(fields.size());
		for (FieldDefinition field : fields) {
			this.tokens.add(field.name());
		}
		return this;
	}

	StatementShape order(List<Sort> sorts) {
		this.tokens.add(sorts.size());
		for (Sort sort : sorts) {
			this.tokens.add(sort.field().name());
			this.tokens.add(sort.direction());
		}
		return this;
	}

	/** A parameter, in the order the SQL binds it. */
	StatementShape param(SqlValue value) {
		this.params.add(value);
		return this;
	}

	/** Parameters added by a dialect method (limits, atomic changes) whose SQL depends only on the shape. */
	List<SqlValue> params() {
		return this.params;
	}

	/** The structure of a where clause, with its parameters in the order {@link WhereRenderer} binds them. */
	StatementShape where(Criteria criteria) {
		if (criteria instanceof Criteria.Compare compare) {
			compare(compare);
		}
		else if (criteria instanceof Criteria.And and) {
			children('&', and.criteria());
		}
		else if (criteria instanceof Criteria.Or or) {
			children('|', or.criteria());
		}
		else {
			this.tokens.add('!');
			where(((Criteria.Not) criteria).criteria());
		}
		return this;
	}

	private void children(char junction, List<Criteria> children) {
		this.tokens.add(junction);
		this.tokens.add(children.size());
		for (Criteria child : children) {
			where(child);
		}
	}

	private void compare(Criteria.Compare compare) {
		FieldDefinition field = compare.field();
		Object value = compare.value();
		this.tokens.add(field.name());
		this.tokens.add(compare.operator());
		switch (compare.operator()) {
			case EQ, NOT -> {
				this.tokens.add(value == null);
				if (value != null) {
					valueParam(field, value);
				}
			}
			case IN, NOT_IN -> {
				int plain = 0;
				boolean includesNull = false;
				for (Object element : (value != null) ? (List<?>) value : List.of()) {
					if (element == null) {
						includesNull = true;
					}
					else {
						plain++;
						valueParam(field, element);
					}
				}
				this.tokens.add(plain);
				this.tokens.add(includesNull);
			}
			case GT, GTE, LT, LTE -> valueParam(field, value);
			default -> this.cacheable = false;
		}
	}

	private void valueParam(FieldDefinition field, @Nullable Object value) {
		if (field.kind() == FieldKind.DECIMAL) {
			// Decimals kept as order-preserving text compare by keys computed from the value (DecimalKeys).
			this.cacheable = false;
		}
		this.params.add(new SqlValue(field, value));
	}

	boolean cacheable() {
		return this.cacheable;
	}

	/** The cache key: the model (by identity) and the shape's tokens. */
	Key key() {
		return new Key(this.model, this.tokens);
	}

	/**
	 * The key of a cached statement.
	 *
	 * @param model the model, compared by identity (models are immutable parts of one schema)
	 * @param tokens the operation and the shape, values left out
	 */
	record Key(ModelDefinition model, List<Object> tokens) {
	}

}
