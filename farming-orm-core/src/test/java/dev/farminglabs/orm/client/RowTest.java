package dev.farminglabs.orm.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.farminglabs.orm.codec.JsonValues;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

}
