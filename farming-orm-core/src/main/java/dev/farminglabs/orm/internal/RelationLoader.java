package dev.farminglabs.orm.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.FindQuery;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.RelationDefinition;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.JoinedRelation;
import dev.farminglabs.orm.spi.JoinedRow;
import dev.farminglabs.orm.spi.ReadQuery;
import org.jspecify.annotations.Nullable;

/**
 * Loads selected relations: natively (one driver read with joins) when the driver declares it and no relation has a
 * where, order, paging or relations of its own; otherwise one follow-up query per relation (chunked IN lists), then
 * grouping, ordering and per-parent paging in memory. Nested relations load recursively.
 */
final class RelationLoader {

	private final SchemaRuntime runtime;

	private final Driver driver;

	RelationLoader(SchemaRuntime runtime, Driver driver) {
		this.runtime = runtime;
		this.driver = driver;
	}

	/** Reads with a plan and shapes the rows, loading relations. */
	List<Row> read(ReadPlan plan) {
		check(plan);
		Optional<List<Row>> joined = readJoined(plan);
		if (joined.isPresent()) {
			return joined.get();
		}
		List<Map<String, @Nullable Object>> stored = this.driver.find(plan.model(), plan.query());
		return shape(plan, stored);
	}

	/**
	 * Checks the nested queries of every selected relation, at any depth, before anything is read: a bad nested
	 * select, where or order fails with {@code VALIDATION_ERROR} even when no parent row matches.
	 */
	void check(ReadPlan plan) {
		for (ReadPlan.RelationPlan relation : plan.relations()) {
			ModelRuntime target = this.runtime.model(relation.relation().target());
			FindQuery nested = relation.nested();
			check(target.planner()
				.plan(nested, target.criteria().resolve(nested.filters()), nested.take(), nested.skip(), List.of()));
		}
	}

	/**
	 * Reads with the driver's native relation loading when it declares it and every relation is simple (no where,
	 * order, paging or nested relations); related rows come back ordered by the target's id, as follow-up queries
	 * without an order give them.
	 */
	private Optional<List<Row>> readJoined(ReadPlan plan) {
		// A locking read locks the model's rows only: its relations are loaded by follow-up reads.
		if (plan.relations().isEmpty() || !this.driver.handle().capabilities().nativeRelationLoading()
				|| plan.query().lock()) {
			return Optional.empty();
		}
		NativeRelations kinds = this.driver.handle().capabilities().nativeRelations();
		List<JoinedRelation> relations = new ArrayList<>(plan.relations().size());
		List<ReadPlan> targetPlans = new ArrayList<>(plan.relations().size());
		for (ReadPlan.RelationPlan relation : plan.relations()) {
			FindQuery nested = relation.nested();
			if (!nested.filters().isEmpty() || !nested.orderBy().isEmpty() || nested.take() != null
					|| nested.skip() != 0 || !isNative(kinds, relation.relation())) {
				return Optional.empty();
			}
			ModelRuntime target = this.runtime.model(relation.relation().target());
			ReadPlan targetPlan = target.planner().plan(nested, Criteria.ALL, null, 0, List.of());
			// A join would bring expired rows of the target (or of a link model) along; follow-up reads leave them out.
			String link = relation.relation().through();
			if (!targetPlan.relations().isEmpty() || target.expiry().applies()
					|| (link != null && this.runtime.model(link).expiry().applies())) {
				return Optional.empty();
			}
			String through = relation.relation().through();
			relations.add(new JoinedRelation(relation.relation(), target.definition(),
					(through != null) ? this.runtime.model(through).definition() : null, targetPlan.query().fields()));
			targetPlans.add(targetPlan);
		}
		Optional<List<JoinedRow>> found = this.driver.findJoined(plan.model(), plan.query(), relations);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		List<Row> rows = new ArrayList<>(found.get().size());
		for (JoinedRow joined : found.get()) {
			Map<String, @Nullable Object> relationValues = new LinkedHashMap<>();
			for (int i = 0; i < relations.size(); i++) {
				RelationDefinition relation = relations.get(i).relation();
				List<Row> related = new ArrayList<>();
				for (Map<String, @Nullable Object> stored : joined.related().getOrDefault(relation.name(), List.of())) {
					related.add(RowShaper.shape(stored, targetPlans.get(i).shown(), Map.of()));
				}
				if (relation.kind().isToMany()) {
					relationValues.put(relation.name(), related);
				}
				else {
					relationValues.put(relation.name(), related.isEmpty() ? null : related.get(0));
				}
			}
			rows.add(RowShaper.shape(joined.row(), plan.shown(), relationValues));
		}
		return Optional.of(rows);
	}

