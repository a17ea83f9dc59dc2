package dev.farminglabs.orm.jdbc.dialect;

import java.util.HashMap;
import java.util.Map;

/**
 * The spelling identifiers of a schema have in one database where it differs from the schema's: a table created
 * without quotes on H2 is {@code CACHE_ENTRIES}, a column {@code expiresAt} created without quotes on PostgreSQL is
 * {@code expiresat}, and quoted SQL must use those spellings to find them. Learned from the catalogue by schema
 * setup and when a client is created; shared by every statement of one driver. Thread-safe.
 */
public final class IdentifierSpelling {

	private volatile Map<String, String> spellings = Map.of();

	private volatile int generation;

	/** The spelling of an identifier in the database: itself unless the catalogue showed it otherwise. */
	public String of(String identifier) {
		return this.spellings.getOrDefault(identifier, identifier);
	}

	/** Adds what the catalogue showed; later findings replace earlier ones for the same identifier. */
	public synchronized void learn(Map<String, String> found) {
		if (found.isEmpty()) {
			return;
		}
		Map<String, String> merged = new HashMap<>(this.spellings);
		merged.putAll(found);
		if (!merged.equals(this.spellings)) {
			this.spellings = Map.copyOf(merged);
			this.generation++;
		}
	}

	/**
	 * Changes with every new finding, so SQL rendered in an earlier spelling (a driver's statement cache) can be told
	 * apart from SQL rendered in the current one.
	 */
	public int generation() {
		return this.generation;
	}

}
