package dev.farminglabs.orm.mongodb.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.FieldDefinition;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical values to BSON and back, per field kind: datetimes as BSON dates, integers and bigints as
 * {@code Int64}, decimals as {@link DecimalKey} text, JSON as embedded documents, arrays and scalars.
 *
 * <p>JSON object keys are escaped so that any key can be stored and queried: {@code %} as {@code %25}, {@code .} as
 * {@code %2E}, {@code $} as {@code %24}, and the empty key as {@code %}. A top-level JSON {@code null} (a value, not
 * the absence of one) is the document {@code {"%null": true}}, which no escaped key can produce. JSON numbers are
 * {@code Int32}/{@code Int64} when integral and in range, otherwise {@code Decimal128}; a number that
 * {@code Decimal128} cannot hold exactly (more than 34 significant digits, or out of its range) is the document
 * {@code {"%number": "<text>"}}, its text the number without trailing zeros ({@link BigDecimal#stripTrailingZeros()}),
 * so that equal numbers have equal documents; no escaped key can be {@code %number} either.
 */
public final class BsonValues {

	/** The marker of a top-level JSON null. */
	static final String JSON_NULL_KEY = "%null";

	/** The key of a JSON number that {@code Decimal128} cannot hold exactly, stored as text. */
	static final String JSON_NUMBER_KEY = "%number";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private BsonValues() {
	}

	/** The BSON value of a canonical value of the field. */
	public static @Nullable Object encode(String model, FieldDefinition field, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		return switch (field.kind()) {
			case DATETIME -> Date.from((Instant) value);
			case BIGINT -> ((BigInteger) value).longValueExact();
			case DECIMAL -> DecimalKey.encode((BigDecimal) value);
			case JSON -> encodeJsonField(model, field, (JsonNode) value);
			default -> value;
		};
	}

	/** The canonical value of a stored BSON value of the field; absent reads as null. */
	public static @Nullable Object decode(FieldDefinition field, @Nullable Object stored) {
		if (stored == null) {
			return null;
		}
		return switch (field.kind()) {
			case ID -> field.isIntegral() ? (Object) ((Number) stored).longValue() : stored.toString();
			case DATETIME -> ((Date) stored).toInstant();
			case INTEGER -> ((Number) stored).longValue();
			case BIGINT -> BigInteger.valueOf(((Number) stored).longValue());
			case DECIMAL -> DecimalKey.decode((String) stored);
			case JSON -> decodeJsonField(stored);
			default -> stored;
		};
	}

	private static Object encodeJsonField(String model, FieldDefinition field, JsonNode value) {
		if (value.isNull()) {
			return new Document(JSON_NULL_KEY, true);
		}
		try {
			return json(value);
		}
		catch (IllegalArgumentException ex) {
			throw OrmException.validation(model, field.name(),
					"Field '" + field.name() + "' of model '" + model + "': " + ex.getMessage());
		}
	}

	private static @Nullable Object json(JsonNode value) {
		if (value.isObject()) {
			Document document = new Document();
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				document.put(escape(entry.getKey()), json(entry.getValue()));
			}
			return document;
		}
		if (value.isArray()) {
			List<@Nullable Object> list = new ArrayList<>(value.size());
			value.forEach((item) -> list.add(json(item)));
			return list;
		}
		if (value.isNull()) {
			return null;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isNumber()) {
			return number(value);
		}
		return value.stringValue();
	}

	private static Object number(JsonNode value) {
		if (value.isInt()) {
			return value.intValue();
		}
		if (value.isLong()) {
			return value.longValue();
		}
		BigDecimal decimal = value.decimalValue().stripTrailingZeros();
		if (decimal.precision() <= MathContext.DECIMAL128.getPrecision()) {
			try {
				return new Decimal128(decimal);
			}
			catch (NumberFormatException ex) {
				// Out of Decimal128's exponent range: stored as text below.
			}
		}
		return new Document(JSON_NUMBER_KEY, decimal.toString());
	}

	private static JsonNode decodeJsonField(Object stored) {
		if (stored instanceof Document document && document.size() == 1
				&& Boolean.TRUE.equals(document.get(JSON_NULL_KEY))) {
			return NODES.nullNode();
		}
		return JsonValues.canonical(node(stored));
	}

	private static JsonNode node(@Nullable Object stored) {
		if (stored == null) {
			return NODES.nullNode();
		}
		if (stored instanceof Map<?, ?> map && map.size() == 1 && map.get(JSON_NUMBER_KEY) instanceof String text) {
			return NODES.numberNode(new BigDecimal(text));
		}
		if (stored instanceof Map<?, ?> map) {
			ObjectNode object = NODES.objectNode();
			map.forEach((key, item) -> object.set(unescape((String) key), node(item)));
			return object;
		}
		if (stored instanceof List<?> list) {
			ArrayNode array = NODES.arrayNode();
			list.forEach((item) -> array.add(node(item)));
			return array;
		}
		if (stored instanceof Boolean flag) {
			return NODES.booleanNode(flag);
		}
		if (stored instanceof Integer number) {
			return NODES.numberNode(number);
		}
		if (stored instanceof Long number) {
			return NODES.numberNode(number);
		}
		if (stored instanceof Decimal128 number) {
			return NODES.numberNode(number.bigDecimalValue());
		}
		if (stored instanceof Double number) {
			return NODES.numberNode(BigDecimal.valueOf(number));
		}
		return NODES.stringNode(stored.toString());
	}

	/** A JSON key as a MongoDB field name. */
	static String escape(String key) {
		if (key.isEmpty()) {
			return "%";
		}
		if (key.indexOf('%') < 0 && key.indexOf('.') < 0 && key.indexOf('$') < 0) {
			return key;
		}
		StringBuilder escaped = new StringBuilder(key.length() + 6);
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			switch (c) {
				case '%' -> escaped.append("%25");
				case '.' -> escaped.append("%2E");
				case '$' -> escaped.append("%24");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	static String unescape(String name) {
		if (name.equals("%")) {
			return "";
		}
		if (name.indexOf('%') < 0) {
			return name;
		}
		return name.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
	}

}
