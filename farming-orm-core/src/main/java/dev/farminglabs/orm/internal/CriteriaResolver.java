package dev.farminglabs.orm.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.capability.TextMatching;
import dev.farminglabs.orm.codec.InputLimits;
import dev.farminglabs.orm.codec.ValueCodec;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Condition;
import dev.farminglabs.orm.query.Filter;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldKind;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.Criteria;
import org.jspecify.annotations.Nullable;

/** Checks a where clause against a model and resolves it into {@link Criteria} with canonical values. */
final class CriteriaResolver {

	private final ModelDefinition model;

	private final ValueNormalizer values;

	private final TextMatching textMatching;

	private final UniqueKeys uniqueKeys;

	CriteriaResolver(ModelDefinition model, ValueNormalizer values, TextMatching textMatching, UniqueKeys uniqueKeys) {
		this.model = model;
		this.values = values;
		this.textMatching = textMatching;
		this.uniqueKeys = uniqueKeys;
	}

	/**
	 * The criteria of a where; refuses wheres deeper than {@link InputLimits#MAX_WHERE_DEPTH} or larger than
	 * {@link InputLimits#MAX_WHERE_SIZE} before walking them further (a where nested 10,000 deep once crashed a MariaDB
	 * server, and would overflow the stack of every recursive renderer).
	 */
	Criteria resolve(List<Filter> filters) {
		long size = 0;
		for (Filter filter : filters) {
			size += measure(filter, 1, InputLimits.MAX_WHERE_SIZE - size);
		}
		if (filters.size() == 1) {
			return resolve(filters.get(0));
		}
		List<Criteria> criteria = new ArrayList<>(filters.size());
		for (Filter filter : filters) {
			criteria.add(resolve(filter));
		}
		return new Criteria.And(criteria);
	}

	private Criteria resolve(Filter filter) {
		if (filter instanceof Filter.FieldFilter field) {
			return resolveField(field.field(), field.condition());
		}
		if (filter instanceof Filter.And and) {
			return new Criteria.And(and.filters().stream().map(this::resolve).toList());
		}
		if (filter instanceof Filter.Or or) {
			return new Criteria.Or(or.filters().stream().map(this::resolve).toList());
		}
		return new Criteria.Not(resolve(((Filter.Not) filter).filter()));
	}

	/** The size of the filter (conditions and list items), checking depth and the size left on the way. */
	private long measure(Filter filter, int depth, long left) {
		if (depth > InputLimits.MAX_WHERE_DEPTH) {
			throw OrmException.validation(this.model.name(), null, "Model '" + this.model.name() + "' where nests deeper"
					+ " than " + InputLimits.MAX_WHERE_DEPTH + " levels of and, or and not");
		}
		long size = 0;
		if (filter instanceof Filter.FieldFilter field) {
			Object value = field.condition().value();
			size = (value instanceof Collection<?> items) ? Math.max(1, items.size()) : 1;
		}
		else {
			List<Filter> children = (filter instanceof Filter.And and) ? and.filters()
					: (filter instanceof Filter.Or or) ? or.filters() : List.of(((Filter.Not) filter).filter());
			size = 1;
			for (Filter child : children) {
				size += measure(child, depth + 1, left - size);
			}
		}
		if (size > left) {
			throw OrmException.validation(this.model.name(), null, "Model '" + this.model.name() + "' where holds more"
					+ " than " + InputLimits.MAX_WHERE_SIZE + " conditions and list items");
		}
		return size;
	}

	private Criteria resolveField(String name, Condition condition) {
		FieldDefinition field = this.model.findField(name).orElse(null);
		if (field == null) {
			UniqueConstraint compound = this.uniqueKeys.compound(name);
			if (compound != null) {
				return expandCompound(compound, condition);
			}
			throw unknownField(name);
		}
		Operator operator = condition.operator();
		Object value = condition.value();
		if (operator.isRange()) {
			if (!ValueCodec.isOrdered(field)) {
				throw invalid(field, operator.key() + " does not apply to " + kind(field) + " fields");
			}
			requireValue(field, operator, value);
			return new Criteria.Compare(field, operator, normalize(field, value));
		}
		if (operator.isTextMatch()) {
			if (field.kind() != FieldKind.STRING && field.kind() != FieldKind.ENUM
					&& !(field.isId() && !field.isIntegral())) {
				throw invalid(field, operator.key() + " applies only to string fields, not to " + kind(field));
			}
			if (!(value instanceof String text)) {
				throw invalid(field, operator.key() + " expects a String, got " + InputLimits.describe(value));
			}
			if (this.textMatching == TextMatching.NONE) {
				throw OrmException.unsupported(this.model.name(),
						"This backend cannot evaluate " + operator.key() + " (capabilities: textMatching=NONE)");
			}
			return new Criteria.Compare(field, operator, InputLimits.checkText(this.model.name(), field.name(), text));
		}
		if (operator.isList()) {
			if (!(value instanceof Collection<?> items)) {
				throw invalid(field, operator.key() + " expects a list of values, got " + InputLimits.describe(value));
			}
			List<@Nullable Object> canonical = new ArrayList<>(items.size());
			for (Object item : items) {
				canonical.add(normalize(field, item));
			}
			return new Criteria.Compare(field, operator, canonical);
		}
		return new Criteria.Compare(field, operator, normalize(field, value));
	}

	private Criteria expandCompound(UniqueConstraint key, Condition condition) {
		if (condition.operator() != Operator.EQ || !(condition.value() instanceof Map<?, ?> values)
				|| !values.keySet().equals(this.uniqueKeys.fieldSet(key))) {
			throw OrmException.validation(this.model.name(), key.keyName(), "Model '" + this.model.name()
					+ "' compound key '" + key.keyName() + "' expects a map of exactly " + key.fields() + ", got "
					+ InputLimits.describe(condition.value()));
		}
		List<Criteria> criteria = new ArrayList<>(key.fields().size());
		for (String fieldName : key.fields()) {
			FieldDefinition field = this.model.field(fieldName);
			criteria.add(new Criteria.Compare(field, Operator.EQ, normalize(field, values.get(fieldName))));
		}
		return new Criteria.And(criteria);
	}

	private @Nullable Object normalize(FieldDefinition field, @Nullable Object value) {
		return this.values.normalize(this.model.name(), field, value);
	}

	private void requireValue(FieldDefinition field, Operator operator, @Nullable Object value) {
		if (value == null) {
			throw invalid(field, operator.key() + " needs a value, got null");
		}
	}

	private OrmException unknownField(String name) {
		List<String> valid = new ArrayList<>(this.model.fieldNames());
		this.model.uniqueConstraints().stream().filter(UniqueConstraint::isCompound).forEach((key) -> valid.add(key.keyName()));
		String relation = this.model.relations().containsKey(name)
				? " ('" + name + "' is a relation; filter on its key field instead)" : "";
		return OrmException.validation(this.model.name(), name, "Model '" + this.model.name()
				+ "' has no field '" + name + "' to filter on" + relation + "; valid: " + valid);
	}

	private OrmException invalid(FieldDefinition field, String message) {
		return OrmException.validation(this.model.name(), field.name(),
				"Model '" + this.model.name() + "' field '" + field.name() + "': " + message);
	}

	private static String kind(FieldDefinition field) {
		return field.kind().name().toLowerCase();
	}

}
