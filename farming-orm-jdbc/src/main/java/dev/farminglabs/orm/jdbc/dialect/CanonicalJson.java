package dev.farminglabs.orm.jdbc.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.farminglabs.orm.codec.JsonValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON text with object keys sorted at every level; with values already in {@code JsonValues.normalize}'d form (as
 * the client passes them), two equal values have the same text, so text equality is value equality on dialects that
 * store JSON as text.
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
		return value;
	}

}
