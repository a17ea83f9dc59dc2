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
		if (String.valueOf(error.getMessage()).contains("max_allowed_packet")) {
			// The statement is larger than the server accepts: sending it again fails again.
			return OrmErrorCode.VALIDATION_ERROR;
		}
		return switch (error.getErrorCode()) {
			case 1062, 1586 -> OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
			case 1451, 1452, 1216, 1217 -> OrmErrorCode.FOREIGN_KEY_VIOLATION;
			case 1048, 1364 -> OrmErrorCode.NOT_NULL_VIOLATION;
			case 1146 -> OrmErrorCode.MISSING_TABLE;
			case 1049 -> OrmErrorCode.MISSING_SCHEMA;
			case 1213 -> OrmErrorCode.DEADLOCK;
			// MariaDB's "Record has changed since last read" (innodb_snapshot_isolation): a serialization failure.
			case 1020 -> OrmErrorCode.TRANSACTION_CONFLICT;
			case 1205, 3024, 1969, 1317 -> OrmErrorCode.TIMEOUT;
			// table, column, database and global privileges
			case 1142, 1143, 1044, 1227, 1370 -> OrmErrorCode.PERMISSION_DENIED;
			// access denied for the user (authentication), too many connections, connection killed, server shutdown,
			// server gone away, lost connection, network read/write errors
			case 1045, 1040, 1203, 1927, 1053, 1152, 1158, 1159, 1160, 1161, 2002, 2003, 2006, 2013 ->
				OrmErrorCode.CONNECTION_FAILURE;
			// data too long, out of range, incorrect string/datetime/JSON value, CHECK failed, row or key too large,
			// packet too large
			case 1406, 1264, 1366, 1292, 1367, 3140, 4025, 4038, 1118, 1071, 1153, 1301, 1690 ->
				OrmErrorCode.VALIDATION_ERROR;
			default -> null;
		};
	}

	@Override
	public @Nullable String constraint(OrmErrorCode code, String message) {
		Matcher key = KEY.matcher(message);
		return key.find() ? key.group(1) : super.constraint(code, message);
	}

}
