package dev.farminglabs.orm.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.jdbc.dialect.SqlValue;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldKind;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.RelationDefinition;
import dev.farminglabs.orm.schema.RelationKind;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.Arithmetic;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.JoinedRelation;
import dev.farminglabs.orm.spi.ReadQuery;
import dev.farminglabs.orm.spi.Sort;
import org.jspecify.annotations.Nullable;

/**
 * Renders the DML statements of the driver for one dialect, each shape once: later statements of a shape take its
 * cached SQL and only collect their parameters (see {@link StatementShape}).
 */
final class StatementRenderer {

	private final SqlDialect dialect;

	private final WhereRenderer where;

	private final StatementCache cache;

	StatementRenderer(SqlDialect dialect) {
		this(dialect, StatementCache.DEFAULT_CAPACITY);
	}

	StatementRenderer(SqlDialect dialect, int cacheCapacity) {
		this.dialect = dialect;
		this.where = new WhereRenderer(dialect);
		this.cache = new StatementCache(cacheCapacity, dialect.spelling());
	}

	/** The statements of this renderer by shape; for tests. */
	StatementCache cache() {
		return this.cache;
	}

	SqlDialect dialect() {
		return this.dialect;
	}

	String columns(List<FieldDefinition> fields) {
		return this.dialect.columns(fields);
	}

	SqlFragment select(ModelDefinition model, List<FieldDefinition> fields, ReadQuery query, boolean lock) {
		StatementShape shape = new StatementShape(model, "select").fields(fields)
			.where(query.where())
			.order(query.orderBy())
			.token(query.take() != null)
			.token(query.skip() > 0)
			.token(lock);
		this.dialect.limit(query.take(), query.skip(), shape.params());
		return this.cache.statement(shape, () -> renderSelect(model, fields, query, lock));
	}

	private SqlFragment renderSelect(ModelDefinition model, List<FieldDefinition> fields, ReadQuery query,
			boolean lock) {
		List<SqlValue> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT ").append(columns(fields))
			.append(" FROM ")
			.append(this.dialect.table(model));
		appendWhere(sql, query.where(), params);
		sql.append(orderBy(query.orderBy()));
		sql.append(this.dialect.limit(query.take(), query.skip(), params));
		if (lock) {
			sql.append(this.dialect.forUpdate());
		}
		return new SqlFragment(sorted(sql.toString(), query.orderBy()), params);
	}

	/** The statement as the dialect runs it when it sorts long values (MySQL sorts by a prefix unless told). */
	private String sorted(String sql, List<Sort> sorts) {
		for (Sort sort : sorts) {
			FieldKind kind = sort.field().kind();
			Integer maxLength = sort.field().maxLength();
			// Ids, enums and strings of at most 255 characters fit MySQL's default 1024-byte prefix whole.
			boolean longText = kind == FieldKind.STRING && (maxLength == null || maxLength > 255);
			if (longText || kind == FieldKind.DECIMAL) {
				return this.dialect.sortingLongValues(sql);
			}
		}
		return sql;
	}

	/**
	 * The rows of {@code query} with the given relations, by LEFT JOINs on a derived table holding the base read
	 * (where, order, paging), so paging applies to base rows; ordered by the base order, then each relation's target
	 * id. Selects {@code baseFields}, then each relation's {@code targetFields}, in order.
	 */
	SqlFragment selectJoined(ModelDefinition model, List<FieldDefinition> baseFields, ReadQuery query,
			List<JoinedRelation> relations, List<List<FieldDefinition>> targetFields) {
		List<SqlValue> params = new ArrayList<>();
		List<String> selected = new ArrayList<>();
		baseFields.forEach((field) -> selected.add(qualified("b", field)));
		StringBuilder derived = new StringBuilder("SELECT ").append(columns(baseFields))
			.append(" FROM ")
			.append(this.dialect.table(model));
		appendWhere(derived, query.where(), params);
		if (query.take() != null || query.skip() > 0) {
			derived.append(orderBy(null, query.orderBy()));
			derived.append(this.dialect.limit(query.take(), query.skip(), params));
		}
		StringBuilder joins = new StringBuilder();
		List<String> order = new ArrayList<>();
		for (int i = 0; i < relations.size(); i++) {
			JoinedRelation joined = relations.get(i);
			RelationDefinition relation = joined.relation();
			ModelDefinition target = joined.target();
			String alias = "r" + i;
			targetFields.get(i).forEach((field) -> selected.add(qualified(alias, field)));
			String local = qualified("b", model.field(relation.localField()));
			ModelDefinition through = joined.through();
			if (relation.kind() == RelationKind.MANY_TO_MANY && through != null) {
				String link = "t" + i;
				joins.append(" LEFT JOIN ").append(this.dialect.table(through)).append(' ').append(link)
					.append(" ON ").append(qualified(link, through.field(relation.throughFrom()))).append(" = ")
					.append(local);
				joins.append(" LEFT JOIN ").append(this.dialect.table(target)).append(' ').append(alias)
					.append(" ON ").append(qualified(alias, target.idField())).append(" = ")
					.append(qualified(link, through.field(relation.throughTo())));
			}
			else {
				joins.append(" LEFT JOIN ").append(this.dialect.table(target)).append(' ').append(alias)
					.append(" ON ").append(qualified(alias, target.field(relation.targetField()))).append(" = ")
					.append(local);
			}
			order.add(sortKey(alias, new Sort(target.idField(), SortDirection.ASC)));
		}
		String sql = "SELECT " + String.join(", ", selected) + " FROM (" + derived + ") b" + joins
				+ orderBy("b", query.orderBy()) + (order.isEmpty() ? "" : ", " + String.join(", ", order));
		return new SqlFragment(sorted(sql, query.orderBy()), params);
	}

