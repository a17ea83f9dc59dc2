package dev.farminglabs.orm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Rows map to records and POJOs by a mapper built once per type: a record of the canonical value types is built
 * directly, everything else through Jackson, and both give what Jackson's {@code convertValue} gives.
 */
class RowMapperTest {

	/** Every component a canonical value type: built by its constructor. */
	public record Item(String id, String namespace, JsonNode value, Long version, @Nullable Instant updatedAt,
			BigDecimal price, BigInteger big, Boolean active) {
	}

	/** Primitive components: built directly while the values are present. */
	public record Counter(String id, long count, boolean enabled) {
	}

	/** An {@code int} component needs Jackson's coercion from {@code Long}. */
	public record Narrow(String id, int version) {
	}

	/** A JSON field mapped to a typed value. */
	public record Typed(String id, Settings value) {
	}

	public record Settings(String theme, List<Integer> sizes) {
	}

	/** A renamed component: Jackson's annotations are honoured. */
	public record Renamed(@JsonProperty("namespace") String ns, String key) {
	}

	/** A record whose constructor refuses some values. */
	public record Checked(String id, Long version) {
		public Checked {
			if (version < 0) {
				throw new IllegalArgumentException("version must not be negative");
			}
		}
	}

	/** A POJO with a no-argument constructor and setters. */
	public static class Bean {

		private @Nullable String id;

		private @Nullable Long version;

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public @Nullable Long getVersion() {
			return this.version;
		}

		public void setVersion(Long version) {
			this.version = version;
		}

	}

	private static Row row(Object... namesAndValues) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			values.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return Row.of(values);
	}

	private static Row item(@Nullable Object value, @Nullable Instant updatedAt) {
		return row("id", "i1", "namespace", "ns", "value", value, "version", 3L, "updatedAt", updatedAt, "price",
				new BigDecimal("12.50"), "big", new BigInteger("18446744073709551616"), "active", true, "extra", "x");
	}

	private static <T> T jackson(Row row, Class<T> type) {
		return JsonValues.mapper().convertValue(row.asMap(), type);
	}

	@Test
	void mapsARecordOfCanonicalTypesAsJacksonDoes() {
		Row row = item(JsonValues.parse("{\"a\":[1,2.5,null],\"b\":{\"c\":\"d\"}}"),
				Instant.parse("2024-05-01T10:15:30.123456789Z"));
		Item item = row.as(Item.class);
		assertThat(item).isEqualTo(jackson(row, Item.class));
		// Built directly: the row's own tree, not a copy made through Jackson's tokens.
		assertThat(item.value()).isSameAs(row.get("value"));
		assertThat(item.price()).isEqualTo(new BigDecimal("12.50"));
		assertThat(item.big()).isEqualTo(new BigInteger("18446744073709551616"));
	}

	@Test
	void mapsNullsAndAJsonNullAsJacksonDoes() {
		Row row = item(NullNode.getInstance(), null);
		Item item = row.as(Item.class);
		assertThat(item.value()).isNull();
		assertThat(item.updatedAt()).isNull();
		assertThat(item).isEqualTo(jackson(row, Item.class));
	}

	@Test
	void mapsAFieldThatWasNotSelectedAsJacksonDoes() {
		Row row = row("id", "i1", "namespace", "ns");
		assertThat(row.as(Item.class)).isEqualTo(jackson(row, Item.class)).extracting(Item::version).isNull();
	}

	@Test
	void mapsPrimitiveComponentsAndANullForThemAsJacksonDoes() {
		assertThat(row("id", "c", "count", 7L, "enabled", true).as(Counter.class))
			.isEqualTo(new Counter("c", 7L, true));
		Row missing = row("id", "c", "count", null, "enabled", true);
		Object expected;
		try {
			expected = jackson(missing, Counter.class);
		}
		catch (RuntimeException ex) {
			expected = OrmErrorCode.VALIDATION_ERROR;
		}
		Object actual;
		try {
			actual = missing.as(Counter.class);
		}
		catch (OrmException ex) {
			actual = ex.code();
		}
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void coercesThroughJacksonWhereAComponentIsNotACanonicalType() {
		assertThat(row("id", "n", "version", 3L).as(Narrow.class)).isEqualTo(new Narrow("n", 3));
		Typed typed = row("id", "t", "value", JsonValues.parse("{\"theme\":\"dark\",\"sizes\":[1,2]}")).as(Typed.class);
		assertThat(typed.value()).isEqualTo(new Settings("dark", List.of(1, 2)));
	}

	@Test
	void honoursJacksonAnnotations() {
		assertThat(row("namespace", "ns", "key", "k").as(Renamed.class)).isEqualTo(new Renamed("ns", "k"));
	}

	@Test
	void mapsPojosWithSetters() {
		Bean bean = row("id", "b", "version", 2L, "unknown", "ignored").as(Bean.class);
		assertThat(bean.getId()).isEqualTo("b");
		assertThat(bean.getVersion()).isEqualTo(2L);
	}

	@Test
	void mapsRelatedRowsNestedInARow() {
		Row user = row("id", "u", "namespace", "ns", "posts", List.of(row("id", "p1"), row("id", "p2")));
		record Post(String id) {
		}
		record User(String id, List<Post> posts) {
		}
		assertThat(user.as(User.class)).isEqualTo(new User("u", List.of(new Post("p1"), new Post("p2"))));
	}

	@Test
	void reportsAValueOfTheWrongTypeAsAValidationError() {
		assertThatThrownBy(() -> row("id", "i1", "version", "three").as(Checked.class)).isInstanceOf(OrmException.class)
			.hasMessageContaining("Cannot map a row to " + Checked.class.getName())
			.extracting((ex) -> ((OrmException) ex).code())
			.isEqualTo(OrmErrorCode.VALIDATION_ERROR);
	}

	@Test
	void reportsAConstructorThatRefusesTheValuesAsAValidationErrorKeepingTheCause() {
		assertThatThrownBy(() -> row("id", "i1", "version", -1L).as(Checked.class)).isInstanceOf(OrmException.class)
			.hasMessageContaining("Cannot map a row to " + Checked.class.getName())
			.hasMessageContaining("version must not be negative")
			.hasRootCauseInstanceOf(IllegalArgumentException.class)
			.extracting((ex) -> ((OrmException) ex).code())
			.isEqualTo(OrmErrorCode.VALIDATION_ERROR);
	}

	@Test
	void reportsATypeJacksonCannotBuildAsAValidationError() {
		assertThatThrownBy(() -> row("id", "i1").as(Runnable.class)).isInstanceOf(OrmException.class)
			.extracting((ex) -> ((OrmException) ex).code())
			.isEqualTo(OrmErrorCode.VALIDATION_ERROR);
	}

	@Test
	void buildsOneMapperPerType() {
		assertThat(RowMapper.of(Item.class)).isSameAs(RowMapper.of(Item.class));
	}

}
