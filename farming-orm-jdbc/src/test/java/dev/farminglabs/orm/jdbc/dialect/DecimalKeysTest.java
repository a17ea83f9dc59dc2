package dev.farminglabs.orm.jdbc.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.farminglabs.orm.codec.DecimalRange;
import dev.farminglabs.orm.query.Operator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sortable text form of decimals: read back with its scale, binary order equal to numeric order, and each
 * comparison's range holding exactly the values it should, for seeded random decimals across the whole range.
 */
class DecimalKeysTest {

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1L, 2L, 3L, 4L, 5L })
	void textOrderIsNumericOrderAndValuesReadBackWithTheirScale(long seed) {
		Random random = new Random(seed);
		List<BigDecimal> values = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			values.add(random(random));
		}
		values.add(BigDecimal.ZERO);
		values.add(new BigDecimal("0.000"));
		values.add(new BigDecimal("9".repeat(DecimalRange.MAX_INTEGER_DIGITS) + "." + "9".repeat(DecimalRange.MAX_FRACTION_DIGITS)));
		values.add(new BigDecimal("-" + "9".repeat(DecimalRange.MAX_INTEGER_DIGITS)));
		values.add(new BigDecimal(BigInteger.ONE, DecimalRange.MAX_FRACTION_DIGITS));
		for (BigDecimal value : values) {
			String stored = DecimalKeys.encode(value);
			assertThat(DecimalKeys.decode(stored)).as("seed %s: %s", seed, value).isEqualTo(value);
			assertThat(stored.length()).isLessThanOrEqualTo(DecimalKeys.MAX_LENGTH);
		}
		List<String> wrong = new ArrayList<>();
		for (BigDecimal a : values) {
			String stored = DecimalKeys.encode(a);
			for (BigDecimal b : values) {
				int numeric = Integer.signum(a.compareTo(b));
				if (Integer.signum(DecimalKeys.key(a).compareTo(DecimalKeys.key(b))) != numeric) {
					wrong.add("order of " + a + " and " + b);
				}
				check(wrong, stored, a, Operator.EQ, b, numeric == 0);
				check(wrong, stored, a, Operator.GT, b, numeric > 0);
				check(wrong, stored, a, Operator.GTE, b, numeric >= 0);
				check(wrong, stored, a, Operator.LT, b, numeric < 0);
				check(wrong, stored, a, Operator.LTE, b, numeric <= 0);
			}
		}
		assertThat(wrong).as("seed %s", seed).isEmpty();
	}

	private static void check(List<String> wrong, String stored, BigDecimal a, Operator operator, BigDecimal b,
			boolean expected) {
		if (matches(stored, operator, b) != expected) {
			wrong.add(a + " " + operator + " " + b + " should be " + expected);
		}
	}

	/** Evaluates the rendered comparison on a stored text as the database would, by binary string comparison. */
	private static boolean matches(String stored, Operator operator, BigDecimal value) {
		List<SqlValue> params = new ArrayList<>();
		String sql = DecimalKeys.compare("c", operator, value, params);
		String first = (String) params.get(0).value();
		return switch (sql) {
			case "c >= ?" -> stored.compareTo(first) >= 0;
			case "c < ?" -> stored.compareTo(first) < 0;
			default -> stored.compareTo(first) >= 0 && stored.compareTo((String) params.get(1).value()) < 0;
		};
	}

	private static BigDecimal random(Random random) {
		int digits = 1 + random.nextInt((random.nextInt(4) == 0) ? 1000 : 30);
		StringBuilder unscaled = new StringBuilder();
		for (int i = 0; i < digits; i++) {
			unscaled.append((char) ('0' + random.nextInt(10)));
		}
		BigInteger number = new BigInteger(unscaled.toString());
		if (random.nextBoolean()) {
			number = number.negate();
		}
		int scale = random.nextInt(Math.min(digits, DecimalRange.MAX_FRACTION_DIGITS) + 1);
		if (random.nextInt(5) == 0) {
			scale = Math.min(DecimalRange.MAX_FRACTION_DIGITS, scale + random.nextInt(400));
		}
		return new BigDecimal(number, scale);
	}

}
