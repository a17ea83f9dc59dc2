package dev.farminglabs.orm.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Generated ids are RFC 9562 version 7 UUIDs: time-ordered across milliseconds and unique. */
class UuidV7Test {

	@Test
	void setsVersion7AndTheRfcVariant() {
		for (int i = 0; i < 1000; i++) {
			UUID id = UuidV7.generate();
			assertThat(id.version()).isEqualTo(7);
			assertThat(id.variant()).isEqualTo(2);
		}
	}

	@Test
	void startsWithTheUnixMillisecondsOfItsCreation() {
		long before = System.currentTimeMillis();
		UUID id = UuidV7.generate();
		long after = System.currentTimeMillis();
		assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
	}

	@Test
	void writesTheCanonicalLowerCaseForm() {
		String id = UuidV7.next();
		assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(UUID.fromString(id).toString()).isEqualTo(id);
	}

	@Test
	void sortsIdsOfLaterMillisecondsAfterEarlierOnes() {
		String previous = UuidV7.next();
		for (int i = 0; i < 5; i++) {
			long millis = System.currentTimeMillis();
			while (System.currentTimeMillis() == millis) {
				Thread.onSpinWait();
			}
			String next = UuidV7.next();
			assertThat(next).isGreaterThan(previous);
			previous = next;
		}
	}

	@Test
	void neverRepeatsOverTenThousandIds() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(UuidV7.next());
		}
		assertThat(ids).hasSize(10_000);
	}

}
