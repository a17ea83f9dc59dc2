package dev.farminglabs.orm.mongodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stored form of decimals orders as the numbers do, for 1 to 300 digits and any scale: MongoDB compares the text
 * byte by byte, as {@link String#compareTo} does for this ASCII text, so ranges, sorting and equality are exact.
 */
class DecimalKeyTest {

	private static BigDecimal random(Random random) {
		int digits = 1 + random.nextInt(300);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < digits; i++) {
			text.append((char) ('0' + random.nextInt(10)));
		}
		BigInteger unscaled = new BigInteger(text.toString());
		if (random.nextBoolean()) {
			unscaled = unscaled.negate();
		}
		return new BigDecimal(unscaled, random.nextInt(320) - 10);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 42, 20261201 })
	void storedFormsCompareAsTheirNumbersAndKeepTheScale(long seed) {
		Random random = new Random(seed);
		List<BigDecimal> values = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			BigDecimal value = random(random);
			values.add(value);
			// The same number with another scale, and its neighbours in the last digit.
			values.add(value.setScale(value.scale() + 2));
			values.add(value.add(BigDecimal.ONE.movePointLeft(value.scale())));
		}
		values.add(BigDecimal.ZERO);
		values.add(new BigDecimal("0.00"));
		values.add(new BigDecimal("-0.000"));
		for (int i = 0; i < values.size(); i++) {
			BigDecimal a = values.get(i);
			assertThat(DecimalKey.decode(DecimalKey.encode(a))).as("seed %d: %s", seed, a).isEqualTo(a);
			for (int j = Math.max(0, i - 30); j < values.size(); j += 7) {
				BigDecimal b = values.get(j);
				int expected = Integer.signum(a.compareTo(b));
				assertThat(Integer.signum(DecimalKey.key(a).compareTo(DecimalKey.key(b))))
					.as("seed %d: key order of %s and %s", seed, a, b).isEqualTo(expected);
				String stored = DecimalKey.encode(a);
				assertThat(stored.compareTo(DecimalKey.lowest(b)) >= 0).as("seed %d: %s >= %s", seed, a, b)
					.isEqualTo(expected >= 0);
				assertThat(stored.compareTo(DecimalKey.above(b)) >= 0).as("seed %d: %s > %s", seed, a, b)
					.isEqualTo(expected > 0);
			}
		}
	}

}
