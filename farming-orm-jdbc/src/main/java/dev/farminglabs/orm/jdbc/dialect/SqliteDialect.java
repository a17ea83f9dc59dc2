package dev.farminglabs.orm.jdbc.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.capability.ReturningMode;
import dev.farminglabs.orm.client.IsolationLevel;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldKind;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.Arithmetic;
import org.jspecify.annotations.Nullable;

/**
 * SQLite 3.35+: datetimes as integer microseconds, decimals as sortable text (scale kept, compared exactly), JSON as
 * canonical text, {@code ON CONFLICT}
 * upserts and {@code RETURNING}; no schema namespaces.
 */
public class SqliteDialect extends SqlDialect {

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	public Capabilities capabilities(DatabaseVersion version) {
		return Capabilities.builder()
			.supportsJson(false)
			.supportsDates(false)
			.supportsBooleans(false)
			.supportsSchemaNamespaces(false)
			.supportsJoin(true)
			.nativeRelationLoading(true)
			.nativeRelations(NativeRelations.all())
			.returning(Returning.all())
			.returningMode(ReturningMode.NATIVE)
			.datetimePrecision(ChronoUnit.MICROS)
			.maxBatchSize(500)
			.supportsLockingReads(true)
			.supportsAtomicUpdates(true)
			.supportsIsolationLevels(true)
			.build();
	}

	/** References are enforced only on connections opened with {@code foreign_keys=ON}. */
	@Override
	public Capabilities capabilities(DatabaseVersion version, Connection connection) {
		Capabilities capabilities = capabilities(version);
		return enforcesForeignKeys(connection) ? capabilities
				: capabilities.toBuilder().supportsForeignKeys(false).build();
	}

	private static boolean enforcesForeignKeys(Connection connection) {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("PRAGMA foreign_keys")) {
			return rows.next() && rows.getInt(1) == 1;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	@Override
	public SqlErrors errors() {
		return SqliteErrors.INSTANCE;
	}

	@Override
	public String columnType(FieldDefinition field, boolean keyed) {
		return switch (field.kind()) {
			case ID -> field.isIntegral() ? "INTEGER" : "TEXT";
			case STRING, ENUM, DECIMAL, JSON -> "TEXT";
			case BOOLEAN, DATETIME, INTEGER, BIGINT -> "INTEGER";
		};
	}

	@Override
	public String generatedIdColumn(String quotedColumn) {
		return quotedColumn + " INTEGER PRIMARY KEY AUTOINCREMENT";
	}

	@Override
	public @Nullable String syncIdentity(ModelDefinition model, long maxId) {
		// AUTOINCREMENT keeps the highest id ever inserted in sqlite_sequence.
		return null;
	}

	@Override
	public @Nullable String createNamespace(String namespace) {
		return null;
	}

	@Override
	public String booleanLiteral(boolean value) {
		return value ? "1" : "0";
	}

	@Override
	protected String decimalSortKey(String expression) {
		return "substr(" + expression + ", 1, length(" + expression + ") - " + DecimalKeys.SUFFIX_LENGTH + ")";
	}

	@Override
	public String textMatch(String column, Operator operator, String text, List<SqlValue> params) {
		// SQLite's LIKE ignores ASCII case; instr and substr compare exactly.
		return switch (operator) {
			case CONTAINS -> {
				params.add(SqlValue.raw(text));
				yield "instr(" + column + ", ?) > 0";
			}
			case STARTS_WITH -> {
				params.add(SqlValue.raw(text));
				params.add(SqlValue.raw(text));
				yield "substr(" + column + ", 1, length(?)) = ?";
			}
			default -> {
				params.add(SqlValue.raw(text));
				params.add(SqlValue.raw(text));
				params.add(SqlValue.raw(text));
				yield "(length(?) = 0 OR substr(" + column + ", -length(?)) = ?)";
			}
		};
	}

	@Override
	public String orderBy(String expression, boolean descending) {
		// SQLite sorts nulls first ascending and last descending already.
		return expression + (descending ? " DESC" : " ASC");
	}

	@Override
	public String limit(@Nullable Integer take, int skip, List<SqlValue> params) {
		if (take == null && skip == 0) {
			return "";
		}
		params.add(SqlValue.raw((take != null) ? take : -1));
		params.add(SqlValue.raw(skip));
		return " LIMIT ? OFFSET ?";
	}

	@Override
	public String forUpdate() {
		return "";
	}

	/**
	 * SQLite locks the whole database, not rows: an update that matches nothing still takes the write lock (waiting
	 * for the busy timeout), so a locking read that starts a transaction serialises it with every other writer.
	 */
	@Override
	public String writeLock(ModelDefinition model) {
		String id = quote(model.idField().column());
		return "UPDATE " + table(model) + " SET " + id + " = " + id + " WHERE 0";
	}

	/**
	 * SQLite turns an integer result outside 64 bits into a REAL silently; this fails instead ({@code abs} of the
	 * smallest integer raises "integer overflow"), and keeps null as null.
	 */
	@Override
	public String arithmetic(String column, Arithmetic.Kind kind, SqlValue amount, List<SqlValue> params) {
		if (amount.field() != null && amount.field().kind() == FieldKind.DECIMAL) {
			return super.arithmetic(column, kind, amount, params);
		}
		String operator = (kind == Arithmetic.Kind.ADD) ? " + " : " * ";
		params.add(amount);
		params.add(amount);
		return "CASE WHEN " + column + " IS NULL THEN NULL WHEN typeof(" + column + operator + "?) = 'integer' THEN "
				+ column + operator + "? ELSE abs(-9223372036854775807 - 1 + 0 * " + column + ") END";
	}

	/** Every SQLite transaction is serializable: one writer at a time, readers on a snapshot. */
	@Override
	public int isolation(IsolationLevel level) {
		return Connection.TRANSACTION_SERIALIZABLE;
	}

	@Override
	public boolean returning(StatementKind kind) {
		return true;
	}

	@Override
	public String upsert(ModelDefinition model, UniqueConstraint key, List<FieldDefinition> columns,
			List<FieldDefinition> changed) {
		return OnConflictUpsert.render(this, model, key, columns, changed);
	}

	@Override
	public String upsert(ModelDefinition model, UniqueConstraint key, List<FieldDefinition> columns,
			List<FieldDefinition> changed, List<String> setExpressions) {
		return OnConflictUpsert.render(this, model, key, columns, changed, setExpressions);
	}

	@Override
	protected DatetimeStorage datetimeStorage() {
		return DatetimeStorage.EPOCH_MICROS;
	}

	@Override
	protected boolean decimalsAsText() {
		return true;
	}

}
