package dev.farminglabs.orm.jdbc.dialect;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.farminglabs.orm.error.OrmErrorCode;
import org.jspecify.annotations.Nullable;

/** MySQL's and MariaDB's vendor error numbers, and the key a duplicate-entry message names. */
final class MysqlErrors extends SqlErrors {

	static final MysqlErrors INSTANCE = new MysqlErrors();

	/** {@code Duplicate entry 'x' for key 'table.name'} (the table prefix since MySQL 8). */
	private static final Pattern KEY = Pattern.compile("for key '(?:[^'.]*\\.)?([^']+)'");

	private MysqlErrors() {
	}

	@Override
	public @Nullable OrmErrorCode classify(SQLException error) {
		return switch (error.getErrorCode()) {
			case 1062, 1586 -> OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
			case 1451, 1452, 1216, 1217 -> OrmErrorCode.FOREIGN_KEY_VIOLATION;
			case 1048, 1364 -> OrmErrorCode.NOT_NULL_VIOLATION;
			case 1146 -> OrmErrorCode.MISSING_TABLE;
			case 1049 -> OrmErrorCode.MISSING_SCHEMA;
			case 1213 -> OrmErrorCode.DEADLOCK;
			// MariaDB's "Record has changed since last read" (innodb_snapshot_isolation): a serialization failure.
			case 1020 -> OrmErrorCode.TRANSACTION_CONFLICT;
			case 1205, 3024, 1969 -> OrmErrorCode.TIMEOUT;
			default -> null;
		};
	}

	@Override
	public @Nullable String constraint(OrmErrorCode code, String message) {
		Matcher key = KEY.matcher(message);
		return key.find() ? key.group(1) : super.constraint(code, message);
	}

}
