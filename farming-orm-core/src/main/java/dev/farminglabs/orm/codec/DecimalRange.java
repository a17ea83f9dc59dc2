package dev.farminglabs.orm.codec;

import java.math.BigDecimal;

import dev.farminglabs.orm.error.OrmException;

/**
 * The decimals every backend accepts alike: at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point and
 * at most {@value #MAX_FRACTION_DIGITS} after it (the scale). Anything outside is a {@code VALIDATION_ERROR} naming
 * the model and field, decided in time linear in the value's size, before any backend sees it. A negative scale
 * ({@code 1E+3}) is written as the same value with scale 0 ({@code 1000}), which is how SQL numerics keep it.
 */
public final class DecimalRange {

	/** The most digits a decimal may have before its decimal point. */
	public static final int MAX_INTEGER_DIGITS = 1000;

	/** The most digits a decimal may have after its decimal point (its largest scale). */
	public static final int MAX_FRACTION_DIGITS = 1000;

	// Above this many bits the unscaled value has more digits than both limits together allow.
	private static final int MAX_UNSCALED_BITS = (int) Math.ceil((MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS) * 3.33)
			+ 8;

	private DecimalRange() {
	}

	/**
	 * The value in its stored form (scale at least 0), or a {@code VALIDATION_ERROR} when it is outside the range.
	 */
	static BigDecimal check(String model, String field, BigDecimal value) {
		int scale = value.scale();
		if (value.signum() == 0) {
			if (scale > MAX_FRACTION_DIGITS) {
				throw outside(model, field, "a scale of " + scale);
			}
			return (scale < 0) ? BigDecimal.ZERO : value;
		}
		if (scale > MAX_FRACTION_DIGITS) {
			throw outside(model, field, "a scale of " + scale);
		}
		if (scale < -MAX_INTEGER_DIGITS) {
			throw outside(model, field, "an exponent of " + (-(long) scale));
		}
		if (value.unscaledValue().bitLength() > MAX_UNSCALED_BITS) {
			throw outside(model, field, "about " + (long) (value.unscaledValue().bitLength() * 0.30103) + " digits");
		}
		long integerDigits = (long) value.precision() - scale;
		if (integerDigits > MAX_INTEGER_DIGITS) {
			throw outside(model, field, integerDigits + " digits before the decimal point");
		}
		return (scale < 0) ? value.setScale(0) : value;
	}

	/** Whether a number lies within the range, decided in time linear in its size (JSON numbers are held to it too). */
	public static boolean fits(BigDecimal value) {
		int scale = value.scale();
		if (value.signum() == 0) {
			return scale <= MAX_FRACTION_DIGITS;
		}
		return scale <= MAX_FRACTION_DIGITS && scale >= -MAX_INTEGER_DIGITS
				&& value.unscaledValue().bitLength() <= MAX_UNSCALED_BITS
				&& (long) value.precision() - scale <= MAX_INTEGER_DIGITS;
	}

	private static OrmException outside(String model, String field, String got) {
		return OrmException.validation(model, field,
				"Model '" + model + "' field '" + field + "' (decimal) holds at most " + MAX_INTEGER_DIGITS
						+ " digits before the decimal point and " + MAX_FRACTION_DIGITS + " after it, got " + got);
	}

}
