package dev.farminglabs.orm.jdbc.dialect;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.farminglabs.orm.error.OrmErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's extended result codes, which the xerial driver puts into the message ({@code [SQLITE_CONSTRAINT_UNIQUE]});
 * SQLite names no constraint in its messages.
 */
final class SqliteErrors extends SqlErrors {

	static final SqliteErrors INSTANCE = new SqliteErrors();

	private static final Pattern RESULT_CODE = Pattern.compile("\\[(SQLITE_[A-Z_]+)\\]");

	private SqliteErrors() {
	}

	@Override
	public @Nullable OrmErrorCode classify(SQLException error) {
		String lower = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
		return switch (originalCode(error)) {
			case "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY" -> OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
			case "SQLITE_CONSTRAINT_FOREIGNKEY" -> OrmErrorCode.FOREIGN_KEY_VIOLATION;
			case "SQLITE_CONSTRAINT_NOTNULL" -> OrmErrorCode.NOT_NULL_VIOLATION;
			case "SQLITE_CONSTRAINT_CHECK" -> OrmErrorCode.VALIDATION_ERROR;
			case "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_BUSY_SNAPSHOT" -> OrmErrorCode.TRANSACTION_CONFLICT;
			case "SQLITE_CANTOPEN", "SQLITE_IOERR" -> OrmErrorCode.CONNECTION_FAILURE;
			case "SQLITE_INTERRUPT" -> OrmErrorCode.TIMEOUT;
			case "SQLITE_TOOBIG", "SQLITE_MISMATCH", "SQLITE_RANGE" -> OrmErrorCode.VALIDATION_ERROR;
			case "SQLITE_READONLY", "SQLITE_READONLY_DIRECTORY", "SQLITE_READONLY_DBMOVED", "SQLITE_AUTH" ->
				OrmErrorCode.PERMISSION_DENIED;
			// anything else: the standard SQLSTATE classes, then UNKNOWN
			default -> lower.contains("integer overflow") ? OrmErrorCode.VALIDATION_ERROR
					: lower.contains("no such table") ? OrmErrorCode.MISSING_TABLE
					: lower.contains("unknown database") ? OrmErrorCode.MISSING_SCHEMA : null;
		};
	}

	@Override
	public String originalCode(SQLException error) {
		Matcher matcher = RESULT_CODE.matcher(String.valueOf(error.getMessage()));
		return matcher.find() ? matcher.group(1) : "";
	}

	@Override
	public @Nullable String constraint(OrmErrorCode code, String message) {
		return null;
	}

	@Override
	public boolean namesConstraints() {
		return false;
	}

}
