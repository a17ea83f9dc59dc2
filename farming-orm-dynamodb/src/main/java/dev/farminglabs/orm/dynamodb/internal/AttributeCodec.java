package dev.farminglabs.orm.dynamodb.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.spi.ValueText;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical values as DynamoDB attribute values: integers, bigints and integer ids exact as numbers ({@code N});
 * strings, enums, string ids, decimals (scale kept) and datetimes (ISO-8601 UTC at the backend's precision) as
 * strings ({@code S}) through the SPI's {@link ValueText}; booleans native ({@code BOOL}); JSON as maps, lists,
 * numbers, strings, booleans and {@code NULL}. A null field is no attribute at all.
 */
final class AttributeCodec {

	private final ValueText text;

	AttributeCodec(ValueText text) {
		this.text = text;
	}

	ValueText text() {
		return this.text;
	}

	/** The attribute of a value; {@code null} for null. */
	@Nullable AttributeValue encode(FieldDefinition field, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		return switch (field.kind()) {
			case ID -> field.isIntegral() ? AttributeValue.fromN(value.toString())
					: AttributeValue.fromS(value.toString());
			case INTEGER, BIGINT -> AttributeValue.fromN(value.toString());
			case BOOLEAN -> AttributeValue.fromBool((Boolean) value);
			case JSON -> json(JsonValues.normalize((JsonNode) value));
			default -> AttributeValue.fromS(this.text.encode(field, value));
		};
	}

	/** The canonical value of an attribute written by {@link #encode}; {@code null} for none. */
	@Nullable Object decode(FieldDefinition field, @Nullable AttributeValue value) {
		if (value == null) {
			return null;
		}
		if (Boolean.TRUE.equals(value.nul())) {
			// A JSON null is a value; a missing attribute is the field's null.
			return (field.kind() == dev.farminglabs.orm.schema.FieldKind.JSON) ? JsonNodeFactory.instance.nullNode()
					: null;
		}
		return switch (field.kind()) {
			case ID -> field.isIntegral() ? Long.valueOf(value.n()) : value.s();
			case INTEGER -> Long.valueOf(value.n());
			case BIGINT -> new BigDecimal(value.n()).toBigIntegerExact();
			case BOOLEAN -> value.bool();
			case JSON -> JsonValues.canonical(json(value));
			default -> this.text.decode(field, value.s());
		};
	}

	private static AttributeValue json(JsonNode node) {
		if (node.isObject()) {
			Map<String, AttributeValue> map = new LinkedHashMap<>();
			for (String name : node.propertyNames()) {
				map.put(name, json(node.get(name)));
			}
			return AttributeValue.fromM(map);
		}
		if (node.isArray()) {
			List<AttributeValue> list = new ArrayList<>(node.size());
			node.forEach((item) -> list.add(json(item)));
			return AttributeValue.fromL(list);
		}
		if (node.isNumber()) {
			BigDecimal number = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
			String text = node.isIntegralNumber() ? node.bigIntegerValue().toString() : number.toPlainString();
			// A number DynamoDB cannot hold (over 38 digits, or beyond 1E-130 .. 1E+126) keeps its digits as binary,
			// a type JSON never produces, so it reads back as the same number.
			return fitsNumber(number) ? AttributeValue.fromN(text)
					: AttributeValue.fromB(SdkBytes.fromUtf8String(text));
		}
		if (node.isBoolean()) {
			return AttributeValue.fromBool(node.booleanValue());
		}
		if (node.isNull()) {
			return AttributeValue.fromNul(true);
		}
		return AttributeValue.fromS(node.stringValue());
	}

	private static boolean fitsNumber(BigDecimal number) {
		if (number.signum() == 0) {
			return true;
		}
		BigDecimal stripped = number.stripTrailingZeros();
		int exponent = stripped.precision() - stripped.scale() - 1;
		return stripped.precision() <= 38 && exponent >= -130 && exponent <= 125;
	}

	private static JsonNode json(AttributeValue value) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (value.hasM()) {
			ObjectNode object = nodes.objectNode();
			value.m().forEach((name, item) -> object.set(name, json(item)));
			return object;
		}
		if (value.hasL()) {
			ArrayNode array = nodes.arrayNode();
			value.l().forEach((item) -> array.add(json(item)));
			return array;
		}
		if (value.n() != null) {
			return nodes.numberNode(new BigDecimal(value.n()));
		}
		if (value.b() != null) {
			return nodes.numberNode(new BigDecimal(value.b().asUtf8String()));
		}
		if (value.bool() != null) {
			return nodes.booleanNode(value.bool());
		}
		if (Boolean.TRUE.equals(value.nul())) {
			return nodes.nullNode();
		}
		return nodes.stringNode(value.s());
	}

}
