package dev.farminglabs.orm.jdbc.dialect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.farminglabs.orm.codec.JsonValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON text with object keys sorted at every level and numbers in one form (trailing zeros stripped, integral values
 * without a fraction), so that two equal values have the same text: text equality is value equality on dialects that
 * store JSON as text. A number therefore reads back equal by value ({@code 2.50} as {@code 2.5}).
 */
public final class CanonicalJson {

	private CanonicalJson() {
	}

	/** The canonical text of a JSON value. */
	public static String write(JsonNode value) {
		return JsonValues.write(sorted(value));
	}

	private static JsonNode sorted(JsonNode value) {
		if (value.isObject()) {
			List<String> names = new ArrayList<>(value.propertyNames());
			Collections.sort(names);
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			for (String name : names) {
				copy.set(name, sorted(value.get(name)));
			}
			return copy;
		}
		if (value.isArray()) {
			var copy = JsonNodeFactory.instance.arrayNode();
			value.forEach((item) -> copy.add(sorted(item)));
			return copy;
		}
		if (value.isNumber() && value.decimalValueOpt().isPresent()) {
			BigDecimal number = value.decimalValue().stripTrailingZeros();
			return (number.scale() <= 0) ? JsonNodeFactory.instance.numberNode(number.toBigIntegerExact())
					: JsonNodeFactory.instance.numberNode(number);
		}
		return value;
	}

}
