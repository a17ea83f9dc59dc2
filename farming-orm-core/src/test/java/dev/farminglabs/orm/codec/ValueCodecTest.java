package dev.farminglabs.orm.codec;

import static dev.farminglabs.orm.schema.SchemaDsl.bigint;
import static dev.farminglabs.orm.schema.SchemaDsl.bool;
import static dev.farminglabs.orm.schema.SchemaDsl.datetime;
import static dev.farminglabs.orm.schema.SchemaDsl.decimal;
import static dev.farminglabs.orm.schema.SchemaDsl.enumeration;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.json;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The canonical Java type of each field kind, and the values each kind rejects with {@code VALIDATION_ERROR}. */
class ValueCodecTest {

	private static final ModelDefinition MODEL = FrameworkSchema.builder("s")
		.model("m", model("t")
			.field("id", id())
			.field("text", string())
			.field("code", string().maxLength(2))
			.field("flag", bool())
			.field("at", datetime())
			.field("count", integer())
			.field("big", bigint())
			.field("amount", decimal())
			.field("doc", json())
			.field("plan", enumeration("free", "pro")))
		.model("n", model("n").field("id", id().integer()))
		.build()
		.model("m");

	private static final FieldDefinition INTEGER_ID = FrameworkSchema.builder("s")
		.model("n", model("n").field("id", id().increment()))
		.build()
		.model("n")
		.idField();

	private enum Plan {
		free, gold
	}

	private static @Nullable Object canonical(String field, @Nullable Object value) {
		return ValueCodec.toCanonical("m", MODEL.field(field), value);
	}

