package dev.farminglabs.orm.jdbc.dialect;

import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.capability.ReturningMode;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;

/**
 * PostgreSQL: {@code jsonb}, {@code timestamptz} (microseconds), {@code numeric} (scale kept), text in the
 * {@code "C"} collation (code-point order, case-sensitive), {@code ON CONFLICT} upserts and {@code RETURNING}.
 */
public class PostgresDialect extends SqlDialect {

	@Override
	public String name() {
		return "postgresql";
	}

	@Override
	public Capabilities capabilities(DatabaseVersion version) {
		return Capabilities.builder()
			.supportsJoin(true)
			.nativeRelationLoading(true)
			.nativeRelations(NativeRelations.all())
			.returning(Returning.all())
			.returningMode(ReturningMode.NATIVE)
			.datetimePrecision(ChronoUnit.MICROS)
			.maxBatchSize(1000)
			.supportsLockingReads(true)
			.supportsAtomicUpdates(true)
			.supportsIsolationLevels(true)
			.build();
	}

	@Override
	public String columnType(FieldDefinition field, boolean keyed) {
		return switch (field.kind()) {
			case ID -> field.isIntegral() ? "BIGINT" : "TEXT COLLATE \"C\"";
			case STRING, ENUM -> (field.maxLength() != null) ? "VARCHAR(" + field.maxLength() + ") COLLATE \"C\""
					: "TEXT COLLATE \"C\"";
			case BOOLEAN -> "BOOLEAN";
			case DATETIME -> "TIMESTAMP(6) WITH TIME ZONE";
			case INTEGER, BIGINT -> "BIGINT";
			case DECIMAL -> "NUMERIC";
			case JSON -> "JSONB";
		};
	}

	@Override
	public String syncIdentity(ModelDefinition model, long maxId) {
		String table = literal(table(model));
		return "SELECT setval(pg_get_serial_sequence(" + table + ", " + literal(model.idField().column()) + "), "
				+ maxId + ")";
	}

	/**
	 * A text holding a backslash is written as an escape string ({@code E'...'}, backslashes doubled), which means
	 * the same whatever {@code standard_conforming_strings} says.
	 */
	@Override
	public String stringLiteral(String text) {
		if (text.indexOf('\\') < 0) {
			return literal(text);
		}
		return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	@Override
	public boolean cursorsNeedTransaction() {
		return true;
	}

	@Override
	public String placeholder(FieldDefinition field) {
		return (field.kind() == dev.farminglabs.orm.schema.FieldKind.JSON) ? "CAST(? AS JSONB)" : "?";
	}

	/** A failed statement aborts a PostgreSQL transaction (SQLSTATE 25P02 for every later one). */
	@Override
	public boolean failedStatementAbortsTransaction() {
		return true;
	}

	/**
	 * pgjdbc parses a prepared statement with several statements into one query each and sends them all before one
	 * sync: one round trip, and outside a transaction one implicit transaction for all of them.
	 */
	@Override
	public boolean preparesSeveralStatements() {
		return true;
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
		return DatetimeStorage.OFFSET_DATE_TIME;
	}

	@Override
	protected boolean decimalsAsText() {
		return false;
	}

}
