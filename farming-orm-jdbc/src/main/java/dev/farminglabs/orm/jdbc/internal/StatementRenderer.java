package dev.farminglabs.orm.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.jdbc.dialect.SqlValue;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.ReadQuery;
import dev.farminglabs.orm.spi.Sort;
import org.jspecify.annotations.Nullable;

/** Renders the DML statements of the driver for one dialect. */
final class StatementRenderer {

	private final SqlDialect dialect;

	private final WhereRenderer where;

	StatementRenderer(SqlDialect dialect) {
		this.dialect = dialect;
		this.where = new WhereRenderer(dialect);
	}

	SqlDialect dialect() {
		return this.dialect;
	}

	String columns(List<FieldDefinition> fields) {
		return fields.stream().map((field) -> this.dialect.quote(field.column())).collect(Collectors.joining(", "));
	}

	SqlFragment select(ModelDefinition model, List<FieldDefinition> fields, ReadQuery query, boolean lock) {
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
		return new SqlFragment(sql.toString(), params);
	}

	SqlFragment count(ModelDefinition model, Criteria criteria) {
		List<SqlValue> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(this.dialect.table(model));
		appendWhere(sql, criteria, params);
		return new SqlFragment(sql.toString(), params);
	}

	SqlFragment insert(ModelDefinition model, List<FieldDefinition> columns, Map<String, @Nullable Object> row,
			boolean returning) {
		List<SqlValue> params = new ArrayList<>();
		for (FieldDefinition field : columns) {
			params.add(new SqlValue(field, row.get(field.name())));
		}
		String sql = "INSERT INTO " + this.dialect.table(model) + " (" + columns(columns) + ") VALUES ("
				+ columns.stream().map(this.dialect::placeholder).collect(Collectors.joining(", ")) + ")"
				+ (returning ? " RETURNING " + columns(model.fields()) : "");
		return new SqlFragment(sql, params);
	}

	SqlFragment update(ModelDefinition model, Criteria criteria, Map<String, @Nullable Object> changes,
			boolean returning) {
		List<SqlValue> params = new ArrayList<>();
		List<String> sets = new ArrayList<>();
		for (Map.Entry<String, @Nullable Object> change : changes.entrySet()) {
			FieldDefinition field = model.field(change.getKey());
			sets.add(this.dialect.quote(field.column()) + " = " + this.dialect.placeholder(field));
			params.add(new SqlValue(field, change.getValue()));
		}
		StringBuilder sql = new StringBuilder("UPDATE ").append(this.dialect.table(model))
			.append(" SET ")
			.append(String.join(", ", sets));
		appendWhere(sql, criteria, params);
		if (returning) {
			sql.append(" RETURNING ").append(columns(model.fields()));
		}
		return new SqlFragment(sql.toString(), params);
	}

	SqlFragment delete(ModelDefinition model, Criteria criteria, boolean returning) {
		List<SqlValue> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("DELETE FROM ").append(this.dialect.table(model));
		appendWhere(sql, criteria, params);
		if (returning) {
			sql.append(" RETURNING ").append(columns(model.fields()));
		}
		return new SqlFragment(sql.toString(), params);
	}

	private void appendWhere(StringBuilder sql, Criteria criteria, List<SqlValue> params) {
		if (!criteria.matchesAll()) {
			sql.append(" WHERE ").append(this.where.render(criteria, params));
		}
	}

	private String orderBy(List<Sort> sorts) {
		if (sorts.isEmpty()) {
			return "";
		}
		List<String> keys = new ArrayList<>(sorts.size());
		for (Sort sort : sorts) {
			String column = this.dialect.comparable(sort.field(), this.dialect.quote(sort.field().column()));
			keys.add(this.dialect.orderBy(column, sort.direction() == SortDirection.DESC));
		}
		return " ORDER BY " + String.join(", ", keys);
	}

}
