package dev.farminglabs.orm.jdbc.internal;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How a database spells identifiers, as its JDBC metadata reports: an unquoted name is stored in upper case (H2,
 * standard SQL), in lower case (PostgreSQL, MySQL with {@code lower_case_table_names=1}) or as written (SQLite,
 * MySQL by default); quoted names are matched exactly, or ignoring case (SQLite). Finds the name in the catalogue
 * that a name of the schema means: the exact spelling first, so a table that exists in both spellings is the one
 * quoted SQL already named.
 */
record IdentifierFolding(Case unquoted, boolean quotedIgnoreCase) {

	static IdentifierFolding of(DatabaseMetaData metadata) throws SQLException {
		Case unquoted = metadata.storesUpperCaseIdentifiers() ? Case.UPPER
				: metadata.storesLowerCaseIdentifiers() ? Case.LOWER : Case.AS_WRITTEN;
		return new IdentifierFolding(unquoted, !metadata.supportsMixedCaseQuotedIdentifiers());
	}

	/** The name the database stores for the identifier written without quotes. */
	String unquotedSpelling(String identifier) {
		return switch (this.unquoted) {
			case UPPER -> identifier.toUpperCase(Locale.ROOT);
			case LOWER -> identifier.toLowerCase(Locale.ROOT);
			case AS_WRITTEN -> identifier;
		};
	}

	/**
	 * The existing name {@code wanted} refers to: itself, else its unquoted spelling (created without quotes), else,
	 * where names differing in case are the same ({@code ignoreCase} or quoted names ignoring case), any such name;
	 * {@code null} when none exists.
	 */
	@Nullable String find(String wanted, Collection<String> existing, boolean ignoreCase) {
		if (existing.contains(wanted)) {
			return wanted;
		}
		String unquotedSpelling = unquotedSpelling(wanted);
		if (existing.contains(unquotedSpelling)) {
			return unquotedSpelling;
		}
		if (ignoreCase || this.quotedIgnoreCase) {
			return existing.stream().filter(wanted::equalsIgnoreCase).findFirst().orElse(null);
		}
		return null;
	}

	/** Whether quoted SQL must use the found spelling rather than the schema's to reach the object. */
	boolean mustRespell(String wanted, String found, boolean ignoreCase) {
		return !found.equals(wanted) && !ignoreCase && !this.quotedIgnoreCase;
	}

	/** How unquoted identifiers are stored. */
	enum Case {

		UPPER, LOWER, AS_WRITTEN

	}

}
