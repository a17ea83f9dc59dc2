package dev.farminglabs.orm.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.farminglabs.orm.jdbc.dialect.SqlDialect;

/**
 * Fits constraint and index names into the identifier length of every dialect (63 on PostgreSQL): longer names keep
 * a readable prefix and end in a hash of the full name, so they stay stable and unique across pushes.
 */
public final class Identifiers {

	static final int MAX_LENGTH = 63;

	private Identifiers() {
	}

	/** The name as created in the database. */
	public static String shorten(String name, SqlDialect dialect) {
		if (name.length() <= MAX_LENGTH) {
			return name;
		}
		return name.substring(0, MAX_LENGTH - 9) + "_" + hash(name);
	}

	private static String hash(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", ex);
		}
	}

}
