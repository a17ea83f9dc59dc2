package dev.farminglabs.orm.codec;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Jackson mapper farming-orm uses for JSON fields and for mapping rows to records, shared and thread-safe. */
public final class JsonValues {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
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
