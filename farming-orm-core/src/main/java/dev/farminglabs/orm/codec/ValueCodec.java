package dev.farminglabs.orm.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FieldKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Converts the Java values callers pass into the one canonical type of each field kind, and rejects anything else
 * with a {@code VALIDATION_ERROR} that names the model and field. Canonical types: id {@code String} or {@code Long},
 * string/enum {@code String}, bool {@code Boolean}, datetime {@code Instant}, integer {@code Long}, bigint
 * {@code BigInteger} (signed 64-bit), decimal {@code BigDecimal}, json {@code JsonNode}. Decimals are also accepted
 * from their exact text ({@code "12.50"}) and datetimes from strict ISO-8601 text with an offset, as web requests
 * carry them.
 */
public final class ValueCodec {

	private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	/** The longest decimal text parsed; longer ones are refused before parsing, which is not linear in the length. */
	private static final int MAX_DECIMAL_TEXT = 1000;

	/** The longest datetime text parsed; ISO-8601 with nanoseconds and an offset needs at most 35. */
	private static final int MAX_DATETIME_TEXT = 64;

	private ValueCodec() {
	}

	/**
	 * The canonical form of {@code value} for {@code field}; {@code null} stays {@code null} (callers check
	 * nullability).
	 * @throws OrmException with code {@code VALIDATION_ERROR} when the value does not fit the field
	 */
	public static @Nullable Object toCanonical(String model, FieldDefinition field, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		return switch (field.kind()) {
			case ID -> field.isIntegral() ? toLong(model, field, value) : toIdString(model, field, value);
			case STRING -> toText(model, field, value);
			case BOOLEAN -> toBoolean(model, field, value);
			case DATETIME -> toInstant(model, field, value);
			case INTEGER -> toLong(model, field, value);
			case BIGINT -> toBigInteger(model, field, value);
			case DECIMAL -> toDecimal(model, field, value);
			case JSON -> toJson(model, field, value);
			case ENUM -> toEnum(model, field, value);
		};
	}

	private static String toIdString(String model, FieldDefinition field, Object value) {
		if (value instanceof String text) {
			if (text.isEmpty()) {
				throw invalid(model, field, value, "a non-empty string");
			}
			return InputLimits.checkText(model, field.name(), text);
		}
		if (value instanceof UUID uuid) {
			return uuid.toString();
		}
		throw invalid(model, field, value, "a String or UUID");
	}

	private static String toText(String model, FieldDefinition field, Object value) {
		if (!(value instanceof String text)) {
			throw invalid(model, field, value, "a String");
		}
		InputLimits.checkText(model, field.name(), text);
		Integer maxLength = field.maxLength();
		if (maxLength != null) {
			int length = text.codePointCount(0, text.length());
			if (length > maxLength) {
				throw OrmException.validation(model, field.name(), "Model '" + model + "' field '" + field.name()
						+ "' holds at most " + maxLength + " characters, got " + length);
			}
		}
		return text;
	}

	private static Boolean toBoolean(String model, FieldDefinition field, Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		throw invalid(model, field, value, "a Boolean");
	}

	private static Instant toInstant(String model, FieldDefinition field, Object value) {
		Instant instant;
		if (value instanceof Instant given) {
			instant = given;
		}
		else if (value instanceof OffsetDateTime offset) {
			instant = offset.toInstant();
		}
		else if (value instanceof ZonedDateTime zoned) {
			instant = zoned.toInstant();
		}
		else if (value instanceof Date date) {
			try {
				instant = date.toInstant();
			}
			catch (UnsupportedOperationException ex) {
				// java.sql.Date and java.sql.Time are a date or a time of day, not an instant.
				throw invalid(model, field, value, "an instant; " + value.getClass().getName()
						+ " is a date or a time of day without the other (use an Instant or a java.sql.Timestamp)");
			}
		}
		else if (value instanceof String text) {
			instant = parseInstant(model, field, text);
		}
		else {
			throw invalid(model, field, value,
					"an Instant, OffsetDateTime, ZonedDateTime, Date or an ISO-8601 String with an offset");
		}
		return InputLimits.checkDatetime(model, field.name(), instant);
	}