	private String qualified(String alias, FieldDefinition field) {
		return alias + "." + this.dialect.quote(field.column());
	}

	SqlFragment count(ModelDefinition model, Criteria criteria) {
		StatementShape shape = new StatementShape(model, "count").where(criteria);
		return this.cache.statement(shape, () -> renderCount(model, criteria));
	}

	private SqlFragment renderCount(ModelDefinition model, Criteria criteria) {
		List<SqlValue> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(this.dialect.table(model));
		appendWhere(sql, criteria, params);
		return new SqlFragment(sql.toString(), params);
	}

	SqlFragment insert(ModelDefinition model, List<FieldDefinition> columns, Map<String, @Nullable Object> row,
			boolean returning) {
		StatementShape shape = new StatementShape(model, "insert").fields(columns).token(returning);
		shape.params().addAll(insertParams(columns, row));
		return this.cache.statement(shape, () -> renderInsert(model, columns, row, returning));
	}

	/** The parameters of an insert of {@code row}, in the order of its columns. */
	List<SqlValue> insertParams(List<FieldDefinition> columns, Map<String, @Nullable Object> row) {
		List<SqlValue> params = new ArrayList<>(columns.size());
		for (FieldDefinition field : columns) {
			params.add(new SqlValue(field, row.get(field.name())));
		}
		return params;
	}

	private SqlFragment renderInsert(ModelDefinition model, List<FieldDefinition> columns,
			Map<String, @Nullable Object> row, boolean returning) {
		List<SqlValue> params = insertParams(columns, row);
		String sql = "INSERT INTO " + this.dialect.table(model) + " (" + columns(columns) + ") VALUES ("
				+ columns.stream().map(this.dialect::placeholder).collect(Collectors.joining(", ")) + ")"
				+ returning(model, returning);
		return new SqlFragment(sql, params);
	}

	SqlFragment update(ModelDefinition model, Criteria criteria, Map<String, @Nullable Object> changes,
			boolean returning) {
		StatementShape shape = new StatementShape(model, "update");
		changes(shape, model, changes);
		shape.where(criteria).token(returning);
		return this.cache.statement(shape, () -> renderUpdate(model, criteria, changes, returning));
	}

	/** The changed fields, each set from a parameter or changed atomically, with their parameters. */
	private void changes(StatementShape shape, ModelDefinition model, Map<String, @Nullable Object> changes) {
		shape.token(changes.size());
		for (Map.Entry<String, @Nullable Object> change : changes.entrySet()) {
			FieldDefinition field = model.field(change.getKey());
			shape.token(field.name());
			if (change.getValue() instanceof Arithmetic arithmetic) {
				shape.token(arithmetic.kind());
				this.dialect.arithmetic("", arithmetic.kind(), new SqlValue(field, arithmetic.amount()), shape.params());
			}
			else {
				shape.param(new SqlValue(field, change.getValue()));
			}
		}
	}

	private SqlFragment renderUpdate(ModelDefinition model, Criteria criteria, Map<String, @Nullable Object> changes,
			boolean returning) {
		List<SqlValue> params = new ArrayList<>();
		List<String> sets = new ArrayList<>();
		for (Map.Entry<String, @Nullable Object> change : changes.entrySet()) {
			FieldDefinition field = model.field(change.getKey());
			sets.add(this.dialect.quote(field.column()) + " = " + setExpression("", field, change.getValue(), params));
		}
		StringBuilder sql = new StringBuilder("UPDATE ").append(this.dialect.table(model))
			.append(" SET ")
			.append(String.join(", ", sets));
		appendWhere(sql, criteria, params);
		sql.append(returning(model, returning));
		return new SqlFragment(sql.toString(), params);
	}

	SqlFragment delete(ModelDefinition model, Criteria criteria, boolean returning) {
		StatementShape shape = new StatementShape(model, "delete").where(criteria).token(returning);
		return this.cache.statement(shape, () -> renderDelete(model, criteria, returning));
	}

	private SqlFragment renderDelete(ModelDefinition model, Criteria criteria, boolean returning) {
		List<SqlValue> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("DELETE FROM ").append(this.dialect.table(model));
		appendWhere(sql, criteria, params);
		sql.append(returning(model, returning));
		return new SqlFragment(sql.toString(), params);
	}

