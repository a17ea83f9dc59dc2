package dev.farminglabs.orm.codec;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Jackson mapper farming-orm uses for JSON fields and for mapping rows to records, shared and thread-safe. */
public final class JsonValues {

	private static final JsonMapper MAPPER = JsonMapper.builder()
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

	/** Parses JSON text. */
	public static JsonNode parse(String json) {
		return MAPPER.readTree(json);
	}

	/** Writes a JSON value as compact text. */
	public static String write(JsonNode value) {
		return MAPPER.writeValueAsString(value);
	}

}
