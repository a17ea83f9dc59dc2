package dev.farminglabs.orm.jdbc.dialect;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.farminglabs.orm.error.OrmErrorCode;
import org.jspecify.annotations.Nullable;

/** H2's vendor error numbers, and how its messages name constraints and unique indexes. */
final class H2Errors extends SqlErrors {

	static final H2Errors INSTANCE = new H2Errors();

	/** {@code Referential integrity constraint violation: "name: PUBLIC.table FOREIGN KEY(...) ..."}. */
	private static final Pattern CONSTRAINT = Pattern
		.compile("constraint violation: \"(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+): ", Pattern.CASE_INSENSITIVE);

	/** {@code Unique index or primary key violation: "PUBLIC.name_INDEX_8 ON ..."}. */
	private static final Pattern INDEX = Pattern.compile("\"(?:[^\".]+\\.)?([A-Za-z0-9_]+?)(?:_INDEX_[0-9A-F]+)? ON ",
			Pattern.CASE_INSENSITIVE);

	private H2Errors() {
	}

	@Override
	public @Nullable OrmErrorCode classify(SQLException error) {
		return switch (error.getErrorCode()) {
			case 23505 -> OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
			case 23503, 23506 -> OrmErrorCode.FOREIGN_KEY_VIOLATION;
			case 23502 -> OrmErrorCode.NOT_NULL_VIOLATION;
			case 42101, 42102, 42103, 42104 -> OrmErrorCode.MISSING_TABLE;
			case 90079 -> OrmErrorCode.MISSING_SCHEMA;
			case 40001 -> OrmErrorCode.DEADLOCK;
			// "Concurrent update": another transaction changed or deleted the row (a serialization failure).
			case 90131 -> OrmErrorCode.TRANSACTION_CONFLICT;
			case 50200, 57014 -> OrmErrorCode.TIMEOUT;
			case 90096 -> OrmErrorCode.PERMISSION_DENIED;
			// connection broken, database closed, file I/O failed
			case 90067, 90098, 90121, 90028 -> OrmErrorCode.CONNECTION_FAILURE;
			default -> null;
		};
	}

	@Override
	public @Nullable String constraint(OrmErrorCode code, String message) {
		Matcher named = ((code == OrmErrorCode.FOREIGN_KEY_VIOLATION) ? CONSTRAINT : INDEX).matcher(message);
		return named.find() ? named.group(1) : super.constraint(code, message);
	}

}
