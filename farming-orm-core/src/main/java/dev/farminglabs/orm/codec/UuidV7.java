package dev.farminglabs.orm.codec;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates time-ordered UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter seeded randomly each
 * millisecond (RFC 9562 §6.2, method 1), then random bits. Ids created later in a process sort later, even within one
 * millisecond, and index well.
 */
public final class UuidV7 {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The last timestamp and counter handed out, as {@code millis << 12 | counter}. */
	private static final AtomicLong LAST = new AtomicLong();

	private UuidV7() {
	}

	/** A new UUIDv7 as its canonical lower-case string. */
	public static String next() {
		return generate().toString();
	}

	/** A new UUIDv7. */
	public static UUID generate() {
		// Seeded in the lower half, so the counter rarely spills into the next millisecond.
		long candidate = (System.currentTimeMillis() << 12) | RANDOM.nextInt(1 << 11);
		long next = LAST.updateAndGet((last) -> Math.max(candidate, last + 1));
		long mostSignificant = ((next >>> 12) << 16) | 0x7000L | (next & 0xFFFL);
		long leastSignificant = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant);
	}

}
