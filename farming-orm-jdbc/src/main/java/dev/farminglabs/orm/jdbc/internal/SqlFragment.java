package dev.farminglabs.orm.jdbc.internal;

import java.util.List;

import dev.farminglabs.orm.jdbc.dialect.SqlValue;

/**
 * SQL text with the values of its {@code ?} placeholders, in order.
 *
 * @param sql the statement or fragment text
 * @param params the parameter values
 */
public record SqlFragment(String sql, List<SqlValue> params) {

	public SqlFragment {
		params = List.copyOf(params);
	}

	@Override
	public String toString() {
		return this.sql;
	}

}
