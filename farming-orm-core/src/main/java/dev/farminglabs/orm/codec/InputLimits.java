package dev.farminglabs.orm.codec;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;

/**
 * The bounds every input is checked against before it reaches a backend, the same on every backend: values outside
 * them are a {@code VALIDATION_ERROR} naming the model and field, never a raw exception, a silent change or a row that
 * later reads cannot decode. Every check costs time linear in the size of the input.
 */
public final class InputLimits {

	/** The earliest datetime: {@code 0001-01-01T00:00:00Z}, which every backend stores and reads back unchanged. */
	public static final Instant MIN_DATETIME = Instant.parse("0001-01-01T00:00:00Z");

	/** The latest datetime: {@code 9999-12-31T23:59:59.999999999Z} (MariaDB's and MySQL's {@code DATETIME} end there). */
	public static final Instant MAX_DATETIME = Instant.parse("9999-12-31T23:59:59.999999999Z");

	/**
	 * How deep JSON arrays and objects may nest: 31, the deepest value MariaDB's {@code JSON_VALID} accepts (a top-level
	 * array is depth 1, scalars are depth 0).
	 */
	public static final int MAX_JSON_DEPTH = 31;

	/**
	 * How many digits a JSON number may have written out in full (plain notation, as PostgreSQL's {@code jsonb} writes
	 * it back): 1,000, within what reads accept, so no value can be written that later reads of the table refuse.
	 */
	public static final int MAX_JSON_NUMBER_DIGITS = 1_000;

	/**
	 * How many values (containers and what they hold, each time it appears) one JSON value may hold: 1,000,000, at
	 * least 2 MB written out. It bounds the work a value's conversion can cost: a list holding the same list twice,
	 * 30 levels deep, is within the depth limit but holds 2^30 values.
	 */
	public static final int MAX_JSON_VALUES = 1_000_000;

	/** How deep {@code and}/{@code or}/{@code not} may nest in a where clause (a where's own filters are depth 1). */
	public static final int MAX_WHERE_DEPTH = 32;

	/** How many conditions and list items ({@code in}/{@code notIn}) a where clause may hold in all. */
	public static final int MAX_WHERE_SIZE = 10_000;

	private InputLimits() {
	}

	/** The datetime if it lies within {@link #MIN_DATETIME} .. {@link #MAX_DATETIME}, else a validation error. */
	public static Instant checkDatetime(@Nullable String model, @Nullable String field, Instant value) {
		if (value.isBefore(MIN_DATETIME) || value.isAfter(MAX_DATETIME)) {
			throw OrmException.validation(model, field, prefix(model, field) + "datetime " + value
					+ " is outside the range every backend stores (" + MIN_DATETIME + " to " + MAX_DATETIME + ")");
		}
		return value;
	}

	/**
	 * Refuses text with an unpaired UTF-16 surrogate (PostgreSQL, MariaDB and SQLite would store it as {@code ?}) or a
	 * NUL character (PostgreSQL cannot store it).
	 */
	public static String checkText(@Nullable String model, @Nullable String field, String text) {
		checkChars(model, field, text);
		return text;
	}