	private static Long toLong(String model, FieldDefinition field, Object value) {
		if (value instanceof Long number) {
			return number;
		}
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof BigInteger big && big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0) {
			return big.longValue();
		}
		throw invalid(model, field, value, "an integer (Integer, Long or BigInteger) within the 64-bit range");
	}

	private static BigInteger toBigInteger(String model, FieldDefinition field, Object value) {
		if (value instanceof BigInteger big) {
			if (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0) {
				throw invalid(model, field, value, "a signed 64-bit integer");
			}
			return big;
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return BigInteger.valueOf(((Number) value).longValue());
		}
		throw invalid(model, field, value, "a BigInteger, Long or Integer");
	}

	private static BigDecimal toDecimal(String model, FieldDefinition field, Object value) {
		if (value instanceof BigDecimal decimal) {
			return DecimalRange.check(model, field.name(), decimal);
		}
		if (value instanceof BigInteger big) {
			return DecimalRange.check(model, field.name(), new BigDecimal(big));
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		if (value instanceof String text) {
			return parseDecimal(model, field, text);
		}
		throw invalid(model, field, value,
				"a BigDecimal, an integer or a plain decimal String as \"12.50\"; doubles would lose exactness");
	}

	/**
	 * A decimal from its exact text: an optional minus, digits, optionally a point and digits ({@code "12.50"},
	 * scale kept). No exponent, sign plus, spaces, grouping or locale: anything else is a {@code VALIDATION_ERROR}.
	 */
	private static BigDecimal parseDecimal(String model, FieldDefinition field, String text) {
		int length = text.length();
		boolean valid = length > 0 && length <= MAX_DECIMAL_TEXT;
		int start = (valid && text.charAt(0) == '-') ? 1 : 0;
		int point = -1;
		for (int i = start; valid && i < length; i++) {
			char c = text.charAt(i);
			if (c == '.' && point < 0 && i > start && i < length - 1) {
				point = i;
			}
			else if (c < '0' || c > '9') {
				valid = false;
			}
		}
		if (!valid || start == length) {
			throw invalid(model, field, text, "a plain decimal String as \"-12.50\" (at most " + MAX_DECIMAL_TEXT
					+ " characters, no exponent)");
		}
		return new BigDecimal(text);
	}

	/** A datetime from a strict ISO-8601 text with an offset ({@code 2024-05-01T10:15:30.5Z}, {@code ...+02:00}). */
	private static Instant parseInstant(String model, FieldDefinition field, String text) {
		if (text.length() <= MAX_DATETIME_TEXT) {
			try {
				return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException ex) {
				// Reported below, as every other value of the wrong form.
			}
		}
		throw invalid(model, field, text,
				"an ISO-8601 date-time with an offset as \"2024-05-01T10:15:30Z\" or \"2024-05-01T12:15:30+02:00\"");
	}

	private static JsonNode toJson(String model, FieldDefinition field, Object value) {
		InputLimits.checkJsonSource(model, field.name(), value);
		try {
			// Normalised into a fresh tree, so equal values compare equal on every backend, and a caller changing
			// its tree after the write cannot change what was written.
			JsonNode tree = (value instanceof JsonNode node) ? node : JsonValues.mapper().valueToTree(value);
			return JsonValues.normalize(tree);
		}
		catch (IllegalArgumentException ex) {
			throw OrmException.validation(model, field.name(), "Model '" + model + "' field '" + field.name()
					+ "' (json): " + ex.getMessage());
		}
		catch (JacksonException ex) {
			throw OrmException.builder(OrmErrorCode.VALIDATION_ERROR, "Model '" + model + "' field '" + field.name()
					+ "' (json) expects a value Jackson can write as JSON, got " + describe(value) + ": "
					+ ex.getOriginalMessage())
				.model(model)
				.target(List.of(field.name()))
				.cause(ex)
				.build();
		}
		catch (RuntimeException ex) {
			throw OrmException.builder(OrmErrorCode.VALIDATION_ERROR, "Model '" + model + "' field '" + field.name()
					+ "' (json) could not turn " + describe(value) + " into JSON: " + ex)
				.model(model)
				.target(List.of(field.name()))
				.cause(ex)
				.build();
		}
		catch (StackOverflowError ex) {
			// An object graph that contains itself through its properties, which the check above cannot see.
			throw InputLimits.jsonTooDeep(model, field.name());
		}
	}

	private static String toEnum(String model, FieldDefinition field, Object value) {
		String text = (value instanceof Enum<?> constant) ? constant.name() : (value instanceof String s) ? s : null;
		if (text == null || !field.enumValues().contains(text)) {
			throw OrmException.validation(model, field.name(), "Model '" + model + "' field '" + field.name()
					+ "' must be one of " + field.enumValues() + ", got " + describe(value));
		}
		return text;
	}

	private static OrmException invalid(String model, FieldDefinition field, Object value, String expected) {
		return OrmException.validation(model, field.name(), "Model '" + model + "' field '" + field.name() + "' ("
				+ field.kind().name().toLowerCase() + ") expects " + expected + ", got " + describe(value));
	}

	private static String describe(Object value) {
		return InputLimits.describe(value);
	}

	/** Whether the kind's values have an order, so {@code gt/gte/lt/lte} apply. */
	public static boolean isOrdered(FieldDefinition field) {
		return field.kind() != FieldKind.JSON && field.kind() != FieldKind.BOOLEAN;
	}

}
