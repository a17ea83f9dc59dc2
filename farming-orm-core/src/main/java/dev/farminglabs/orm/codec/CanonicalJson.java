package dev.farminglabs.orm.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings a freshly parsed JSON tree to the normal form of {@link JsonValues#normalize} in place: a tree that is
 * already canonical (what every value written through farming-orm reads back as on most backends) is walked once and
 * returned unchanged, without the key-sorted copy {@code normalize} builds. Only for trees nobody else holds.
 */
final class CanonicalJson {

	private CanonicalJson() {
	}

	/** The tree in normal form: the same instance, changed only where it was not canonical. */
	static JsonNode inPlace(JsonNode value) {
		if (value.isObject()) {
			ObjectNode object = (ObjectNode) value;
			@Nullable String previous = null;
			boolean sorted = true;
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				String name = property.getKey();
				JsonNode child = property.getValue();
				JsonNode canonical = inPlace(child);
				if (canonical != child) {
					// Replaces the value of a present key: not a structural change, so iteration goes on.
					object.set(name, canonical);
				}
				sorted &= (previous == null || previous.compareTo(name) < 0);
				previous = name;
			}
			if (!sorted) {
				sortKeys(object);
			}
			return object;
		}
		if (value.isArray()) {
			ArrayNode array = (ArrayNode) value;
			for (int i = 0; i < array.size(); i++) {
				JsonNode child = array.get(i);
				JsonNode canonical = inPlace(child);
				if (canonical != child) {
					array.set(i, canonical);
				}
			}
			return array;
		}
		if (value.isNumber() && !isCanonicalNumber(value)) {
			return canonicalNumber(value);
		}
		return value;
	}

	/**
	 * Whether a number node is already what {@code normalize} makes of it: an int, long or big-integer node by size,
	 * or a decimal node with a fraction and no trailing zero (what a parser with big decimals for floats gives for
	 * canonical text).
	 */
	private static boolean isCanonicalNumber(JsonNode value) {
		if (value.isInt()) {
			return true;
		}
		if (value.isLong()) {
			long number = value.longValue();
			return number < Integer.MIN_VALUE || number > Integer.MAX_VALUE;
		}
		if (value.isBigInteger()) {
			return value.bigIntegerValue().bitLength() >= 64;
		}
		if (value.isBigDecimal()) {
			BigDecimal decimal = value.decimalValue();
			return decimal.scale() > 0 && decimal.unscaledValue().mod(BigInteger.TEN).signum() != 0;
		}
		return false;
	}

	/** A number in normal form; reads are not held to the write limits, so a number beyond them is kept as it is. */
	private static JsonNode canonicalNumber(JsonNode value) {
		try {
			return JsonValues.number(value);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	private static void sortKeys(ObjectNode object) {
		Map<String, JsonNode> sorted = new TreeMap<>();
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			sorted.put(property.getKey(), property.getValue());
		}
		object.removeAll();
		object.setAll(sorted);
	}

}