	/**
	 * The scan behind {@link #checkText}: reads each char at most twice (once more as a surrogate's partner), so
	 * tests can count the reads through a {@code CharSequence} and hold the check to linear time without timing it.
	 */
	static void checkChars(@Nullable String model, @Nullable String field, CharSequence text) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				throw OrmException.validation(model, field, prefix(model, field)
						+ "text cannot hold the NUL character (U+0000), which PostgreSQL text cannot store");
			}
			if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw OrmException.validation(model, field, prefix(model, field)
						+ "text holds an unpaired UTF-16 surrogate at index " + i
						+ ", which is not a character and which backends would store as '?'");
			}
		}
	}

	/**
	 * The number of digits {@code value} has written out in full, computed without writing it out (so
	 * {@code 1E+2147483647} costs nothing): integer digits (at least one) plus fraction digits.
	 */
	public static long plainDigits(BigDecimal value) {
		long bits = value.unscaledValue().bitLength();
		// precision() of a huge number costs more than linear time; its bit length bounds it well enough.
		long precision = (bits > 4_000) ? (long) (bits * 0.3010299956) : value.precision();
		long scale = value.scale();
		long integerDigits = Math.max(precision - scale, 1);
		long fractionDigits = Math.max(scale, 0);
		return integerDigits + fractionDigits;
	}

	/**
	 * Refuses Java values that cannot become JSON within the limits before Jackson sees them: maps, collections and
	 * arrays nested deeper than {@link #MAX_JSON_DEPTH} (which includes every value that contains itself) or holding
	 * more than {@link #MAX_JSON_VALUES} values in all.
	 */
	public static void checkJsonSource(@Nullable String model, @Nullable String field, @Nullable Object value) {
		if (isContainer(value)) {
			new JsonSourceWalk(model, field).visit(value, 0);
		}
	}

	private static boolean isContainer(@Nullable Object value) {
		return value instanceof Map<?, ?> || value instanceof Collection<?>
				|| (value != null && value.getClass().isArray());
	}

	/** One walk of a JSON source, counting the values it meets against {@link #MAX_JSON_VALUES}. */
	private static final class JsonSourceWalk {

		private final @Nullable String model;

		private final @Nullable String field;

		private long values;

		JsonSourceWalk(@Nullable String model, @Nullable String field) {
			this.model = model;
			this.field = field;
		}

		void visit(@Nullable Object value, int depth) {
			count(1);
			if (!isContainer(value)) {
				return;
			}
			if (depth >= MAX_JSON_DEPTH) {
				throw jsonTooDeep(this.model, this.field);
			}
			if (value instanceof Map<?, ?> map) {
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					visit(entry.getValue(), depth + 1);
				}
			}
			else if (value instanceof Collection<?> items) {
				for (Object item : items) {
					visit(item, depth + 1);
				}
			}
			else if (!value.getClass().getComponentType().isPrimitive()) {
				int length = Array.getLength(value);
				for (int i = 0; i < length; i++) {
					visit(Array.get(value, i), depth + 1);
				}
			}
			else if (!(value instanceof byte[] || value instanceof char[])) {
				// Jackson writes byte[] and char[] as one string, other primitive arrays as arrays of numbers.
				count(Array.getLength(value));
			}
		}

		private void count(int more) {
			this.values += more;
			if (this.values > MAX_JSON_VALUES) {
				throw OrmException.validation(this.model, this.field, prefix(this.model, this.field)
						+ "JSON holds more than " + MAX_JSON_VALUES + " values (counting each time a shared value appears)");
			}
		}

	}

	static OrmException jsonTooDeep(@Nullable String model, @Nullable String field) {
		return OrmException.validation(model, field, prefix(model, field) + "JSON nests deeper than "
				+ MAX_JSON_DEPTH + " levels (or contains itself), more than every backend accepts");
	}

	/**
	 * A short description of a value for error messages that never fails and never walks the value: collections,
	 * maps and arrays are described by type and size (they may contain themselves), other values by a bounded
	 * {@code toString}.
	 */
	public static String describe(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		String type = value.getClass().getSimpleName();
		if (value instanceof Collection<?> items) {
			return type + " of " + safeSize(items) + " items";
		}
		if (value instanceof Map<?, ?> map) {
			return type + " of " + safeSize(map) + " entries";
		}
		if (value.getClass().isArray()) {
			return type + " of " + Array.getLength(value) + " items";
		}
		String text;
		try {
			text = String.valueOf(value);
		}
		catch (RuntimeException | StackOverflowError ex) {
			text = "(toString failed)";
		}
		if (text.length() > 60) {
			text = text.substring(0, 57) + "...";
		}
		return type + " " + text;
	}

	private static String safeSize(Object container) {
		try {
			return String.valueOf((container instanceof Map<?, ?> map) ? map.size() : ((Collection<?>) container).size());
		}
		catch (RuntimeException ex) {
			return "?";
		}
	}

	private static String prefix(@Nullable String model, @Nullable String field) {
		if (model == null) {
			return (field != null) ? "Field '" + field + "': " : "";
		}
		return "Model '" + model + "'" + ((field != null) ? " field '" + field + "'" : "") + ": ";
	}

}
