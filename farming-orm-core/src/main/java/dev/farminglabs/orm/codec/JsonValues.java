package dev.farminglabs.orm.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The Jackson mapper farming-orm uses for JSON fields and for mapping rows to records, shared and thread-safe. */
public final class JsonValues {

	/**
	 * Reads accept more than writes may hold ({@link InputLimits}), so every value written reads back: numbers up to
	 * 10,000 characters, strings and names of any length.
	 */
	private static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
		.maxNumberLength(10_000)
		.maxStringLength(Integer.MAX_VALUE)
		.maxNameLength(Integer.MAX_VALUE)
		.build();

	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder().streamReadConstraints(READ_CONSTRAINTS).build())
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		// A null JSON field maps to a null JsonNode property, as it reads in a Row, not to a NullNode.
		.withConfigOverride(JsonNode.class,
				(override) -> override.setNullHandling(JsonSetter.Value.forValueNulls(Nulls.SKIP)))
		.build();

	private JsonValues() {
	}

	/** The default mapper. */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Parses JSON text into its {@linkplain #normalize normal form}. Text a backend gives back was normalised when it
	 * was written, so the parsed tree is normally canonical already and is returned as parsed; only what is not (keys
	 * a backend reordered, as PostgreSQL {@code jsonb} does, numbers it rewrote, as MySQL does) is put in normal form,
	 * in place. Unlike {@link #normalize}, it does not apply the write limits: reads accept what the backend holds.
	 */
	public static JsonNode parse(String json) {
		return CanonicalJson.inPlace(MAPPER.readTree(json));
	}

	/**
	 * Puts a tree a driver has just built from its backend's stored form (a BSON document, a DynamoDB map) in normal
	 * form in place, as {@link #parse} does for text: changed only where it is not canonical, without a copy and
	 * without the write limits. Only for trees nobody else holds.
	 */
	public static JsonNode canonical(JsonNode ownTree) {
		return CanonicalJson.inPlace(ownTree);
	}

	/**
	 * A copy of a JSON value in normal form, so that equal values are equal trees, and equal texts when written,
	 * whatever Java type or text they came from: object keys sorted, integral numbers as int, long or big-integer
	 * nodes (by size), other numbers as decimal nodes without trailing zeros ({@code 2.50} and {@code 2.5} are one
	 * value, as in JSON itself). Dialects that store JSON as text compare it by text thanks to this.
	 * @throws IllegalArgumentException for NaN or infinite numbers, which JSON cannot hold, for the NUL character,
	 * which PostgreSQL cannot store, for unpaired surrogates, and for values beyond {@link InputLimits} (nesting deeper
	 * than {@link InputLimits#MAX_JSON_DEPTH}, numbers longer than {@link InputLimits#MAX_JSON_NUMBER_DIGITS})
	 */
	public static JsonNode normalize(JsonNode value) {
		return normalize(value, 0);
	}

	private static JsonNode normalize(JsonNode value, int depth) {
		if (value.isObject() || value.isArray()) {
			if (depth >= InputLimits.MAX_JSON_DEPTH) {
				throw new IllegalArgumentException("JSON nests deeper than " + InputLimits.MAX_JSON_DEPTH
						+ " levels, more than every backend accepts");
			}
		}
		if (value.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			for (String name : new TreeSet<>(value.propertyNames())) {
				checkText(name, "keys");
				copy.set(name, normalize(value.get(name), depth + 1));
			}
			return copy;
		}
		if (value.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			value.forEach((item) -> copy.add(normalize(item, depth + 1)));
			return copy;
		}
		if (value.isNumber()) {
			return number(value);
		}
		if (value.isString()) {
			checkText(value.stringValue(), "strings");
		}
		return value.deepCopy();
	}

	private static void checkText(String text, String what) {
		try {
			InputLimits.checkText(null, null, text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("JSON " + what + ": " + ex.getMessage());
		}
	}

	/** The normal form of a number node, checked against the write limits. */
	static JsonNode number(JsonNode value) {
		if ((value.isDouble() || value.isFloat())
				&& (Double.isNaN(value.doubleValue()) || Double.isInfinite(value.doubleValue()))) {
			throw new IllegalArgumentException("JSON cannot hold the number " + value.doubleValue());
		}
		BigDecimal decimal = value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : value.decimalValue();
		// Checked before anything expands the number: 1E+2147483647 is one digit long to the eye.
		if (InputLimits.plainDigits(decimal) > InputLimits.MAX_JSON_NUMBER_DIGITS) {
			throw new IllegalArgumentException("JSON numbers may have at most " + InputLimits.MAX_JSON_NUMBER_DIGITS
					+ " digits written out in full, got one with " + InputLimits.plainDigits(decimal));
		}
		if (!DecimalRange.fits(decimal)) {
			throw outsideRange();
		}
		if (value.isIntegralNumber()) {
			return integral(value.bigIntegerValue());
		}
		decimal = decimal.stripTrailingZeros();
		if (decimal.scale() <= 0) {
			return integral(decimal.toBigIntegerExact());
		}
		return JsonNodeFactory.instance.numberNode(decimal);
	}

	private static IllegalArgumentException outsideRange() {
		return new IllegalArgumentException("JSON numbers hold at most " + DecimalRange.MAX_INTEGER_DIGITS
				+ " digits before the decimal point and " + DecimalRange.MAX_FRACTION_DIGITS + " after it, as decimals do");
	}

	private static JsonNode integral(BigInteger number) {
		if (number.bitLength() < 32) {
			return JsonNodeFactory.instance.numberNode(number.intValue());
		}
		if (number.bitLength() < 64) {
			return JsonNodeFactory.instance.numberNode(number.longValue());
		}
		return JsonNodeFactory.instance.numberNode(number);
	}

	/** Writes a JSON value as compact text. */
	public static String write(JsonNode value) {
		return MAPPER.writeValueAsString(value);
	}

}
