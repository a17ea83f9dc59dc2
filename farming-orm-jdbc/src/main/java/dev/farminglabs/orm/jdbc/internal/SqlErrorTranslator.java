package dev.farminglabs.orm.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * Maps a database's SQL errors to {@link OrmErrorCode}s, from the SQLSTATE, the vendor code (MySQL, MariaDB, H2) or
 * SQLite's own result codes, and fills in the constraint and the fields involved from the error message.
 */
public final class SqlErrorTranslator {

	/** A quoted name after "constraint" (PostgreSQL, MySQL, MariaDB); an unquoted word there is prose ("fails"). */
	private static final Pattern QUOTED_CONSTRAINT = Pattern.compile("constraint [\"`]([A-Za-z0-9_]+)[\"`]",
			Pattern.CASE_INSENSITIVE);

	/** H2's "Referential integrity constraint violation: \"name: PUBLIC.table FOREIGN KEY(...) ...\"". */
	private static final Pattern H2_CONSTRAINT = Pattern
		.compile("constraint violation: \"(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+): ", Pattern.CASE_INSENSITIVE);

	/** The column a NOT NULL error names: {@code column "c"} (PostgreSQL, H2), {@code Column 'c'} (MySQL, MariaDB). */
	private static final Pattern NULL_COLUMN = Pattern.compile("(?:column|field) [\"'`]([A-Za-z0-9_]+)[\"'`]",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SQLITE_NULL_COLUMN = Pattern
		.compile("NOT NULL constraint failed: (?:[A-Za-z0-9_]+\\.)*([A-Za-z0-9_]+)");

	private static final Pattern MYSQL_KEY = Pattern.compile("for key '(?:[^'.]*\\.)?([^']+)'");

	private static final Pattern H2_INDEX = Pattern.compile("\"(?:[^\".]+\\.)?([A-Za-z0-9_]+?)(?:_INDEX_[0-9A-F]+)? ON ",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SQLITE_COLUMNS = Pattern.compile("constraint failed: ([A-Za-z0-9_., ]+)");

	private static final Pattern SQLITE_CODE = Pattern.compile("\\[(SQLITE_[A-Z_]+)\\]");

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
		int vendor = root.getErrorCode();
		String message = String.valueOf(root.getMessage());
		OrmErrorCode code = classify(root, state, vendor, message);
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
		String original = this.dialect.name().equals("sqlite") ? sqliteCode(message) : state + ((vendor != 0) ? "/" + vendor : "");
		String described = ((model != null) ? "Model '" + model.name() + "': " : "") + describe(code) + ": " + message
				+ ((statement != null && code != OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION) ? " [" + statement + "]" : "");
		return OrmException.builder(code, described)
			.cause(ex)
			.backend("jdbc", this.dialect.name())
			.model((model != null) ? model.name() : null)
			.constraint(constraint)
			.target(target)
			.originalCode(original)
			.build();
	}

	private OrmErrorCode classify(SQLException ex, String state, int vendor, String message) {
		String lower = message.toLowerCase(Locale.ROOT);
		if (this.dialect.name().equals("sqlite")) {
			return classifySqlite(sqliteCode(message), lower);
		}
		if (this.dialect.name().equals("mysql") || this.dialect.name().equals("mariadb")) {
			OrmErrorCode code = switch (vendor) {
				case 1062, 1586 -> OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
				case 1451, 1452, 1216, 1217 -> OrmErrorCode.FOREIGN_KEY_VIOLATION;
				case 1048, 1364 -> OrmErrorCode.NOT_NULL_VIOLATION;
				case 1146 -> OrmErrorCode.MISSING_TABLE;
				case 1049 -> OrmErrorCode.MISSING_SCHEMA;
				case 1213 -> OrmErrorCode.DEADLOCK;
				case 1205, 3024, 1969 -> OrmErrorCode.TIMEOUT;
				default -> null;
			};
			if (code != null) {
				return code;
			}
		}
		if (this.dialect.name().equals("h2")) {
			OrmErrorCode code = switch (vendor) {
				case 23505 -> OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
				case 23503, 23506 -> OrmErrorCode.FOREIGN_KEY_VIOLATION;
				case 23502 -> OrmErrorCode.NOT_NULL_VIOLATION;
				case 42101, 42102, 42103, 42104 -> OrmErrorCode.MISSING_TABLE;
				case 90079 -> OrmErrorCode.MISSING_SCHEMA;
				case 40001 -> OrmErrorCode.DEADLOCK;
				case 50200, 57014 -> OrmErrorCode.TIMEOUT;
				default -> null;
			};
			if (code != null) {
				return code;
			}
		}
		if (ex instanceof SQLTimeoutException) {
			return OrmErrorCode.TIMEOUT;
		}
		if (ex instanceof SQLTransientConnectionException || state.startsWith("08")) {
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
			case "57014" -> OrmErrorCode.TIMEOUT;
			case "23514", "22001", "22003", "22P02", "22007", "22008" -> OrmErrorCode.VALIDATION_ERROR;
			default -> byStandardClass(state, lower);
		};
	}

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
		return OrmErrorCode.UNSUPPORTED_OPERATION;
	}

	private static OrmErrorCode classifySqlite(String code, String lower) {
		return switch (code) {
			case "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY" -> OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
			case "SQLITE_CONSTRAINT_FOREIGNKEY" -> OrmErrorCode.FOREIGN_KEY_VIOLATION;
			case "SQLITE_CONSTRAINT_NOTNULL" -> OrmErrorCode.NOT_NULL_VIOLATION;
			case "SQLITE_CONSTRAINT_CHECK" -> OrmErrorCode.VALIDATION_ERROR;
			case "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_BUSY_SNAPSHOT" -> OrmErrorCode.TRANSACTION_CONFLICT;
			case "SQLITE_CANTOPEN", "SQLITE_IOERR" -> OrmErrorCode.CONNECTION_FAILURE;
			case "SQLITE_INTERRUPT" -> OrmErrorCode.TIMEOUT;
			default -> lower.contains("no such table") ? OrmErrorCode.MISSING_TABLE
					: lower.contains("unknown database") ? OrmErrorCode.MISSING_SCHEMA
							: OrmErrorCode.UNSUPPORTED_OPERATION;
		};
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

	private static String sqliteCode(String message) {
		Matcher matcher = SQLITE_CODE.matcher(message);
		return matcher.find() ? matcher.group(1) : "";
	}

	private @Nullable String constraint(OrmErrorCode code, String message) {
		if (code != OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION && code != OrmErrorCode.FOREIGN_KEY_VIOLATION) {
			return null;
		}
		Matcher mysql = MYSQL_KEY.matcher(message);
		if (mysql.find()) {
			return mysql.group(1);
		}
		if (this.dialect.name().equals("h2")) {
			Matcher h2 = ((code == OrmErrorCode.FOREIGN_KEY_VIOLATION) ? H2_CONSTRAINT : H2_INDEX).matcher(message);
			if (h2.find()) {
				return h2.group(1);
			}
		}
		if (this.dialect.name().equals("sqlite")) {
			// SQLite names no constraint ("FOREIGN KEY constraint failed"); unique keys are found by their columns.
			return null;
		}
		Matcher quoted = QUOTED_CONSTRAINT.matcher(message);
		return quoted.find() ? quoted.group(1) : null;
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
		return (references.size() == 1 && aboutThisModel && this.dialect.name().equals("sqlite")) ? references.get(0)
				: null;
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