	private static boolean isNative(NativeRelations kinds, RelationDefinition relation) {
		return switch (relation.kind()) {
			case BELONGS_TO -> kinds.belongsTo();
			case HAS_ONE -> kinds.hasOne();
			case HAS_MANY -> kinds.hasMany();
			case MANY_TO_MANY -> kinds.manyToMany();
		};
	}

	List<Row> shape(ReadPlan plan, List<Map<String, @Nullable Object>> stored) {
		if (plan.relations().isEmpty()) {
			List<Row> rows = new ArrayList<>(stored.size());
			for (Map<String, @Nullable Object> row : stored) {
				rows.add(RowShaper.all(row, plan.shown()));
			}
			return rows;
		}
		List<Map<String, @Nullable Object>> relationValues = new ArrayList<>(stored.size());
		for (int i = 0; i < stored.size(); i++) {
			relationValues.add(new LinkedHashMap<>());
		}
		for (ReadPlan.RelationPlan relation : plan.relations()) {
			List<@Nullable Object> loaded = load(plan.model(), relation, stored);
			for (int i = 0; i < stored.size(); i++) {
				relationValues.get(i).put(relation.relation().name(), loaded.get(i));
			}
		}
		List<Row> rows = new ArrayList<>(stored.size());
		for (int i = 0; i < stored.size(); i++) {
			rows.add(RowShaper.shape(stored.get(i), plan.shown(), relationValues.get(i)));
		}
		return rows;
	}

	private List<@Nullable Object> load(ModelDefinition model, ReadPlan.RelationPlan plan,
			List<Map<String, @Nullable Object>> parents) {
		RelationDefinition relation = plan.relation();
		ModelDefinition target = this.runtime.model(relation.target()).definition();
		FieldDefinition local = model.field(relation.localField());
		List<Object> parentKeys = distinctKeys(parents, local.name());
		Map<Object, List<Row>> byKey;
		if (relation.kind() == dev.farminglabs.orm.schema.RelationKind.MANY_TO_MANY) {
			byKey = loadThrough(relation, target, plan.nested(), parentKeys);
		}
		else {
			FieldDefinition targetField = target.field(relation.targetField());
			byKey = loadDirect(target, targetField, plan.nested(), parentKeys);
		}
		List<@Nullable Object> values = new ArrayList<>(parents.size());
		for (Map<String, @Nullable Object> parent : parents) {
			Object key = parent.get(local.name());
			List<Row> related = (key != null) ? byKey.getOrDefault(key, List.of()) : List.of();
			if (relation.kind().isToMany()) {
				values.add(page(related, plan.nested()));
			}
			else {
				List<Row> paged = page(related, plan.nested());
				values.add(paged.isEmpty() ? null : paged.get(0));
			}
		}
		return values;
	}

