package dev.farminglabs.orm.jdbc.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldKind;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * What differs between SQL databases: identifier quoting, column types, how values are bound and read, paging,
 * upsert, and what the server can do. One subclass per database; everything else in the driver is shared.
 */
public abstract class SqlDialect {

	/** The dialect name, as {@code postgresql}. */
	public abstract String name();

	/** What this dialect can do on a server of this version. */
	public abstract Capabilities capabilities(DatabaseVersion version);

	/** Quotes an identifier (already checked to be a plain identifier by the schema). */
	public String quote(String identifier) {
		return '"' + identifier + '"';
	}

	/** The table of a model, qualified by its namespace when it has one. */
	public String table(ModelDefinition model) {
		return (model.namespace() != null) ? quote(model.namespace()) + "." + quote(model.table())
				: quote(model.table());
	}

	/** The column type of a field; {@code keyed} when the column is in a unique key, a reference or referenced. */
	public abstract String columnType(FieldDefinition field, boolean keyed);

	/**
	 * A column in a non-unique index; {@code keyed} when the column is also in a unique key. MySQL indexes a prefix
	 * of unbounded text.
	 */
	public String indexColumn(String quotedColumn, FieldDefinition field, boolean keyed) {
		return quotedColumn;
	}

	/** The column definition of a backend-generated integer id. */
	public abstract String generatedIdColumn(String quotedColumn);

	/**
	 * The statement that moves a generated id's sequence past {@code maxId} after an explicit id was inserted, or
	 * {@code null} when the database does that itself (MySQL, MariaDB, SQLite).
	 */
	public @Nullable String syncIdentity(ModelDefinition model, long maxId) {
		return null;
	}

	/** The statement creating a namespace, or {@code null} when the dialect has none. */
	public @Nullable String createNamespace(String namespace) {
		return "CREATE SCHEMA IF NOT EXISTS " + quote(namespace);
	}

	/** The parameter placeholder of a field's value, as {@code ?} or {@code ?::jsonb}. */
	public String placeholder(FieldDefinition field) {
		return "?";
	}

	/**
	 * The SQL expression comparing the field's values in filters and ordering, for kinds stored in a form that does
	 * not compare natively (decimals kept as text to keep their scale).
	 */
	public String comparable(FieldDefinition field, String expression) {
		return expression;
	}

	/** Equality of a JSON column with a JSON parameter, by value. */
	public String jsonEquals(String column, String placeholder) {
		return column + " = " + placeholder;
	}

	/**
	 * A case-sensitive text match ({@code contains}, {@code startsWith}, {@code endsWith}) of a non-null string;
	 * adds the parameters it uses.
	 */
	public String textMatch(String column, Operator operator, String text, List<SqlValue> params) {
		// '!' as the escape character: a backslash would itself need escaping in MySQL string literals.
		String escaped = text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
		String pattern = switch (operator) {
			case CONTAINS -> "%" + escaped + "%";
			case STARTS_WITH -> escaped + "%";
			default -> "%" + escaped;
		};
		params.add(SqlValue.raw(pattern));
		return column + " LIKE ? ESCAPE '!'";
	}

	/** The sort key of a column, with nulls first ascending and last descending. */
	public String orderBy(String expression, boolean descending) {
		return expression + (descending ? " DESC NULLS LAST" : " ASC NULLS FIRST");
	}

	/** Paging after ORDER BY; adds the parameters it uses. */
	public String limit(@Nullable Integer take, int skip, List<SqlValue> params) {
		StringBuilder sql = new StringBuilder();
		if (take != null) {
			sql.append(" LIMIT ?");
			params.add(SqlValue.raw(take));
		}
		if (skip > 0) {
			sql.append(" OFFSET ?");
			params.add(SqlValue.raw(skip));
		}
		return sql.toString();
	}

	/** Row locking suffix for a read followed by a write in one transaction. */
	public String forUpdate() {
		return " FOR UPDATE";
	}

	/** Whether {@code INSERT/UPDATE/DELETE ... RETURNING} is available for this statement kind. */
	public abstract boolean returning(StatementKind kind);

	/**
	 * The native upsert of one row, for dialects whose capabilities say {@code upsert=NATIVE}: insert
	 * {@code columns}, or on a conflict of {@code key} set {@code changed} columns from parameters. Parameters: the
	 * insert values in column order, then the changed values. Other dialects are upserted by the driver (read for
	 * update, then update or insert).
	 */
	public String upsert(ModelDefinition model, UniqueConstraint key, List<FieldDefinition> columns,
			List<FieldDefinition> changed) {
		throw new UnsupportedOperationException(name() + " has no native upsert the driver uses");
	}

	/** Binds a canonical value of a field. */
	public void bind(PreparedStatement statement, int index, SqlValue value) throws SQLException {
		Object canonical = value.value();
		FieldDefinition field = value.field();
		if (field == null) {
			statement.setObject(index, canonical);
			return;
		}
		if (canonical == null) {
			statement.setNull(index, sqlType(field));
			return;
		}
		ValueBinder.bind(this, statement, index, field, canonical);
	}

	/** Reads a column as the canonical value of its field. */
	public @Nullable Object read(ResultSet rows, int index, FieldDefinition field) throws SQLException {
		return ValueReader.read(this, rows, index, field);
	}

	/** The JDBC type used for a null of this field. */
	protected int sqlType(FieldDefinition field) {
		return ValueBinder.nullType(this, field);
	}

	/** How datetimes are stored. */
	protected abstract DatetimeStorage datetimeStorage();

	/** Whether decimals are stored as text (keeping their scale) rather than a native numeric type. */
	protected abstract boolean decimalsAsText();


	/** A CHECK constraint body restricting an enum column to its values. */
	public String enumCheck(String quotedColumn, FieldDefinition field) {
		return quotedColumn + " IN (" + field.enumValues().stream().map(SqlDialect::literal).collect(Collectors.joining(", "))
				+ ")";
	}

	/** A boolean literal in a {@code DEFAULT} clause. */
	public String booleanLiteral(boolean value) {
		return value ? "TRUE" : "FALSE";
	}

	/** A decimal literal in a {@code DEFAULT} clause, in the column's storage form. */
	public String decimalLiteral(java.math.BigDecimal value) {
		return decimalsAsText() ? literal(value.toPlainString()) : value.toPlainString();
	}

	/** Whether namespaces are catalogs (MySQL databases) rather than schemas. */
	public boolean namespacesAreCatalogs() {
		return false;
	}

	/** A SQL string literal, quotes doubled. */
	public static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/** Whether the field is stored as a string column in this dialect. */
	protected static boolean isText(FieldDefinition field) {
		return field.kind() == FieldKind.STRING || field.kind() == FieldKind.ENUM
				|| (field.isId() && !field.isIntegral());
	}

	/** The kinds of statement that may return rows. */
	public enum StatementKind {

		INSERT, UPDATE, DELETE, UPSERT

	}

	/** How a dialect stores datetimes. */
	public enum DatetimeStorage {

		/** {@code timestamp with time zone}, bound as {@code OffsetDateTime} in UTC. */
		OFFSET_DATE_TIME,

		/** A zone-less timestamp holding UTC, bound as {@code LocalDateTime}. */
		UTC_LOCAL_DATE_TIME,

		/** An integer count of microseconds since the epoch. */
		EPOCH_MICROS

	}

	@Override
	public String toString() {
		return name();
	}

}
