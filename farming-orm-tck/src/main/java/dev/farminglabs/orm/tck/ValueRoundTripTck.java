package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.UNSUPPORTED_OPERATION;
import static dev.farminglabs.orm.error.OrmErrorCode.VALIDATION_ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.farminglabs.orm.capability.NumericIds;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.query.Data;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values read back equal to what was written, for every field kind: text beyond ASCII, datetimes truncated to the
 * backend's precision, the full 64-bit range, decimals with their scale, any JSON, enums, and ids (UUIDv7 strings,
 * manual and generated integers, the latter only where {@code numericIds} allows).
 */
public abstract class ValueRoundTripTck extends TckSupport {

	/** The values of the {@code sample} model's enum field, as a Java enum. */
	enum Kind {

		alpha, beta, gamma

	}

	private static final BigInteger TWO_POW_53_PLUS_ONE = new BigInteger("9007199254740993");

	protected ValueRoundTripTck(TckBackend backend) {
		super(backend);
	}

	@Test
	void everyFieldOfASampleReadsBackAsCreated() {
		Row created = sample("text", "every kind", "flag", true, "big", TWO_POW_53_PLUS_ONE, "amount",
				new BigDecimal("12.50"), "optionalPayload", Map.of("k", "v"), "kind", "gamma");
		Row read = readBack(created);
		assertThat(read).isEqualTo(created);
		assertThat(read.names()).containsExactlyElementsOf(TckSchema.SCHEMA.model("sample").fieldNames());
		assertThat(model("sample").findMany()).containsExactly(created);
	}

	@Test
	void stringsKeepUnicodeEmojiQuotesAndControlCharacters() {
		List<String> texts = List.of("Grüße aus Köln — ñandú, 日本語, Ελληνικά, עברית",
				"emoji 👋🏽 👩‍👩‍👧 🇩🇪 and 𝄞 outside the BMP", "'single' \"double\" `back` \\ backslash; -- not SQL",
				"line one\nline two\ttabbed\r\n", "", " padded ");
		for (String text : texts) {
			Row created = sample("text", text);
			assertThat(created.getString("text")).isEqualTo(text);
			assertThat(readBack(created).getString("text")).isEqualTo(text);
			assertThat(model("sample").findMany((q) -> q.where("text", text)))
				.extracting((r) -> r.getString("id"))
				.containsExactly(created.getString("id"));
		}
	}

	@Test
	void booleansReadBackAsBooleans() {
		Row yes = sample("flag", true);
		Row no = sample("flag", false);
		assertThat(readBack(yes).getBoolean("flag")).isTrue();
		assertThat(readBack(no).getBoolean("flag")).isFalse();
		assertThat(model("sample").findMany((q) -> q.where("flag", false)))
			.extracting((r) -> r.getString("id"))
			.containsExactly(no.getString("id"));
	}

	@Test
	void datetimeWithNanosecondsReadsBackTruncatedToThePrecision() {
		Instant written = Instant.parse("2024-02-29T13:45:30.123456789Z");
		Instant expected = written.truncatedTo(this.caps.datetimePrecision());
		Row created = sample("at", written);
		assertThat(created.getInstant("at")).isEqualTo(expected);
		assertThat(readBack(created).getInstant("at")).isEqualTo(expected);
		assertThat(model("sample").findFirst((q) -> q.where("at", written))).contains(created);
	}

	@Test
	void datetimeUpdatesAreTruncatedLikeCreates() {
		Row created = sample();
		Instant written = Instant.parse("2030-01-01T00:00:00.987654321Z");
		Row updated = model("sample").update((u) -> u.where("id", created.get("id")).set("at", written)).orElseThrow();
		Instant expected = written.truncatedTo(this.caps.datetimePrecision());
		assertThat(updated.getInstant("at")).isEqualTo(expected);
		assertThat(readBack(created).getInstant("at")).isEqualTo(expected);
	}

