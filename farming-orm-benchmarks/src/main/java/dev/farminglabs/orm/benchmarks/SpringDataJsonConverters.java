package dev.farminglabs.orm.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.util.PGobject;
import tools.jackson.databind.JsonNode;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * How a Spring Data JDBC application stores Jackson trees in each database's JSON column: {@code jsonb} as a
 * {@code PGobject} on PostgreSQL, UTF-8 bytes on H2 (which parses bytes as JSON but stores a string as a JSON
 * string), text on MariaDB; and back from whichever of those the driver returns.
 */
final class SpringDataJsonConverters {

	private SpringDataJsonConverters() {
	}

	/** The converters for this database. */
	static List<Object> forDatabase(BenchmarkDatabase database) {
		Object writer = switch (database) {
			case POSTGRESQL -> new TreeToJsonb();
			case H2 -> new TreeToBytes();
			case MARIADB -> new TreeToText();
		};
		return List.of(writer, new JsonbToTree(), new BytesToTree(), new TextToTree());
	}

	@WritingConverter
	static final class TreeToJsonb implements Converter<JsonNode, PGobject> {

		@Override
		public PGobject convert(JsonNode tree) {
			PGobject jsonb = new PGobject();
			jsonb.setType("jsonb");
			try {
				jsonb.setValue(Workload.JSON.writeValueAsString(tree));
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			return jsonb;
		}

	}

	@WritingConverter
	static final class TreeToBytes implements Converter<JsonNode, byte[]> {

		@Override
		public byte[] convert(JsonNode tree) {
			return Workload.JSON.writeValueAsBytes(tree);
		}

	}

	@WritingConverter
	static final class TreeToText implements Converter<JsonNode, String> {

		@Override
		public String convert(JsonNode tree) {
			return Workload.JSON.writeValueAsString(tree);
		}

	}

	@ReadingConverter
	static final class JsonbToTree implements Converter<PGobject, JsonNode> {

		@Override
		public JsonNode convert(PGobject jsonb) {
			return Workload.JSON.readTree(jsonb.getValue());
		}

	}

	@ReadingConverter
	static final class BytesToTree implements Converter<byte[], JsonNode> {

		@Override
		public JsonNode convert(byte[] json) {
			return Workload.JSON.readTree(new String(json, StandardCharsets.UTF_8));
		}

	}

	@ReadingConverter
	static final class TextToTree implements Converter<String, JsonNode> {

		@Override
		public JsonNode convert(String json) {
			return Workload.JSON.readTree(json);
		}

	}

}