	/**
	 * The dialect's native upsert of one row on a unique key (insert values of {@code create}, on conflict the
	 * {@code changes}), for dialects whose capabilities say {@code upsert=NATIVE}.
	 */
	SqlFragment upsert(ModelDefinition model, UniqueConstraint key, Map<String, @Nullable Object> create,
			Map<String, @Nullable Object> changes, boolean returning) {
		List<FieldDefinition> columns = model.fields().stream().filter((field) -> create.containsKey(field.name())).toList();
		StatementShape shape = new StatementShape(model, "upsert").token(key.name()).fields(columns);
		shape.params().addAll(insertParams(columns, create));
		changes(shape, model, changes);
		shape.token(returning);
		return this.cache.statement(shape, () -> renderUpsert(model, key, columns, create, changes, returning));
	}

	/**
	 * The native upsert with {@code RETURNING} that leaves a conflicting row matching {@code holders} (an expired row)
	 * as it is and returns no row for it: its {@code DO UPDATE} applies only where no row of that id matches them.
	 * PostgreSQL only (the guard is a {@code WHERE} on {@code ON CONFLICT DO UPDATE}).
	 */
	SqlFragment upsertUnless(ModelDefinition model, UniqueConstraint key, Map<String, @Nullable Object> create,
			Map<String, @Nullable Object> changes, Criteria holders) {
		List<FieldDefinition> columns = model.fields().stream().filter((field) -> create.containsKey(field.name())).toList();
		StatementShape shape = new StatementShape(model, "upsertUnless").token(key.name()).fields(columns);
		shape.params().addAll(insertParams(columns, create));
		changes(shape, model, changes);
		shape.where(holders);
		return this.cache.statement(shape, () -> {
			SqlFragment upsert = renderUpsert(model, key, columns, create, changes, false);
			List<SqlValue> params = new ArrayList<>(upsert.params());
			String id = this.dialect.quote(model.idField().column());
			// Bare columns in the subquery are the holder's (the innermost FROM), never EXCLUDED's or the target's.
			String guard = " WHERE NOT EXISTS (SELECT 1 FROM " + this.dialect.table(model) + " holder WHERE holder."
					+ id + " = " + this.dialect.quote(model.table()) + "." + id + " AND ("
					+ this.where.render(holders, params) + "))";
			return new SqlFragment(upsert.sql() + guard + returning(model, true), params);
		});
	}

	private SqlFragment renderUpsert(ModelDefinition model, UniqueConstraint key, List<FieldDefinition> columns,
			Map<String, @Nullable Object> create, Map<String, @Nullable Object> changes, boolean returning) {
		List<FieldDefinition> changed = changes.keySet().stream().map(model::field).toList();
		List<SqlValue> params = new ArrayList<>();
		columns.forEach((field) -> params.add(new SqlValue(field, create.get(field.name()))));
		List<String> sets = new ArrayList<>(changed.size());
		// The stored row by the table's name: a bare column would be ambiguous with EXCLUDED's on PostgreSQL.
		String target = this.dialect.quote(model.table()) + ".";
		changed.forEach((field) -> sets.add(setExpression(target, field, changes.get(field.name()), params)));
		return new SqlFragment(this.dialect.upsert(model, key, columns, changed, sets) + returning(model, returning),
				params);
	}

	/** The new value of a column: a parameter, or the stored value changed atomically; adds the parameters used. */
	private String setExpression(String qualifier, FieldDefinition field, @Nullable Object value,
			List<SqlValue> params) {
		if (value instanceof Arithmetic arithmetic) {
			return this.dialect.arithmetic(qualifier + this.dialect.quote(field.column()), arithmetic.kind(),
					new SqlValue(field, arithmetic.amount()), params);
		}
		params.add(new SqlValue(field, value));
		return this.dialect.placeholder(field);
	}

	/** An update that changes nothing, to take the write locks of the matching rows (see SqlDialect#writeLock). */
	@Nullable SqlFragment writeLock(ModelDefinition model) {
		String lock = this.dialect.writeLock(model);
		return (lock != null) ? new SqlFragment(lock, List.of()) : null;
	}

	/** The clause that makes a write return the model's columns, when asked to. */
	private String returning(ModelDefinition model, boolean returning) {
		return returning ? " RETURNING " + columns(model.fields()) : "";
	}

	private void appendWhere(StringBuilder sql, Criteria criteria, List<SqlValue> params) {
		if (!criteria.matchesAll()) {
			sql.append(" WHERE ").append(this.where.render(criteria, params));
		}
	}

	private String orderBy(List<Sort> sorts) {
		return orderBy(null, sorts);
	}

	private String orderBy(@Nullable String alias, List<Sort> sorts) {
		if (sorts.isEmpty()) {
			return "";
		}
		List<String> keys = new ArrayList<>(sorts.size());
		for (Sort sort : sorts) {
			keys.add(sortKey(alias, sort));
		}
		return " ORDER BY " + String.join(", ", keys);
	}

	private String sortKey(@Nullable String alias, Sort sort) {
		String column = (alias != null) ? qualified(alias, sort.field()) : this.dialect.quote(sort.field().column());
		return this.dialect.orderBy(this.dialect.comparable(sort.field(), column), sort.direction() == SortDirection.DESC);
	}

}