	@Test
	void offsetZonedAndLegacyDatesAreStoredAsTheSameInstant() {
		OffsetDateTime offset = OffsetDateTime.of(2024, 3, 10, 8, 30, 15, 250_000_000, ZoneOffset.ofHoursMinutes(5, 30));
		ZonedDateTime zoned = ZonedDateTime.of(2024, 11, 3, 1, 30, 0, 500_000_000, ZoneId.of("America/New_York"));
		Date legacy = Date.from(Instant.parse("2001-09-09T01:46:40.123Z"));
		for (Object[] pair : new Object[][] { { offset, offset.toInstant() }, { zoned, zoned.toInstant() },
				{ legacy, legacy.toInstant() } }) {
			Row created = sample("at", pair[0]);
			Instant expected = ((Instant) pair[1]).truncatedTo(this.caps.datetimePrecision());
			assertThat(created.get("at")).isInstanceOf(Instant.class).isEqualTo(expected);
			assertThat(readBack(created).getInstant("at")).isEqualTo(expected);
		}
	}

	@Test
	void datetimesBeforeTheEpochAndFarInTheFutureReadBack() {
		for (String text : List.of("1969-07-20T20:17:40Z", "1900-01-01T00:00:00Z", "2999-12-31T23:59:59Z")) {
			Instant written = Instant.parse(text);
			assertThat(readBack(sample("at", written)).getInstant("at")).isEqualTo(written);
		}
	}

	@Test
	void integersCoverTheSigned64BitRange() {
		for (long value : new long[] { Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, 2_147_483_648L }) {
			Row read = readBack(sample("count", value));
			assertThat(read.get("count")).isInstanceOf(Long.class);
			assertThat(read.getLong("count")).isEqualTo(value);
		}
		assertThat(readBack(sample("count", 42)).get("count")).isEqualTo(42L);
	}

