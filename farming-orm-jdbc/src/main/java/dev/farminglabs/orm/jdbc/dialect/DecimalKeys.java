package dev.farminglabs.orm.jdbc.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import dev.farminglabs.orm.query.Operator;

/**
 * The text form of decimals on dialects without an exact numeric type that keeps the scale: a sort key whose binary
 * (code-point) order is the numeric order, then {@code /} and the scale in four digits. Equal numbers have equal keys
 * ({@code 12.5} and {@code 12.50} differ only after the {@code /}), so every comparison is a range of the stored text:
 * exact for any number of digits, and able to use an index.
 *
 * <p>Key: zero is {@code 1}; a positive number is {@code 2}, its decimal exponent plus 5000 in four digits, then its
 * digits without trailing zeros; a negative number is {@code 0}, 9999 minus that exponent field, the nines' complement
 * of its digits, then {@code ~}. Positive keys sharing a prefix order by length as their numbers do, and {@code /}
 * sorts below every digit; negative keys end with {@code ~}, above every digit, so they are never a prefix of another
 * key.
 */
final class DecimalKeys {

	/** Characters after the key: the separator and four digits of scale. */
	static final int SUFFIX_LENGTH = 5;

	/** The longest stored form of a decimal within {@code DecimalRange}. */
	static final int MAX_LENGTH = 2048;

	private static final int EXPONENT_OFFSET = 5000;

	private DecimalKeys() {
	}

	/** The stored text of a decimal: its sort key, {@code /}, its scale. */
	static String encode(BigDecimal value) {
		BigDecimal decimal = (value.scale() < 0) ? value.setScale(0) : value;
		return key(decimal) + '/' + pad(decimal.scale());
	}

	/** The decimal a stored text holds, with its scale. */
	static BigDecimal decode(String text) {
		int slash = text.lastIndexOf('/');
		int scale = Integer.parseInt(text.substring(slash + 1));
		char sign = text.charAt(0);
		if (sign == '1') {
			return BigDecimal.ZERO.setScale(scale);
		}
		int exponent;
		String digits;
		if (sign == '2') {
			exponent = Integer.parseInt(text.substring(1, 5)) - EXPONENT_OFFSET;
			digits = text.substring(5, slash);
		}
		else {
			exponent = 9999 - Integer.parseInt(text.substring(1, 5)) - EXPONENT_OFFSET;
			digits = complement(text.substring(5, slash - 1));
		}
		BigInteger unscaled = new BigInteger(digits);
		BigDecimal number = new BigDecimal((sign == '2') ? unscaled : unscaled.negate(), digits.length() - 1 - exponent);
		return number.setScale(scale);
	}

	/** The sort key of a decimal: equal numbers, whatever their scale, have equal keys. */
	static String key(BigDecimal value) {
		if (value.signum() == 0) {
			return "1";
		}
		BigDecimal stripped = value.stripTrailingZeros();
		String digits = stripped.unscaledValue().abs().toString();
		int exponent = digits.length() - 1 - stripped.scale();
		if (value.signum() > 0) {
			return "2" + pad(exponent + EXPONENT_OFFSET) + digits;
		}
		return "0" + pad(9999 - (exponent + EXPONENT_OFFSET)) + complement(digits) + "~";
	}

	/**
	 * A comparison of a stored decimal column with a value, as a range of its text; adds the parameters it uses.
	 * Stored values equal to {@code value} lie in {@code [key + "/", key + "0")}.
	 */
	static String compare(String column, Operator operator, BigDecimal value, List<SqlValue> params) {
		String key = key(value);
		String equalFrom = key + "/";
		String greaterFrom = key + "0";
		switch (operator) {
			case GT -> {
				params.add(SqlValue.raw(greaterFrom));
				return column + " >= ?";
			}
			case GTE -> {
				params.add(SqlValue.raw(equalFrom));
				return column + " >= ?";
			}
			case LT -> {
				params.add(SqlValue.raw(equalFrom));
				return column + " < ?";
			}
			case LTE -> {
				params.add(SqlValue.raw(greaterFrom));
				return column + " < ?";
			}
			default -> {
				params.add(SqlValue.raw(equalFrom));
				params.add(SqlValue.raw(greaterFrom));
				return "(" + column + " >= ? AND " + column + " < ?)";
			}
		}
	}

	private static String complement(String digits) {
		char[] chars = digits.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = (char) ('9' - chars[i] + '0');
		}
		return new String(chars);
	}

	private static String pad(int number) {
		String text = Integer.toString(number);
		return "0000".substring(Math.min(4, text.length())) + text;
	}

}
