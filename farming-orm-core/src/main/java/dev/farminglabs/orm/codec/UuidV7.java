package dev.farminglabs.orm.codec;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Generates time-ordered UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids created later
 * sort later and index well.
 */
public final class UuidV7 {

	private static final SecureRandom RANDOM = new SecureRandom();

	private UuidV7() {
	}

	/** A new UUIDv7 as its canonical lower-case string. */
	public static String next() {
		return generate().toString();
	}

	/** A new UUIDv7. */
	public static UUID generate() {
		long millis = System.currentTimeMillis();
		long randA = RANDOM.nextInt(1 << 12);
		long mostSignificant = (millis << 16) | 0x7000L | randA;
		long leastSignificant = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant);
	}

}
