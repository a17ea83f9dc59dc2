package dev.farminglabs.orm.jdbc.dialect;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.capability.ReturningMode;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldKind;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.jspecify.annotations.Nullable;

/**
 * MySQL 8: backtick identifiers, text in {@code utf8mb4_0900_bin} (case-sensitive, code-point order, no padding),
 * {@code DATETIME(6)} holding UTC, {@code JSON} compared by value, decimals as sortable text (scale kept, compared
 * exactly), {@code ON DUPLICATE KEY UPDATE} upserts, no {@code RETURNING}, a database per namespace.
 */
public class MysqlDialect extends SqlDialect {

	/**
	 * The {@code max_sort_length} of sorting statements: whole decimals, and strings of up to 64 KiB (16,384
	 * characters at least), where the default compares the first 1024 bytes only.
	 */
	protected static final int MAX_SORT_LENGTH = 65_536;

	private static final String DECIMAL_TEXT = "VARCHAR(" + DecimalKeys.MAX_LENGTH
			+ ") CHARACTER SET ascii COLLATE ascii_bin";

	@Override
	public String name() {
		return "mysql";
	}

	@Override
	public Capabilities capabilities(DatabaseVersion version) {
		return Capabilities.builder()
			.supportsJoin(true)
			.upsert(UpsertSupport.EMULATED)
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
		return MysqlErrors.INSTANCE;
	}

	/**
	 * The character set and collation of text columns: binary, case-sensitive, in code-point order, and without
	 * PAD SPACE ({@code utf8mb4_bin} would make {@code "a"} equal {@code "a "}).
	 */
	protected String binaryText() {
		return " CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin";
	}

	@Override
	public String quote(String identifier) {
		return '`' + spelled(identifier) + '`';
	}

	@Override
	public boolean columnNamesIgnoreCase() {
		return true;
	}

	/**
	 * A backslash escapes in MySQL and MariaDB string literals unless {@code NO_BACKSLASH_ESCAPES} is set, so a text
	 * holding one is written without any: its backslashes as {@code CHAR(92 USING utf8mb4)}, concatenated with the
	 * quoted pieces between them. (A hexadecimal literal would do for MySQL, but MariaDB prints a check's expression
	 * back with a raw backslash and then fails to parse its own table definition.)
	 */
	@Override
	public String stringLiteral(String text) {
		if (text.indexOf('\\') < 0) {
			return literal(text);
		}
		List<String> parts = new ArrayList<>();
		int start = 0;
		for (int at = text.indexOf('\\'); at >= 0; at = text.indexOf('\\', start)) {
			if (at > start) {
				parts.add(literal(text.substring(start, at)));
			}
			parts.add("CHAR(92 USING utf8mb4)");
			start = at + 1;
		}
		if (start < text.length()) {
			parts.add(literal(text.substring(start)));
		}
		return "(CONCAT(" + String.join(", ", parts) + "))";
	}

	@Override
	public String columnType(FieldDefinition field, boolean keyed) {
		return switch (field.kind()) {
			case ID -> field.isIntegral() ? "BIGINT" : "VARCHAR(255)" + binaryText();
			case STRING, ENUM -> {
				Integer max = field.maxLength();
				if (max != null) {
					yield "VARCHAR(" + max + ")" + binaryText();
				}
				yield (keyed ? "VARCHAR(255)" : "LONGTEXT") + binaryText();
			}
			case BOOLEAN -> "BOOLEAN";
			case DATETIME -> "DATETIME(6)";
			case INTEGER, BIGINT -> "BIGINT";
			case DECIMAL -> DECIMAL_TEXT;
			case JSON -> "JSON";
		};
	}

	@Override
	public String indexColumn(String quotedColumn, FieldDefinition field, boolean keyed) {
		boolean unboundedText = (field.kind() == FieldKind.STRING || field.kind() == FieldKind.ENUM)
				&& field.maxLength() == null && !keyed;
		return unboundedText ? quotedColumn + "(255)" : quotedColumn;
	}

	@Override
	public String generatedIdColumn(String quotedColumn) {
		return quotedColumn + " BIGINT AUTO_INCREMENT PRIMARY KEY";
	}

	@Override
	public @Nullable String syncIdentity(ModelDefinition model, long maxId) {
		// AUTO_INCREMENT moves past explicit ids by itself.
		return null;
	}

	@Override
	public @Nullable String createNamespace(String namespace) {
		return "CREATE DATABASE IF NOT EXISTS " + quote(namespace);
	}

	@Override
	public boolean namespacesAreCatalogs() {
		return true;
	}

	@Override
	public String placeholder(FieldDefinition field) {
		return (field.kind() == FieldKind.JSON) ? "CAST(? AS JSON)" : "?";
	}

	@Override
	public String orderBy(String expression, boolean descending) {
		// MySQL and MariaDB already sort nulls first ascending and last descending.
		return expression + (descending ? " DESC" : " ASC");
	}

	/** The whole value, up to 64 KiB, through an optimizer hint. */
	@Override
	public String sortingLongValues(String select) {
		return "SELECT /*+ SET_VAR(max_sort_length = " + MAX_SORT_LENGTH + ") */" + select.substring("SELECT".length());
	}

	@Override
	public String limit(@Nullable Integer take, int skip, List<SqlValue> params) {
		if (take == null && skip == 0) {
			return "";
		}
		params.add(SqlValue.raw((take != null) ? (long) take : Long.MAX_VALUE));
		params.add(SqlValue.raw(skip));
		return " LIMIT ? OFFSET ?";
	}

	@Override
	public boolean returning(StatementKind kind) {
		return false;
	}

	@Override
	protected DatetimeStorage datetimeStorage() {
		return DatetimeStorage.UTC_LOCAL_DATE_TIME;
	}

	@Override
	protected boolean decimalsAsText() {
		return true;
	}

}
