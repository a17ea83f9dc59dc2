package dev.farminglabs.orm.jdbc.dialect;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.farminglabs.orm.error.OrmErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * What a database's own error codes and messages say, beyond the standard SQLSTATE classes: the part of error
 * translation that differs between databases. This base reads standard SQL errors; a dialect whose database has
 * vendor codes or result codes of its own returns a subclass from {@link SqlDialect#errors()}.
 */
public class SqlErrors {

	/** Standard SQL errors: SQLSTATE and vendor code, constraint names in quotes. */
	public static final SqlErrors STANDARD = new SqlErrors();

	/** A quoted name after "constraint" (PostgreSQL, MySQL, MariaDB); an unquoted word there is prose ("fails"). */
	private static final Pattern QUOTED_CONSTRAINT = Pattern.compile("constraint [\"`]([A-Za-z0-9_]+)[\"`]",
			Pattern.CASE_INSENSITIVE);

	protected SqlErrors() {
	}

	/**
	 * The code the database's own vendor or result code means, or {@code null} to classify the error by its SQLSTATE.
	 */
	public @Nullable OrmErrorCode classify(SQLException error) {
		return null;
	}

	/** The database's own code of the error, as {@code OrmException.originalCode()} reports it. */
	public String originalCode(SQLException error) {
		String state = (error.getSQLState() != null) ? error.getSQLState() : "";
		return state + ((error.getErrorCode() != 0) ? "/" + error.getErrorCode() : "");
	}

	/** The name of the unique key or foreign key that a constraint violation's message names, if it names one. */
	public @Nullable String constraint(OrmErrorCode code, String message) {
		Matcher quoted = QUOTED_CONSTRAINT.matcher(message);
		return quoted.find() ? quoted.group(1) : null;
	}

	/**
	 * Whether messages name the violated constraint. Where they do not (SQLite), a foreign-key violation on a model
	 * with a single reference field is taken to be about that field.
	 */
	public boolean namesConstraints() {
		return true;
	}

}