	@Test
	void bigintsAboveTwoToThe53KeepEveryDigit() {
		Row above = sample("big", TWO_POW_53_PLUS_ONE);
		Row neighbour = sample("big", TWO_POW_53_PLUS_ONE.subtract(BigInteger.ONE));
		Row max = sample("big", BigInteger.valueOf(Long.MAX_VALUE));
		Row min = sample("big", Long.MIN_VALUE);
		assertThat(readBack(above).getBigInteger("big")).isEqualTo(TWO_POW_53_PLUS_ONE);
		assertThat(readBack(above).getLong("big")).isEqualTo(9_007_199_254_740_993L);
		assertThat(readBack(max).getBigInteger("big")).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE));
		assertThat(readBack(max).getLong("big")).isEqualTo(Long.MAX_VALUE);
		assertThat(readBack(min).getLong("big")).isEqualTo(Long.MIN_VALUE);
		assertThat(model("sample").findMany((q) -> q.where("big", TWO_POW_53_PLUS_ONE)))
			.extracting((r) -> r.getString("id"))
			.containsExactly(above.getString("id"));
		assertThat(readBack(neighbour).getBigInteger("big")).isEqualTo(new BigInteger("9007199254740992"));
	}

	@Test
	void bigintsOutsideTheSigned64BitRangeAreValidationErrors() {
		assertOrmError(VALIDATION_ERROR, () -> sample("big", BigInteger.TWO.pow(63)));
		assertOrmError(VALIDATION_ERROR, () -> sample("big", BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE)));
		assertThat(model("sample").count()).isZero();
	}

	@Test
	void decimalsKeepTheirScaleAndEveryDigit() {
		for (String text : List.of("12.50", "0.1", "12345678901234.5678", "-0.005", "100", "0.00")) {
			BigDecimal written = new BigDecimal(text);
			Row created = sample("amount", written);
			BigDecimal read = readBack(created).getDecimal("amount");
			assertThat(read).as(text).isEqualTo(written);
			assertThat(read.toPlainString()).isEqualTo(text);
			assertThat(created.getDecimal("amount").toPlainString()).isEqualTo(text);
		}
	}

	@Test
	void jsonObjectsReadBackEqualWithNestedStructures() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("nothing", null);
		inner.put("list", List.of(1, "two", true, Map.of("three", 3)));
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("zeta", "last key first");
		object.put("alpha", 1);
		object.put("nested", inner);
		object.put("empty", Map.of());
		object.put("unicode", "ünïcødé 🎉");
		Row created = sample("payload", object);
		JsonNode expected = JsonValues.mapper().valueToTree(object);
		assertThat(created.getJson("payload")).isEqualTo(expected);
		assertThat(readBack(created).getJson("payload")).isEqualTo(expected);
		assertThat(readBack(created).getJson("payload").get("nested").has("nothing")).isTrue();
	}

	@Test
	void anyJsonValueReadsBackEqualAtTheTopLevel() {
		List<String> documents = List.of("[1,2,3]", "[]", "[{\"a\":[{}]},null,\"x\"]", "\"just a string\"", "42",
				"-7", "2.5", "true", "false", "{}", "{\"a\":{\"b\":{\"c\":{\"d\":[1,[2,[3]]]}}}}");
		for (String document : documents) {
			JsonNode written = JsonValues.parse(document);
			Row created = sample("payload", written);
			assertThat(readBack(created).getJson("payload")).as(document).isEqualTo(written);
		}
	}

	@Test
	void jsonGivenAsJavaValuesReadsBackAsTheirJsonTrees() {
		List<Object> values = List.of(List.of("a", "b"), "text", 12, true, Map.of("key", List.of(1, 2)));
		for (Object value : values) {
			Row created = sample("payload", value);
			assertThat(readBack(created).getJson("payload")).as(String.valueOf(value))
				.isEqualTo(JsonValues.mapper().valueToTree(value));
		}
	}

	@Test
	void explicitJsonNullIsAValueOfANonNullJsonField() {
		Row created = sample("payload", NullNode.getInstance());
		JsonNode read = readBack(created).getJson("payload");
		assertThat(read).isNotNull();
		assertThat(read.isNull()).isTrue();
		assertOrmError(VALIDATION_ERROR, () -> sample("payload", null));
	}

	@Test
	void nullableJsonReadsBackAsNullWhenNullOrAbsent() {
		Row absent = model("sample").create(sampleData());
		Map<String, Object> data = sampleData();
		data.put("optionalPayload", null);
		Row explicit = model("sample").create(data);
		for (Row row : List.of(absent, explicit)) {
			assertThat(row.has("optionalPayload")).isTrue();
			assertThat(row.get("optionalPayload")).isNull();
			assertThat(readBack(row).get("optionalPayload")).isNull();
		}
		assertThat(model("sample").count((q) -> q.where("optionalPayload", null))).isEqualTo(2);
	}

	@Test
	void changingAJsonTreeAfterWritingItDoesNotChangeWhatWasStored() {
		ObjectNode written = (ObjectNode) JsonValues.parse("{\"a\":1}");
		Row created = sample("payload", written);
		written.put("a", 2);
		written.put("added", true);
		assertThat(readBack(created).getJson("payload")).isEqualTo(JsonValues.parse("{\"a\":1}"));
	}

	@Test
	void changingAJsonTreeThatWasReadDoesNotChangeWhatIsStored() {
		Row created = sample("payload", Map.of("a", 1));
		((ObjectNode) readBack(created).getJson("payload")).put("a", 2);
		((ObjectNode) created.getJson("payload")).put("b", 3);
		assertThat(readBack(created).getJson("payload")).isEqualTo(JsonValues.parse("{\"a\":1}"));
	}

	@Test
	void enumsAcceptJavaEnumConstantsAndReadBackAsTheirNames() {
		Row beta = sample("kind", Kind.beta);
		Row gamma = sample("kind", "gamma");
		Row defaulted = model("sample").create(sampleData());
		assertThat(readBack(beta).getString("kind")).isEqualTo("beta");
		assertThat(readBack(gamma).getString("kind")).isEqualTo("gamma");
		assertThat(readBack(defaulted).getString("kind")).isEqualTo("alpha");
		assertThat(model("sample").findMany((q) -> q.where("kind", Kind.gamma)))
			.extracting((r) -> r.getString("id"))
			.containsExactly(gamma.getString("id"));
		assertOrmError(VALIDATION_ERROR, () -> sample("kind", "delta"));
	}

	@Test
	void uuidV7IdsAreUniqueAndSortInCreationOrder() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			created.add(user("u" + i + "@example.com", "U" + i).getString("id"));
		}
		assertThat(new HashSet<>(created)).hasSize(created.size());
		assertThat(created).isSorted();
		assertThat(created).allSatisfy((id) -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
		assertThat(model("user").findMany()).extracting((r) -> r.getString("id")).containsExactlyElementsOf(created);
	}

	@Test
	void explicitStringIdsAreKept() {
		Row custom = sample("id", "sample-1");
		UUID uuid = UUID.fromString("0190a5c3-7e3f-7abc-8def-0123456789ab");
		Row fromUuid = sample("id", uuid);
		assertThat(readBack(custom).getString("id")).isEqualTo("sample-1");
		assertThat(readBack(fromUuid).getString("id")).isEqualTo(uuid.toString());
	}

	@Test
	void generatedIntegerIdsAreIncreasingLongs() {
		if (this.caps.numericIds() != NumericIds.GENERATED) {
			assertGeneratedIdsRefused();
			return;
		}
		List<Long> ids = new ArrayList<>();
		for (String label : List.of("one", "two", "three", "four")) {
			Row tag = model("tag").create(Data.of("label", label));
			assertThat(tag.get("id")).isInstanceOf(Long.class);
			ids.add(tag.getLong("id"));
		}
		assertThat(ids).isSorted().doesNotHaveDuplicates();
		assertThat(model("tag").findUnique((q) -> q.where("id", ids.get(2))).orElseThrow().getString("label"))
			.isEqualTo("three");
	}

	@Test
	void generatedIntegerIdNeverCollidesWithAnExplicitIdWrittenEarlier() {
		if (this.caps.numericIds() != NumericIds.GENERATED) {
			assertGeneratedIdsRefused();
			return;
		}
		Row first = model("tag").create(Data.of("label", "generated"));
		Row explicit = model("tag").create(Data.of("id", 10, "label", "explicit"));
		Row next = model("tag").create(Data.of("label", "after"));
		assertThat(explicit.getLong("id")).isEqualTo(10L);
		assertThat(next.getLong("id")).isGreaterThan(10L).isNotEqualTo(first.getLong("id"));
		assertThat(model("tag").count()).isEqualTo(3);
	}

	@Test
	void integerIdModelsAreRefusedWhereTheBackendHasNoIntegerIds() {
		if (this.caps.numericIds() == NumericIds.NONE) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> model("tag").create(Data.of("label", "refused")));
			assertOrmError(UNSUPPORTED_OPERATION,
					() -> model("counter").create(Data.of("id", 1, "label", "refused", "total", 1)));
			return;
		}
		Row counter = model("counter").create(Data.of("id", 7, "label", "seven", "total", 1));
		assertThat(counter.get("id")).isEqualTo(7L);
		assertThat(model("counter").findUnique((q) -> q.where("id", 7L))).contains(counter);
	}

	@Test
	void manualIntegerIdIsRequired() {
		if (this.caps.numericIds() == NumericIds.NONE) {
			assertOrmError(UNSUPPORTED_OPERATION, () -> model("counter").create(Data.of("label", "c", "total", 1)));
			return;
		}
		assertOrmError(VALIDATION_ERROR, () -> model("counter").create(Data.of("label", "c", "total", 1)));
		assertOrmError(VALIDATION_ERROR, () -> model("counter").create(Data.of("id", "seven", "label", "c", "total", 1)));
		Row max = model("counter").create(Data.of("id", Long.MAX_VALUE, "label", "max", "total", Long.MIN_VALUE));
		assertThat(model("counter").findUnique((q) -> q.where("id", Long.MAX_VALUE)).orElseThrow()).isEqualTo(max);
		assertThat(max.getBigInteger("total")).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE));
		assertThat(model("counter").count()).isEqualTo(1);
	}

	/** Where ids cannot be generated: a create without an id is refused, nothing written. */
	private void assertGeneratedIdsRefused() {
		assertOrmError(UNSUPPORTED_OPERATION, () -> model("tag").create(Data.of("label", "refused")));
		if (this.caps.numericIds() == NumericIds.MANUAL) {
			assertThat(model("tag").count()).isZero();
		}
	}

	private Row sample(Object... overrides) {
		Map<String, Object> data = sampleData();
		data.putAll(Data.of(overrides));
		return model("sample").create(data);
	}

	/** Valid values for every required field of {@code sample}. */
	private static Map<String, Object> sampleData() {
		return Data.of("text", "sample", "flag", false, "at", Instant.parse("2024-01-01T00:00:00Z"), "count", 1,
				"big", 1, "amount", new BigDecimal("1.00"), "payload", Map.of("sample", true));
	}

	private Row readBack(Row created) {
		return model("sample").findUnique((q) -> q.where("id", created.get("id"))).orElseThrow();
	}

}
