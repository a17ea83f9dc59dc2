package dev.farminglabs.orm.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.codec.JsonValues;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Mapping rows to records keeps every value, and a null JSON field stays null rather than becoming a JSON null. */
class RowTest {

	record Entry(String id, @Nullable JsonNode payload, @Nullable String actorId, Instant createdAt,
			BigDecimal amount) {
	}

	private static Row row(@Nullable Object payload) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("id", "1");
		values.put("payload", payload);
		values.put("actorId", null);
		values.put("createdAt", Instant.parse("2024-05-01T10:15:30.123456789Z"));
		values.put("amount", new BigDecimal("12.50"));
		return Row.of(values);
	}

	@Test
	void mapsANullJsonFieldToNull() {
		Entry entry = row(null).as(Entry.class);
		assertThat(entry.payload()).isNull();
		assertThat(entry.actorId()).isNull();
	}

	@Test
	void mapsJsonValuesIncludingNestedNulls() {
		JsonNode payload = JsonValues.parse("{\"a\":null,\"b\":[1,null]}");
		assertThat(row(payload).as(Entry.class).payload()).isEqualTo(payload);
	}

	@Test
	void mapsInstantsAndDecimalsExactly() {
		Entry entry = row(null).as(Entry.class);
		assertThat(entry.createdAt()).isEqualTo(Instant.parse("2024-05-01T10:15:30.123456789Z"));
		assertThat(entry.amount()).isEqualTo(new BigDecimal("12.50"));
	}

	@Test
	void serialisesAsItsValuesWithNestedRelationsInAPlainMapper() {
		Map<String, @Nullable Object> post = new LinkedHashMap<>();
		post.put("id", 7L);
		post.put("title", "hello");
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("id", "u1");
		values.put("balance", new BigDecimal("12.50"));
		values.put("createdAt", Instant.parse("2024-05-01T10:15:30.123456Z"));
		values.put("nickname", null);
		values.put("settings", JsonValues.mapper().readTree("{\"theme\":\"dark\"}"));
		values.put("profile", Row.of(Map.of("bio", "b")));
		values.put("posts", List.of(Row.of(post)));
		Row row = Row.of(values);

		String expected = "{\"id\":\"u1\",\"balance\":12.50,\"createdAt\":\"2024-05-01T10:15:30.123456Z\","
				+ "\"nickname\":null,\"settings\":{\"theme\":\"dark\"},\"profile\":{\"bio\":\"b\"},"
				+ "\"posts\":[{\"id\":7,\"title\":\"hello\"}]}";
		assertThat(new JsonMapper().writeValueAsString(row)).isEqualTo(expected);
		assertThat(JsonMapper.builder().build().writeValueAsString(Map.of("user", row)))
			.isEqualTo("{\"user\":" + expected + "}");
	}

}
