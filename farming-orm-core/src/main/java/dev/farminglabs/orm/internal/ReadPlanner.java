package dev.farminglabs.orm.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.FindQuery;
import dev.farminglabs.orm.query.OrderBy;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.RelationDefinition;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.ReadQuery;
import dev.farminglabs.orm.spi.Sort;
import org.jspecify.annotations.Nullable;

/** Checks a {@link FindQuery} against a model and plans the driver read. */
final class ReadPlanner {

	private final ModelDefinition model;

	private final CriteriaResolver criteria;

	private final RowExpiry expiry;

	/** The order of a read that names none: by id, so that paging is stable. */
	private final List<Sort> idOrder;

	ReadPlanner(ModelDefinition model, CriteriaResolver criteria, RowExpiry expiry) {
		this.model = model;
		this.criteria = criteria;
		this.expiry = expiry;
		this.idOrder = List.of(new Sort(model.idField(), SortDirection.ASC));
	}

	ReadPlan plan(FindQuery query, @Nullable Integer take) {
		return plan(query, this.criteria.resolve(query.filters()), take, query.skip(), List.of());
	}

	/**
	 * Plans a read with resolved criteria and paging, fetching {@code extraFields} too (relation keys of a parent);
	 * expired rows are left out.
	 */
	ReadPlan plan(FindQuery query, Criteria where, @Nullable Integer take, int skip,
			List<FieldDefinition> extraFields) {
		checkPaging(take, skip, "");
		List<String> selected = query.fields();
		if (selected == null && query.relations().isEmpty() && extraFields.isEmpty()) {
			// The common read: every field, no relation; the field list is the model's own, shared.
			ReadQuery read = new ReadQuery(this.expiry.live(where), sorts(query.orderBy()), take, skip,
					this.model.fields(), query.isForUpdate());
			return new ReadPlan(this.model, read, this.model.fields(), List.of());
		}
		Map<String, FindQuery> nestedByName = query.relations();
		List<String> relationNames = new ArrayList<>(query.relationNames());
		List<FieldDefinition> shown = new ArrayList<>();
		if (selected == null) {
			shown.addAll(this.model.fields());
		}
		else {
			for (String name : selected) {
				FieldDefinition field = this.model.findField(name).orElse(null);
				if (field != null) {
					if (!shown.contains(field)) {
						shown.add(field);
					}
				}
				else if (this.model.relations().containsKey(name)) {
					if (!relationNames.contains(name)) {
						relationNames.add(name);
					}
				}
				else {
					throw unknown(name, "select");
				}
			}
		}
		List<ReadPlan.RelationPlan> relations = new ArrayList<>();
		Set<FieldDefinition> fetched = new LinkedHashSet<>(shown);
		fetched.addAll(extraFields);
		for (String name : relationNames) {
			RelationDefinition relation = this.model.relations().get(name);
			if (relation == null) {
				throw unknown(name, "select");
			}
			FindQuery nested = nestedByName.getOrDefault(name, new FindQuery());
			checkPaging(nested.take(), nested.skip(), " relation '" + name + "'");
			if (nested.isForUpdate()) {
				throw OrmException.validation(this.model.name(), name, "Model '" + this.model.name() + "' relation '"
						+ name + "' cannot be read forUpdate: only the rows of the model read are locked");
			}
			relations.add(new ReadPlan.RelationPlan(relation, nested));
			fetched.add(this.model.field(relation.localField()));
		}
		List<Sort> orderBy = sorts(query.orderBy());
		ReadQuery read = new ReadQuery(this.expiry.live(where), orderBy, take, skip, List.copyOf(fetched),
				query.isForUpdate());
		return new ReadPlan(this.model, read, shown, relations);
	}

	private void checkPaging(@Nullable Integer take, int skip, String relation) {
		if (take != null && take < 0) {
			throw OrmException.validation(this.model.name(), null,
					"Model '" + this.model.name() + "'" + relation + " take must be 0 or more, got " + take);
		}
		if (skip < 0) {
			throw OrmException.validation(this.model.name(), null,
					"Model '" + this.model.name() + "'" + relation + " skip must be 0 or more, got " + skip);
		}
	}

	List<Sort> sorts(List<OrderBy> orderBy) {
		if (orderBy.isEmpty()) {
			return this.idOrder;
		}
		List<Sort> sorts = new ArrayList<>(orderBy.size() + 1);
		boolean hasId = false;
		for (OrderBy order : orderBy) {
			FieldDefinition field = this.model.findField(order.field()).orElseThrow(() -> unknown(order.field(), "orderBy"));
			if (field.kind() == dev.farminglabs.orm.schema.FieldKind.JSON) {
				throw OrmException.validation(this.model.name(), field.name(), "Model '" + this.model.name()
						+ "' cannot order by json field '" + field.name() + "'");
			}
			sorts.add(new Sort(field, order.direction()));
			hasId |= field.isId();
		}
		if (!hasId) {
			sorts.add(new Sort(this.model.idField(), SortDirection.ASC));
		}
		return sorts;
	}

	private OrmException unknown(String name, String where) {
		List<String> valid = new ArrayList<>(this.model.fieldNames());
		if (where.equals("select")) {
			valid.addAll(this.model.relations().keySet());
		}
		return OrmException.validation(this.model.name(), name, "Model '" + this.model.name() + "' has no field"
				+ (where.equals("select") ? " or relation" : "") + " '" + name + "' to " + where + "; valid: " + valid);
	}

}
