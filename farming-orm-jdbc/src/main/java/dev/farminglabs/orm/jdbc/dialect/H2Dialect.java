package dev.farminglabs.orm.jdbc.dialect;

import java.time.temporal.ChronoUnit;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.capability.ReturningMode;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldKind;

/**
 * H2 2.x: {@code JSON} bound with {@code FORMAT JSON} and stored as canonical text, {@code TIMESTAMP WITH TIME ZONE}
 * (microseconds), decimals as sortable text (scale kept, compared exactly), strings ordered by code point (through
 * their UTF-8 bytes), standard {@code MERGE} upserts.
 */
public class H2Dialect extends SqlDialect {

	@Override
	public String name() {
		return "h2";
	}

	@Override
	public Capabilities capabilities(DatabaseVersion version) {
		return Capabilities.builder()
			.supportsJoin(true)
			.upsert(UpsertSupport.EMULATED)
			// H2 commits the open transaction before DDL (CREATE TABLE, ALTER TABLE, CREATE INDEX, ...).
			.supportsTransactionalDdl(false)
			.nativeRelationLoading(true)
			.nativeRelations(NativeRelations.all())
			.returning(Returning.none())
			.returningMode(ReturningMode.REFETCH)
			.datetimePrecision(ChronoUnit.MICROS)
			.maxBatchSize(1000)
			.supportsLockingReads(true)
			.supportsAtomicUpdates(true)
			.supportsIsolationLevels(true)
			.build();
	}

	@Override
	public SqlErrors errors() {
		return H2Errors.INSTANCE;
	}

	@Override
	public String columnType(FieldDefinition field, boolean keyed) {
		return switch (field.kind()) {
			case ID -> field.isIntegral() ? "BIGINT" : "CHARACTER VARYING";
			case STRING, ENUM -> (field.maxLength() != null) ? "CHARACTER VARYING(" + field.maxLength() + ")"
					: "CHARACTER VARYING";
			case BOOLEAN -> "BOOLEAN";
			case DATETIME -> "TIMESTAMP(6) WITH TIME ZONE";
			case INTEGER, BIGINT -> "BIGINT";
			case DECIMAL -> "CHARACTER VARYING(" + DecimalKeys.MAX_LENGTH + ")";
			case JSON -> "JSON";
		};
	}

	@Override
	public String placeholder(FieldDefinition field) {
		return (field.kind() == FieldKind.JSON) ? "? FORMAT JSON" : "?";
	}

	/** Strings sort by their UTF-8 bytes, which is code-point order; H2 itself compares UTF-16 code units. */
	@Override
	public String comparable(FieldDefinition field, String expression) {
		return isText(field) ? "CAST(" + expression + " AS VARBINARY)" : super.comparable(field, expression);
	}

	/**
	 * {@code = ANY (ARRAY[...])} rather than {@code IN (...)}: H2 2.4 binds a check's {@code IN} list to the session
	 * that created it, so once that connection closes every write of the column fails as "Check constraint invalid".
	 */
	@Override
	public String enumCheck(String quotedColumn, FieldDefinition field) {
		return quotedColumn + " = ANY (ARRAY[" + enumLiterals(field) + "])";
	}

	@Override
	public boolean returning(StatementKind kind) {
		return false;
	}

	@Override
	protected DatetimeStorage datetimeStorage() {
		return DatetimeStorage.OFFSET_DATE_TIME;
	}

	@Override
	protected boolean decimalsAsText() {
		return true;
	}

}