	private Map<Object, List<Row>> loadDirect(ModelDefinition target, FieldDefinition targetField, FindQuery nested,
			List<Object> keys) {
		// Ordered as fetched (nested orderBy, then id), which many-to-many relies on.
		Map<Object, List<Row>> byKey = new LinkedHashMap<>();
		if (keys.isEmpty()) {
			return byKey;
		}
		ModelRuntime targetRuntime = this.runtime.model(target.name());
		Criteria nestedWhere = targetRuntime.criteria().resolve(nested.filters());
		ReadPlan plan = targetRuntime.planner().plan(nested, nestedWhere, null, 0, List.of(targetField));
		List<Map<String, @Nullable Object>> stored = fetchChunked(plan, targetField, keys);
		List<Row> rows = shape(plan, stored);
		for (int i = 0; i < stored.size(); i++) {
			byKey.computeIfAbsent(stored.get(i).get(targetField.name()), (k) -> new ArrayList<>()).add(rows.get(i));
		}
		return byKey;
	}

	private Map<Object, List<Row>> loadThrough(RelationDefinition relation, ModelDefinition target, FindQuery nested,
			List<Object> keys) {
		Map<Object, List<Row>> byKey = new LinkedHashMap<>();
		if (keys.isEmpty()) {
			return byKey;
		}
		ModelRuntime through = this.runtime.model(relation.through());
		FieldDefinition from = through.definition().field(relation.throughFrom());
		FieldDefinition to = through.definition().field(relation.throughTo());
		ReadPlan linkPlan = through.planner().plan(new FindQuery(), Criteria.ALL, null, 0, List.of(from, to));
		List<Map<String, @Nullable Object>> links = fetchChunked(linkPlan, from, keys);
		Map<Object, Set<Object>> targetsByKey = new LinkedHashMap<>();
		Set<Object> targetKeys = new LinkedHashSet<>();
		for (Map<String, @Nullable Object> link : links) {
			Object toKey = link.get(to.name());
			if (toKey != null) {
				targetsByKey.computeIfAbsent(link.get(from.name()), (k) -> new LinkedHashSet<>()).add(toKey);
				targetKeys.add(toKey);
			}
		}
		Map<Object, List<Row>> targets = loadDirect(target, target.idField(), nested, List.copyOf(targetKeys));
		// Keep the target order (nested orderBy, then id) within each parent.
		List<Object> ordered = new ArrayList<>(targets.keySet());
		for (Map.Entry<Object, Set<Object>> entry : targetsByKey.entrySet()) {
			List<Row> rows = new ArrayList<>();
			for (Object targetKey : ordered) {
				if (entry.getValue().contains(targetKey)) {
					rows.addAll(targets.get(targetKey));
				}
			}
			byKey.put(entry.getKey(), rows);
		}
		return byKey;
	}

	private List<Map<String, @Nullable Object>> fetchChunked(ReadPlan base, FieldDefinition keyField,
			List<Object> keys) {
		int chunk = this.driver.handle().capabilities().readBatchSize();
		Criteria nestedWhere = base.query().where();
		List<Map<String, @Nullable Object>> all = new ArrayList<>();
		for (int start = 0; start < keys.size(); start += chunk) {
			List<Object> slice = keys.subList(start, Math.min(keys.size(), start + chunk));
			Criteria where = new Criteria.And(
					List.of(new Criteria.Compare(keyField, Operator.IN, List.copyOf(slice)), nestedWhere));
			ReadQuery query = new ReadQuery(where, base.query().orderBy(), null, 0, base.query().fields());
			all.addAll(this.driver.find(base.model(), query));
		}
		if (keys.size() > chunk) {
			all.sort(dev.farminglabs.orm.spi.ValueOrder.rows(base.query().orderBy()));
		}
		return all;
	}

	private static List<Row> page(List<Row> rows, FindQuery nested) {
		return dev.farminglabs.orm.spi.RowPipeline.page(rows, nested.skip(), nested.take());
	}

	private static List<Object> distinctKeys(List<Map<String, @Nullable Object>> rows, String field) {
		Set<Object> keys = new LinkedHashSet<>();
		for (Map<String, @Nullable Object> row : rows) {
			Object key = row.get(field);
			if (key != null) {
				keys.add(key);
			}
		}
		return List.copyOf(keys);
	}

}
