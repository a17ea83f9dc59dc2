package dev.farminglabs.orm.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.jdbc.dialect.SqlErrors;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * Maps a database's SQL errors to {@link OrmErrorCode}s — from what its dialect's {@link SqlErrors} read in vendor or
 * result codes, otherwise from the SQLSTATE — and fills in the constraint and the fields involved from the message.
 */
public final class SqlErrorTranslator {

	/** The column a NOT NULL error names: {@code column "c"} (PostgreSQL, H2), {@code Column 'c'} (MySQL, MariaDB). */
	private static final Pattern NULL_COLUMN = Pattern.compile("(?:column|field) [\"'`]([A-Za-z0-9_]+)[\"'`]",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SQLITE_NULL_COLUMN = Pattern
		.compile("NOT NULL constraint failed: (?:[A-Za-z0-9_]+\\.)*([A-Za-z0-9_]+)");

	private static final Pattern SQLITE_COLUMNS = Pattern.compile("constraint failed: ([A-Za-z0-9_., ]+)");

	private final SqlDialect dialect;

	private final DdlRenderer ddl;

	public SqlErrorTranslator(SqlDialect dialect) {
		this.dialect = dialect;
		this.ddl = new DdlRenderer(dialect);
	}

	/** The normalised error for a failed statement on a model (null for statements not about one model). */
	public OrmException translate(SQLException ex, @Nullable ModelDefinition model, @Nullable String statement) {
		return translate(ex, model, statement, null);
	}

	/**
	 * As {@link #translate(SQLException, ModelDefinition, String)}, and tells a missing namespace from a missing table
	 * by asking the connection the statement failed on: PostgreSQL, MySQL and MariaDB report a table in a namespace
	 * that does not exist as a missing table. A connection that cannot answer (a PostgreSQL transaction the error
	 * aborted) leaves it a missing table.
	 */
	public OrmException translate(SQLException ex, @Nullable ModelDefinition model, @Nullable String statement,
			@Nullable Connection connection) {
		SQLException root = ex;
		String state = (root.getSQLState() != null) ? root.getSQLState() : "";
		String message = String.valueOf(root.getMessage());
		OrmErrorCode code = classify(root, state, message);
		@Nullable String namespace = (model != null) ? model.namespace() : null;
		if (code == OrmErrorCode.MISSING_TABLE && namespace != null && connection != null
				&& namespaceMissing(connection, namespace)) {
			code = OrmErrorCode.MISSING_SCHEMA;
		}
		String constraint = constraint(code, message);
		List<String> target = List.of();
		if (model != null && code == OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION) {
			UniqueConstraint key = uniqueKey(model, constraint, message);
			if (key != null) {
				constraint = key.name();
				target = key.fields();
			}
		}
		if (model != null && code == OrmErrorCode.FOREIGN_KEY_VIOLATION) {
			FieldDefinition reference = referenceField(model, constraint, message);
			if (reference != null) {
				constraint = this.ddl.foreignKeyName(model, reference);
				target = List.of(reference.name());
			}
		}
		if (model != null && code == OrmErrorCode.NOT_NULL_VIOLATION) {
			FieldDefinition field = nullField(model, message);
			if (field != null) {
				target = List.of(field.name());
			}
		}
		String original = this.dialect.errors().originalCode(root);
		String described = ((model != null) ? "Model '" + model.name() + "': " : "") + describe(code) + ": " + message
				+ ((statement != null && code != OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION) ? " [" + statement + "]" : "");
		OrmException.Builder builder = OrmException.builder(code, described);
		if (code == OrmErrorCode.CONNECTION_FAILURE && authenticationFailed(state, ex.getErrorCode())) {
			builder.retryable(false);
		}
		return builder
			.cause(ex)
			.backend("jdbc", this.dialect.name())
			.model((model != null) ? model.name() : null)
			.constraint(constraint)
			.target(target)
			.originalCode(original)
			.build();
	}

	private OrmErrorCode classify(SQLException ex, String state, String message) {
		// A socket that timed out is a timeout whatever the driver calls it (PostgreSQL: 08006, MariaDB: 08000).
		if (causedBy(ex, SocketTimeoutException.class)) {
			return OrmErrorCode.TIMEOUT;
		}
		OrmErrorCode own = this.dialect.errors().classify(ex);
		if (own != null) {
			return own;
		}
		String lower = message.toLowerCase(Locale.ROOT);
		if (ex instanceof SQLTimeoutException) {
			return OrmErrorCode.TIMEOUT;
		}
		if (connectionLost(ex)) {
			return OrmErrorCode.CONNECTION_FAILURE;
		}
		return switch (state) {
			case "23505" -> OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
			case "23503" -> OrmErrorCode.FOREIGN_KEY_VIOLATION;
			case "23502" -> OrmErrorCode.NOT_NULL_VIOLATION;
			case "42P01", "42S02" -> OrmErrorCode.MISSING_TABLE;
			case "3F000" -> OrmErrorCode.MISSING_SCHEMA;
			case "40001" -> OrmErrorCode.TRANSACTION_CONFLICT;
			case "40P01" -> OrmErrorCode.DEADLOCK;
			// query_canceled (the operation timeout), lock_not_available (a lock wait timed out)
			case "57014", "55P03" -> OrmErrorCode.TIMEOUT;
			// admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections: a restart or failover
			case "57P01", "57P02", "57P03", "53300" -> OrmErrorCode.CONNECTION_FAILURE;
			case "42501" -> OrmErrorCode.PERMISSION_DENIED;
			case "25P02" -> OrmErrorCode.TRANSACTION_ABORTED;
			case "23514", "22001", "22003", "22P02", "22007", "22008" -> OrmErrorCode.VALIDATION_ERROR;
			default -> byStandardClass(state, lower);
		};
	}

	/**
	 * Whether the error means the connection broke (SQLSTATE class 08, a connection exception type, an I/O failure
	 * underneath): a statement sent on it may or may not have been carried out.
	 */
	public static boolean connectionLost(SQLException ex) {
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		String message = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
		// A pool's closed connection (HikariCP: "Connection is closed") carries no SQLSTATE.
		boolean closed = state.isEmpty() && (message.contains("connection is closed")
				|| message.contains("connection has been closed") || message.contains("connection closed"));
		return closed || state.startsWith("08") || ex instanceof SQLTransientConnectionException
				|| ex instanceof SQLNonTransientConnectionException || ex instanceof SQLRecoverableException
				|| causedBy(ex, IOException.class);
	}

	/** Whether the server refused the credentials (SQLSTATE class 28, MySQL/MariaDB 1045). */
	private static boolean authenticationFailed(String state, int vendorCode) {
		return state.startsWith("28") || vendorCode == 1045;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		int depth = 0;
		for (Throwable cause = ex; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The messages of an exception and its causes, joined, so a connection failure keeps the reason a wrapper hides
	 * ("Failed to obtain JDBC Connection" → connection refused, password authentication failed, no suitable driver
	 * for a bad URL). Passwords in URLs and {@code password=} parameters are masked.
	 */
	public static String reasons(Throwable ex) {
		StringBuilder text = new StringBuilder();
		int depth = 0;
		for (Throwable cause = ex; cause != null && depth < 10; cause = cause.getCause(), depth++) {
			String message = cause.getMessage();
			if (message == null || text.indexOf(message) >= 0) {
				continue;
			}
			if (text.length() > 0) {
				text.append(": ");
			}
			text.append(message);
		}
		String joined = (text.length() > 0) ? text.toString() : ex.getClass().getName();
		return SECRETS.matcher(USER_INFO.matcher(joined).replaceAll("//$1:****@")).replaceAll("$1****");
	}

	private static final Pattern USER_INFO = Pattern.compile("//([^/:@\\s]+):[^@/\\s]+@");

	private static final Pattern SECRETS = Pattern.compile("((?i:password|pwd)=)[^&;\\s]*");

	/**
	 * For databases without a mapping of their own (the ANSI fallback): the standard SQLSTATE class, refined by the
	 * words of the message, which every database uses for these.
	 */
	private static OrmErrorCode byStandardClass(String state, String lower) {
		if (state.startsWith("23")) {
			if (lower.contains("foreign") || lower.contains("referential")) {
				return OrmErrorCode.FOREIGN_KEY_VIOLATION;
			}
			if (lower.contains("null")) {
				return OrmErrorCode.NOT_NULL_VIOLATION;
			}
			if (lower.contains("unique") || lower.contains("duplicate") || lower.contains("primary key")) {
				return OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
			}
		}
		if (state.startsWith("42") && lower.contains("table")
				&& (lower.contains("not found") || lower.contains("does not exist") || lower.contains("no such"))) {
			return OrmErrorCode.MISSING_TABLE;
		}
		if (state.startsWith("40") || lower.contains("deadlock")) {
			return lower.contains("deadlock") ? OrmErrorCode.DEADLOCK : OrmErrorCode.TRANSACTION_CONFLICT;
		}
		if (state.startsWith("28")) {
			return OrmErrorCode.CONNECTION_FAILURE;
		}
		if (state.startsWith("22") || state.startsWith("54")) {
			// Data exceptions (a value out of range, too long, not representable) and program limits (an index row
			// too large, a statement too complex): the input was too much for the database.
			return OrmErrorCode.VALIDATION_ERROR;
		}
		if (state.startsWith("0A")) {
			return OrmErrorCode.UNSUPPORTED_OPERATION;
		}
		if (state.equals("42000") && (lower.contains("denied") || lower.contains("permission"))) {
			return OrmErrorCode.PERMISSION_DENIED;
		}
		return OrmErrorCode.UNKNOWN;
	}

	/** Whether the connection says the namespace does not exist; {@code false} when it cannot say. */
	private boolean namespaceMissing(Connection connection, String namespace) {
		try {
			DatabaseMetaData metadata = connection.getMetaData();
			try (ResultSet rows = this.dialect.namespacesAreCatalogs() ? metadata.getCatalogs()
					: metadata.getSchemas(null, namespace)) {
				while (rows.next()) {
					if (namespace.equals(rows.getString(1))) {
						return false;
					}
				}
			}
			return true;
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	private @Nullable String constraint(OrmErrorCode code, String message) {
		if (code != OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION && code != OrmErrorCode.FOREIGN_KEY_VIOLATION) {
			return null;
		}
		return this.dialect.errors().constraint(code, message);
	}

	/**
	 * The reference field of the model a foreign-key error is about: by constraint name, by the name appearing in the
	 * message, or the model's only reference field when the database names none (SQLite).
	 */
	private @Nullable FieldDefinition referenceField(ModelDefinition model, @Nullable String constraint,
			String message) {
		String lower = message.toLowerCase(Locale.ROOT);
		List<FieldDefinition> references = model.fields().stream().filter((field) -> field.references() != null).toList();
		for (FieldDefinition field : references) {
			String name = this.ddl.foreignKeyName(model, field);
			if (name.equalsIgnoreCase(String.valueOf(constraint)) || lower.contains(name.toLowerCase(Locale.ROOT))) {
				return field;
			}
		}
		boolean aboutThisModel = constraint == null || constraint.isEmpty();
		return (references.size() == 1 && aboutThisModel && !this.dialect.errors().namesConstraints())
				? references.get(0) : null;
	}

	/** The field whose column a NOT NULL error names. */
	private static @Nullable FieldDefinition nullField(ModelDefinition model, String message) {
		Matcher matcher = NULL_COLUMN.matcher(message);
		Matcher sqlite = SQLITE_NULL_COLUMN.matcher(message);
		@Nullable String column = matcher.find() ? matcher.group(1) : sqlite.find() ? sqlite.group(1) : null;
		if (column == null) {
			return null;
		}
		for (FieldDefinition field : model.fields()) {
			if (field.column().equalsIgnoreCase(column)) {
				return field;
			}
		}
		return null;
	}

	private @Nullable UniqueConstraint uniqueKey(ModelDefinition model, @Nullable String constraint, String message) {
		String lower = message.toLowerCase(Locale.ROOT);
		for (UniqueConstraint key : model.uniqueConstraints()) {
			if (!key.primaryKey() && lower.contains(Identifiers.shorten(key.name(), this.dialect).toLowerCase(Locale.ROOT))) {
				return key;
			}
		}
		for (UniqueConstraint key : model.uniqueConstraints()) {
			String physical = Identifiers.shorten(key.name(), this.dialect);
			if (constraint != null && (physical.equalsIgnoreCase(constraint) || key.name().equalsIgnoreCase(constraint)
					|| (key.primaryKey() && constraint.equalsIgnoreCase("PRIMARY")))) {
				return key;
			}
		}
		Matcher sqlite = SQLITE_COLUMNS.matcher(message);
		if (sqlite.find()) {
			List<String> columns = List.of(sqlite.group(1).split(",\\s*"))
				.stream()
				.map((column) -> column.substring(column.lastIndexOf('.') + 1).trim())
				.toList();
			for (UniqueConstraint key : model.uniqueConstraints()) {
				if (key.columns().equals(columns)) {
					return key;
				}
			}
		}
		if (constraint != null && constraint.toLowerCase(Locale.ROOT).contains("primary")) {
			return model.uniqueConstraints().get(0);
		}
		return null;
	}

	private static String describe(OrmErrorCode code) {
		return switch (code) {
			case UNIQUE_CONSTRAINT_VIOLATION -> "unique constraint violated";
			case FOREIGN_KEY_VIOLATION -> "foreign key violated";
			case NOT_NULL_VIOLATION -> "null value in a required column";
			case MISSING_TABLE -> "table does not exist; push the schema first";
			case MISSING_SCHEMA -> "schema namespace does not exist; push the schema first";
			default -> code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		};
	}

}
