package dev.farminglabs.orm.jdbc.dialect;

import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.capability.ReturningMode;
import dev.farminglabs.orm.capability.TextComparison;
import dev.farminglabs.orm.capability.TextMatching;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.schema.FieldDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The fallback for databases without a dialect of their own: standard SQL only (SQL:2008 paging, identity columns,
 * {@code TIMESTAMP WITH TIME ZONE}), and capabilities that claim nothing the standard does not guarantee — no upsert,
 * no {@code RETURNING}, no text matching (whether {@code LIKE} ignores case depends on the collation), no
 * transactional DDL, relations loaded by follow-up queries. Strings outside keys hold at most 10,000 characters, JSON
 * is kept as normalised text.
 */
public class AnsiDialect extends SqlDialect {

	@Override
	public String name() {
		return "ansi";
	}

	@Override
	public Capabilities capabilities(DatabaseVersion version) {
		return Capabilities.builder()
			.supportsJson(false)
			.supportsTransactionalDdl(false)
			.supportsJoin(true)
			.nativeRelationLoading(false)
			.nativeRelations(NativeRelations.none())
			.textComparison(TextComparison.COLLATION_DEFINED)
			.textMatching(TextMatching.NONE)
			.upsert(UpsertSupport.NONE)
			.returning(Returning.none())
			.returningMode(ReturningMode.REFETCH)
			.datetimePrecision(ChronoUnit.MICROS)
			.maxBatchSize(500)
			// The standard has FOR UPDATE on cursors only, so a locking SELECT is not guaranteed.
			.supportsLockingReads(false)
			.supportsAtomicUpdates(true)
			.supportsIsolationLevels(true)
			.build();
	}

	@Override
	public String columnType(FieldDefinition field, boolean keyed) {
		return switch (field.kind()) {
			case ID -> field.isIntegral() ? "BIGINT" : "CHARACTER VARYING(255)";
			case STRING, ENUM -> {
				Integer max = field.maxLength();
				yield "CHARACTER VARYING(" + ((max != null) ? max : (keyed ? 255 : 10_000)) + ")";
			}
			case BOOLEAN -> "BOOLEAN";
			case DATETIME -> "TIMESTAMP(6) WITH TIME ZONE";
			case INTEGER, BIGINT -> "BIGINT";
			case DECIMAL -> "CHARACTER VARYING(" + DecimalKeys.MAX_LENGTH + ")";
			case JSON -> "CHARACTER VARYING(10000)";
		};
	}

	@Override
	public @Nullable String createNamespace(String namespace) {
		return "CREATE SCHEMA " + quote(namespace);
	}

	@Override
	public String orderBy(String expression, boolean descending) {
		// NULLS FIRST/LAST is optional in the standard; a CASE key puts nulls first ascending and last descending.
		String nulls = "CASE WHEN " + expression + " IS NULL THEN 0 ELSE 1 END";
		return descending ? nulls + " DESC, " + expression + " DESC" : nulls + " ASC, " + expression + " ASC";
	}

	@Override
	public String limit(@Nullable Integer take, int skip, List<SqlValue> params) {
		StringBuilder sql = new StringBuilder();
		if (skip > 0 || take != null) {
			sql.append(" OFFSET ? ROWS");
			params.add(SqlValue.raw(skip));
		}
		if (take != null) {
			sql.append(" FETCH FIRST ? ROWS ONLY");
			params.add(SqlValue.raw(take));
		}
		return sql.toString();
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
