package dev.farminglabs.orm.mongodb.internal;

import java.math.BigDecimal;

/**
 * Decimals as order-preserving text, so that MongoDB compares, sorts and indexes them exactly whatever their
 * precision ({@code Decimal128} holds 34 digits). A stored value is {@code <key> <text>}: the key orders by numeric
 * value and is the same for {@code 12.5} and {@code 12.50}; the text after the space ({@link BigDecimal#toString()})
 * keeps the scale and keeps the value readable in the shell. Keys are prefix-free (they end in a terminator), so the text after the key never
 * changes an order.
 *
 * <p>Key: a sign class ({@code A} negative, {@code B} zero, {@code C} positive), then for non-zero values the decimal
 * exponent of {@code 0.d1d2... x 10^e} as ten digits (offset, and complemented for negatives), then the significant
 * digits without trailing zeros (each complemented, {@code 9 - d}, for negatives), then a terminator that sorts
 * below every digit for positives ({@code .}) and above every digit for negatives ({@code :}), so that a shorter
 * mantissa is smaller for positives and larger for negatives.
 */
public final class DecimalKey {

	/** Separates the key from the text; sorts below every character of a key. */
	static final char SEPARATOR = ' ';

	/** The character right after {@link #SEPARATOR}: every value with key {@code k} is below {@code k + "!"}. */
	static final char AFTER_SEPARATOR = '!';

	private static final long EXPONENT_OFFSET = 5_000_000_000L;

	private static final long EXPONENT_MAX = 9_999_999_999L;

	private DecimalKey() {
	}

	/** The stored form of a decimal: its key, a space, its text ({@link BigDecimal#toString()}, which reads back to the same value and scale). */
	public static String encode(BigDecimal value) {
		return key(value) + SEPARATOR + value;
	}

	/** The decimal a stored form holds, scale included. */
	public static BigDecimal decode(String stored) {
		int separator = stored.indexOf(SEPARATOR);
		return new BigDecimal(stored.substring(separator + 1));
	}

	/** The order-preserving key of a decimal; equal for numerically equal values. */
	public static String key(BigDecimal value) {
		int sign = value.signum();
		if (sign == 0) {
			return "B";
		}
		BigDecimal stripped = value.stripTrailingZeros();
		String digits = stripped.unscaledValue().abs().toString();
		long exponent = (long) digits.length() - stripped.scale() + EXPONENT_OFFSET;
		StringBuilder key = new StringBuilder(digits.length() + 12);
		if (sign > 0) {
			key.append('C').append(pad(exponent)).append(digits).append('.');
		}
		else {
			key.append('A').append(pad(EXPONENT_MAX - exponent));
			for (int i = 0; i < digits.length(); i++) {
				key.append((char) ('9' - digits.charAt(i) + '0'));
			}
			key.append(':');
		}
		return key.toString();
	}

	/** The lowest stored form with this key. */
	static String lowest(BigDecimal value) {
		return key(value) + SEPARATOR;
	}

	/** The bound just above every stored form with this key. */
	static String above(BigDecimal value) {
		return key(value) + AFTER_SEPARATOR;
	}

	private static String pad(long exponent) {
		String text = Long.toString(exponent);
		return "0".repeat(Math.max(0, 10 - text.length())) + text;
	}

}