	private static OrmException rejected(String field, Object value) {
		OrmException error = catchThrowableOfType(OrmException.class, () -> canonical(field, value));
		assertThat(error).as("%s rejects %s", field, value).isNotNull();
		assertThat(error.code()).isEqualTo(OrmErrorCode.VALIDATION_ERROR);
		assertThat(error.model()).isEqualTo("m");
		assertThat(error.target()).containsExactly(field);
		assertThat(error.getMessage()).contains("'m'", "'" + field + "'");
		return error;
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "text", "code", "flag", "at", "count", "big", "amount", "doc", "plan" })
	void keepsNullAsNullForEveryKind(String field) {
		assertThat(canonical(field, null)).isNull();
	}

	@Test
	void takesStringIdsAndUuidsAsStrings() {
		UUID uuid = UUID.randomUUID();
		assertThat(canonical("id", "abc")).isEqualTo("abc");
		assertThat(canonical("id", uuid)).isEqualTo(uuid.toString());
		rejected("id", "");
		rejected("id", 42);
	}

	@Test
	void takesIntegerIdsAsLongs() {
		assertThat(ValueCodec.toCanonical("n", INTEGER_ID, 7)).isEqualTo(7L);
		assertThat(ValueCodec.toCanonical("n", INTEGER_ID, BigInteger.TEN)).isEqualTo(10L);
		OrmException error = catchThrowableOfType(OrmException.class, () -> ValueCodec.toCanonical("n", INTEGER_ID, "7"));
		assertThat(error.code()).isEqualTo(OrmErrorCode.VALIDATION_ERROR);
	}

	@Test
	void takesStringsOnlyAsStrings() {
		assertThat(canonical("text", "")).isEqualTo("");
		assertThat(canonical("text", "héllo 😀")).isEqualTo("héllo 😀");
		rejected("text", 1);
		rejected("text", 'c');
		rejected("text", new StringBuilder("sb"));
	}

	@Test
	void countsMaxLengthInCodePoints() {
		assertThat(canonical("code", "😀😀")).isEqualTo("😀😀");
		assertThat(rejected("code", "😀😀😀").getMessage()).contains("at most 2", "got 3");
		rejected("code", "abc");
	}

	@Test
	void takesBooleansOnly() {
		assertThat(canonical("flag", true)).isEqualTo(Boolean.TRUE);
		rejected("flag", "true");
		rejected("flag", 1);
	}

	@Test
	void takesPointsInTimeAsInstants() {
		Instant instant = Instant.parse("2024-05-01T10:15:30.123456789Z");
		assertThat(canonical("at", instant)).isSameAs(instant);
		assertThat(canonical("at", instant.atOffset(ZoneOffset.ofHours(2)))).isEqualTo(instant);
		assertThat(canonical("at", OffsetDateTime.ofInstant(instant, ZoneOffset.UTC))).isEqualTo(instant);
		assertThat(canonical("at", instant.atZone(ZoneId.of("America/New_York")))).isEqualTo(instant);
		assertThat(canonical("at", Date.from(instant))).isEqualTo(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
	}

	@Test
	void rejectsDatetimesWithoutAZoneAndOtherTypes() {
		rejected("at", LocalDateTime.of(2024, 5, 1, 10, 15));
		rejected("at", LocalDate.of(2024, 5, 1));
		rejected("at", 1714558530000L);
	}

	@Test
	void takesDatetimesFromStrictIso8601TextWithAnOffset() {
		assertThat(canonical("at", "2024-05-01T10:15:30Z")).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
		assertThat(canonical("at", "2024-05-01T12:15:30.123456+02:00"))
			.isEqualTo(Instant.parse("2024-05-01T10:15:30.123456Z"));
		assertThat(canonical("at", "2024-05-01T10:15Z")).isEqualTo(Instant.parse("2024-05-01T10:15:00Z"));
		for (String bad : new String[] { "2024-05-01T10:15:30", "2024-05-01", "2024-02-30T10:15:30Z",
				"2024-05-01 10:15:30Z", "1714558530000", " 2024-05-01T10:15:30Z", "2024-05-01T10:15:30Z[UTC]",
				"2024-05-01T25:00:00Z", "May 1, 2024", "", "2024-05-01T10:15:30.1234567891Z",
				"2024-05-01T10:15:30" + "0".repeat(100) + "Z" }) {
			assertThat(rejected("at", bad).getMessage()).as(bad).contains("ISO-8601");
		}
	}

	@Test
	void takesWholeNumbersWithin64BitsAsLongs() {
		assertThat(canonical("count", 5)).isEqualTo(5L);
		assertThat(canonical("count", (short) 5)).isEqualTo(5L);
		assertThat(canonical("count", (byte) 5)).isEqualTo(5L);
		assertThat(canonical("count", Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
		assertThat(canonical("count", BigInteger.valueOf(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
		rejected("count", BigInteger.TWO.pow(63));
		rejected("count", 1.0);
		rejected("count", new BigDecimal("1"));
		rejected("count", "1");
	}

	@Test
	void takesBigintsAsSigned64BitBigIntegers() {
		BigInteger above2To53 = BigInteger.TWO.pow(53).add(BigInteger.ONE);
		assertThat(canonical("big", above2To53)).isEqualTo(above2To53);
		assertThat(canonical("big", 9L)).isEqualTo(BigInteger.valueOf(9));
		assertThat(canonical("big", 9)).isEqualTo(BigInteger.valueOf(9));
		assertThat(canonical("big", BigInteger.valueOf(Long.MIN_VALUE))).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE));
		rejected("big", BigInteger.TWO.pow(63));
		rejected("big", BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE));
		rejected("big", 9.0);
		rejected("big", "9");
	}

	@Test
	void takesDecimalsExactlyKeepingTheirScale() {
		assertThat((BigDecimal) canonical("amount", new BigDecimal("12.50"))).hasToString("12.50");
		assertThat(canonical("amount", BigInteger.TEN)).isEqualTo(new BigDecimal("10"));
		assertThat(canonical("amount", 3L)).isEqualTo(new BigDecimal("3"));
		assertThat(canonical("amount", 3)).isEqualTo(new BigDecimal("3"));
		assertThat(rejected("amount", 0.1).getMessage()).contains("exactness");
		rejected("amount", 0.1f);
	}

	@Test
	void takesDecimalsFromTheirExactTextKeepingTheScale() {
		assertThat((BigDecimal) canonical("amount", "12.50")).hasToString("12.50");
		assertThat((BigDecimal) canonical("amount", "-0.001")).hasToString("-0.001");
		assertThat((BigDecimal) canonical("amount", "7")).hasToString("7");
		assertThat((BigDecimal) canonical("amount", "9".repeat(1000))).isEqualTo(new BigDecimal("9".repeat(1000)));
		for (String bad : new String[] { "", "-", ".5", "5.", "1e3", "1E+2147483647", "+1", " 1", "1 ", "1,5",
				"1_000", "NaN", "Infinity", "0x10", "1.2.3", "--1", "１２", "9".repeat(1001) }) {
			rejected("amount", bad);
		}
	}

	@Test
	void takesAnyJsonSerialisableValueAsATree() {
		JsonNode node = JsonValues.parse("{\"a\":[1,2]}");
		assertThat(canonical("doc", node)).as("a copy, so later changes to the tree cannot change what was written")
			.isEqualTo(node)
			.isNotSameAs(node);
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("a", List.of(1, 2));
		assertThat(canonical("doc", map)).isEqualTo(node);
		assertThat(canonical("doc", List.of(1, "x"))).isEqualTo(JsonValues.parse("[1,\"x\"]"));
		assertThat(canonical("doc", "text")).isEqualTo(JsonValues.parse("\"text\""));
		assertThat(canonical("doc", 12)).isEqualTo(JsonValues.parse("12"));
		assertThat(canonical("doc", false)).isEqualTo(JsonValues.parse("false"));
	}

	@Test
	void rejectsJsonValuesJacksonCannotWrite() {
		Map<String, Object> nullKey = new HashMap<>();
		nullKey.put(null, 1);
		rejected("doc", nullKey);
		rejected("doc", new FailingBean());
	}

	/** A bean whose getter throws, so Jackson cannot write it. */
	public static final class FailingBean {

		public String getValue() {
			throw new IllegalStateException("no value");
		}

	}

	@Test
	void takesEnumValuesFromTheListAsStrings() {
		assertThat(canonical("plan", "pro")).isEqualTo("pro");
		assertThat(canonical("plan", Plan.free)).isEqualTo("free");
		assertThat(rejected("plan", "gold").getMessage()).contains("[free, pro]", "gold");
		rejected("plan", Plan.gold);
		rejected("plan", "PRO");
		rejected("plan", 1);
	}

	@Test
	void ordersEveryKindButJsonAndBoolean() {
		assertThat(MODEL.fields()).filteredOn(ValueCodec::isOrdered)
			.extracting(FieldDefinition::name)
			.containsExactly("id", "text", "code", "at", "count", "big", "amount", "plan");
	}

}
