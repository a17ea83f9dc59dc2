package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.VALIDATION_ERROR;
import static dev.farminglabs.orm.query.Where.and;
import static dev.farminglabs.orm.query.Where.contains;
import static dev.farminglabs.orm.query.Where.field;
import static dev.farminglabs.orm.query.Where.in;
import static dev.farminglabs.orm.query.Where.not;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.codec.InputLimits;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.Filter;
import dev.farminglabs.orm.query.FindQuery;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.query.Where;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inputs a hostile caller or an unlucky program passes: values beyond what every backend stores, values that contain
 * themselves, nulls where the API needs a value, wheres nested thousands deep. Each is a {@code VALIDATION_ERROR}
 * naming the model (and the field, when there is one) before anything reaches the backend, changes no row, and the
 * largest values within the limits ({@link InputLimits}) are stored and read back unchanged.
 */
public abstract class HostileInputTck extends TckSupport {

	protected HostileInputTck(TckBackend backend) {
		super(backend);
	}

	/** Valid data for a {@code sample} row, with the given field replaced. */
	protected static Map<String, Object> sample(String field, Object value) {
		Map<String, Object> data = Data.of("text", "t", "flag", true, "at", Instant.parse("2024-05-01T10:00:00Z"),
				"count", 1, "big", BigInteger.TEN, "amount", new BigDecimal("1.50"), "payload", Map.of("a", 1));
		data.put(field, value);
		return data;
	}

	/** Asserts a refused write: a validation error naming model and field, and no row changed. */
	private OrmException refused(String model, String field, ThrowingCallable call) {
		List<Row> before = model(model).findMany();
		OrmException error = assertOrmError(VALIDATION_ERROR, call);
		assertThat(error.model()).as(error.getMessage()).isEqualTo(model);
		if (field != null) {
			assertThat(error.target()).as(error.getMessage()).contains(field);
		}
		assertThat(model(model).findMany()).as("rows after a refused call").isEqualTo(before);
		return error;
	}

	private void refusedSample(String field, Object value) {
		refused("sample", field, () -> model("sample").create(sample(field, value)));
	}

	private Row roundTrip(String field, Object value) {
		Row created = model("sample").create(sample(field, value));
		Row read = model("sample").findUnique((q) -> q.where("id", created.getString("id"))).orElseThrow();
		assertThat(read).as("read back of " + field).isEqualTo(created);
		return read;
	}

	@Test
	void datetimesOutsideTheRangeEveryBackendStoresAreRefused() {
		for (Instant instant : List.of(Instant.MIN, Instant.MAX, Instant.parse("+10000-01-01T00:00:00Z"),
				Instant.parse("0000-12-31T23:59:59.999999999Z"), InputLimits.MIN_DATETIME.minusNanos(1),
				Instant.parse("-1000000-01-01T00:00:00Z"))) {
			refusedSample("at", instant);
			refused("sample", "at", () -> model("sample").findMany((q) -> q.where("at", Where.lt(instant))));
		}
		refusedSample("at", OffsetDateTime.MAX);
		refusedSample("at", new java.util.Date(Long.MAX_VALUE));
	}

	@Test
	void theFirstAndLastDatetimesOfTheRangeReadBackUnchanged() {
		ChronoUnit precision = this.caps.datetimePrecision();
		assertThat(roundTrip("at", InputLimits.MIN_DATETIME).getInstant("at")).isEqualTo(InputLimits.MIN_DATETIME);
		Instant last = InputLimits.MAX_DATETIME;
		Instant expected = (precision == ChronoUnit.NANOS) ? last : last.truncatedTo(precision);
		assertThat(roundTrip("at", last).getInstant("at")).isEqualTo(expected);
		Instant beforeGregorian = Instant.parse("1000-03-01T12:34:56Z");
		assertThat(roundTrip("at", beforeGregorian).getInstant("at")).isEqualTo(beforeGregorian);
	}

	@Test
	void sqlDatesAndTimesAreRefusedAndTimestampsAccepted() {
		refusedSample("at", java.sql.Date.valueOf("2024-01-01"));
		refusedSample("at", java.sql.Time.valueOf("10:00:00"));
		java.sql.Timestamp timestamp = java.sql.Timestamp.from(Instant.parse("2024-01-01T10:00:00Z"));
		assertThat(roundTrip("at", timestamp).getInstant("at")).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
	}

	@Test
	void unpairedSurrogatesAreRefusedInStringsJsonAndWheres() {
		for (String text : List.of("\uD800", "a\uDC00b", "x\uD83D", "\uDE00\uD83D")) {
			refusedSample("text", text);
			refusedSample("payload", text);
			refusedSample("payload", Map.of("k", List.of(text)));
			refusedSample("payload", Map.of(text, 1));
			refused("sample", "text", () -> model("sample").findMany((q) -> q.where("text", text)));
			if (this.caps.textMatching() != dev.farminglabs.orm.capability.TextMatching.NONE) {
				refused("sample", "text", () -> model("sample").findMany((q) -> q.where("text", contains(text))));
			}
			refused("user", "email", () -> user(text + "@example.com", "n"));
		}
		String pairs = "emoji 😀 and 𝄞 and e\u0301";
		assertThat(roundTrip("text", pairs).getString("text")).isEqualTo(pairs);
		assertThat(roundTrip("payload", Map.of(pairs, pairs)).getJson("payload").get(pairs).stringValue())
			.isEqualTo(pairs);
	}

	@Test
	void jsonNumbersLongerThanReadsAcceptAreRefusedAndTheLongestReadBack() {
		refusedSample("payload", new BigInteger("9".repeat(1_001)));
		refusedSample("payload", List.of(new BigDecimal("1E+2147483647")));
		refusedSample("payload", new BigDecimal("1E-2147483647"));
		refusedSample("payload", new BigDecimal("1E+1000"));
		refusedSample("payload", JsonNodeFactory.instance.numberNode(new BigDecimal("0." + "1".repeat(1_000))));
		BigInteger longest = new BigInteger("9".repeat(1_000));
		assertThat(roundTrip("payload", Map.of("n", longest)).getJson("payload").get("n").bigIntegerValue())
			.isEqualTo(longest);
		BigDecimal small = new BigDecimal("0." + "0".repeat(900) + "1");
		assertThat(roundTrip("payload", List.of(small)).getJson("payload").get(0).decimalValue()).isEqualByComparingTo(small);
		assertThat(model("sample").findMany()).as("the table stays readable").hasSize(2);
	}

	@Test
	void jsonNestedDeeperThanEveryBackendAcceptsIsRefused() {
		refusedSample("payload", nestedLists(InputLimits.MAX_JSON_DEPTH + 1));
		refusedSample("payload", nestedLists(10_000));
		refusedSample("payload", nestedNodes(10_000));
		Object deepest = nestedLists(InputLimits.MAX_JSON_DEPTH);
		JsonNode read = roundTrip("payload", deepest).getJson("payload");
		int depth = 0;
		for (JsonNode node = read; node.isArray() && !node.isEmpty(); node = node.get(0)) {
			depth++;
		}
		assertThat(depth).isEqualTo(InputLimits.MAX_JSON_DEPTH);
	}

	@Test
	void valuesThatContainThemselvesAreRefused() {
		List<Object> list = new ArrayList<>();
		list.add(list);
		Map<String, Object> map = new HashMap<>();
		map.put("self", map);
		List<Object> a = new ArrayList<>();
		List<Object> b = new ArrayList<>(List.of(a));
		a.add(b);
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.set("self", node);
		for (Object cyclic : List.of(list, map, a, node)) {
			refusedSample("payload", cyclic);
			refusedSample("text", cyclic);
			refused("sample", "payload", () -> model("sample").findMany((q) -> q.where("payload", cyclic)));
			refused("sample", "text", () -> model("sample").findMany((q) -> q.where("text", in(cyclic))));
		}
		refused("sample", null, () -> model("sample").findMany((q) -> q.where(Map.of("OR", List.of(map)))));
	}

	@Test
	void wheresNestedDeeperThanTheLimitAreRefusedBeforeTheBackend() {
		model("sample").create(sample("text", "keep"));
		refused("sample", null, () -> model("sample").findMany((q) -> q.where(nestedNot(10_000))));
		refused("sample", null, () -> model("sample").deleteMany((q) -> q.where(nestedAnd(10_000))));
		refused("sample", null, () -> model("sample").updateMany((q) -> q.where(nestedAnd(InputLimits.MAX_WHERE_DEPTH + 1))
			.set("count", 2)));
		refused("sample", null, () -> model("sample").count((q) -> q.where(nestedMap(10_000))));
		Map<String, Object> cyclic = new HashMap<>();
		cyclic.put("NOT", cyclic);
		refused("sample", null, () -> model("sample").findMany((q) -> q.where(cyclic)));
		// The deepest where allowed runs on the backend and means what it says.
		assertThat(model("sample").count((q) -> q.where(nestedAnd(InputLimits.MAX_WHERE_DEPTH)))).isEqualTo(1);
		assertThat(model("sample").count((q) -> q.where(nestedNot(InputLimits.MAX_WHERE_DEPTH - 1)))).isEqualTo(
				(InputLimits.MAX_WHERE_DEPTH - 1) % 2 == 0 ? 1 : 0);
	}

	@Test
	void wheresLargerThanTheLimitAreRefusedAndTheLargestRuns() {
		model("sample").create(sample("text", "7"));
		List<String> values = IntStream.range(0, InputLimits.MAX_WHERE_SIZE).mapToObj(String::valueOf).toList();
		assertThat(model("sample").count((q) -> q.where("text", in(values)))).isEqualTo(1);
		List<String> tooMany = IntStream.range(0, InputLimits.MAX_WHERE_SIZE + 1).mapToObj(String::valueOf).toList();
		refused("sample", null, () -> model("sample").count((q) -> q.where("text", in(tooMany))));
		Filter[] wide = IntStream.range(0, InputLimits.MAX_WHERE_SIZE + 1)
			.mapToObj((i) -> field("count", i))
			.toArray(Filter[]::new);
		refused("sample", null, () -> model("sample").deleteMany((q) -> q.where(Where.or(wide))));
	}

	@Test
	void nullsWhereTheApiNeedsAValueAreValidationErrorsNamingTheModel() {
		refused("sample", null, () -> model("sample").createMany(null));
		refused("sample", null, () -> model("sample").createMany(java.util.Arrays.asList(sample("text", "x"), null)));
		refused("sample", "text", () -> model("sample").create(sample("text", null)));
		refused("sample", null, () -> model("sample").create(null));
		refused("sample", null, () -> model("sample").findMany((q) -> q.where((String) null, 1)));
		refused("sample", null, () -> model("sample").findMany((q) -> q.where((Filter) null)));
		refused("sample", null, () -> model("sample").findMany((q) -> q.where((Map<String, ?>) null)));
		refused("sample", null, () -> model("sample").findMany((q) -> q.orderBy(null)));
		refused("sample", null, () -> model("sample").findMany((q) -> q.orderBy("text", (SortDirection) null)));
		refused("sample", null, () -> model("sample").findMany((q) -> q.select((String) null)));
		refused("sample", null, () -> model("sample").findMany((q) -> q.select((String[]) null)));
		refused("sample", null, () -> model("sample").findMany((q) -> q.where(and((Filter) null))));
		refused("sample", null, () -> model("sample").findMany((q) -> q.where(not((Filter) null))));
		refused("sample", null, () -> model("sample").findMany((q) -> q.where("text", in((Collection<?>) null))));
		refused("sample", null, () -> model("sample").findMany((Consumer<FindQuery>) null));
		refused("sample", null, () -> model("sample").updateMany((q) -> q.where(Where.all()).data(null)));
		refused("sample", null, () -> model("sample").updateMany((q) -> q.where(Where.all()).set("count")));
		refused("sample", null, () -> model("sample").count(null));
		OrmException unknownModel = assertOrmError(VALIDATION_ERROR, () -> this.orm.model(null));
		assertThat(unknownModel.getMessage()).contains("sample");
		assertOrmError(VALIDATION_ERROR, () -> this.orm.model("sample", null));
		assertOrmError(VALIDATION_ERROR, () -> this.orm.transaction(null));
		assertOrmError(VALIDATION_ERROR, () -> this.orm.batch(null));
	}

	@Test
	void nonPublicPojosAreReadAndGettersThatThrowAreValidationErrors() {
		Row created = model("sample").create(new HiddenSample("hidden"));
		assertThat(created.getString("text")).isEqualTo("hidden");
		assertThat(created.getJson("payload").get("k").intValue()).isEqualTo(1);
		refused("sample", "text", () -> model("sample").create(new ThrowingSample()));
		OrmException mapping = assertOrmError(VALIDATION_ERROR,
				() -> this.orm.model("sample", Unmappable.class).findMany());
		assertThat(mapping.model()).isEqualTo("sample");
	}

	@Test
	void extremePagingReadsWhatIsThere() {
		model("sample").create(sample("text", "one"));
		model("sample").create(sample("text", "two"));
		assertThat(model("sample").findMany((q) -> q.take(Integer.MAX_VALUE))).hasSize(2);
		assertThat(model("sample").findMany((q) -> q.skip(Integer.MAX_VALUE))).isEmpty();
		assertThat(model("sample").findMany((q) -> q.take(Integer.MAX_VALUE).skip(Integer.MAX_VALUE))).isEmpty();
		assertThat(model("sample").findMany((q) -> q.take(Integer.MAX_VALUE).skip(1))).hasSize(1);
		assertThat(model("sample").findMany((q) -> q.take(0))).isEmpty();
		refused("sample", null, () -> model("sample").findMany((q) -> q.take(Integer.MIN_VALUE)));
		refused("sample", null, () -> model("sample").findMany((q) -> q.skip(-1)));
	}

	private static Object nestedLists(int depth) {
		Object value = 1;
		for (int i = 0; i < depth; i++) {
			value = List.of(value);
		}
		return value;
	}

	private static JsonNode nestedNodes(int depth) {
		JsonNode value = JsonNodeFactory.instance.numberNode(1);
		for (int i = 0; i < depth; i++) {
			ArrayNode array = JsonNodeFactory.instance.arrayNode();
			array.add(value);
			value = array;
		}
		return value;
	}

	/** A where of {@code depth} levels: not(not(... count >= 0)); depth 0 is the bare condition. */
	static Filter nestedNot(int depth) {
		Filter filter = field("count", Where.gte(0));
		for (int i = 0; i < depth; i++) {
			filter = not(filter);
		}
		return filter;
	}

	/** A where of {@code depth} levels: and(and(... count >= 0)), where the innermost condition is level 1. */
	static Filter nestedAnd(int depth) {
		Filter filter = field("count", Where.gte(0));
		for (int i = 1; i < depth; i++) {
			filter = and(filter);
		}
		return filter;
	}

	private static Map<String, Object> nestedMap(int depth) {
		Map<String, Object> map = Map.of("count", 1);
		for (int i = 0; i < depth; i++) {
			map = Map.of("AND", List.of(map));
		}
		return map;
	}

	/** A sample given as a package-private class with public getters. */
	static final class HiddenSample {

		private final String text;

		HiddenSample(String text) {
			this.text = text;
		}

		public String getText() {
			return this.text;
		}

		public boolean isFlag() {
			return true;
		}

		public Instant getAt() {
			return Instant.parse("2024-01-01T00:00:00Z");
		}

		public long getCount() {
			return 1;
		}

		public BigInteger getBig() {
			return BigInteger.ONE;
		}

		public BigDecimal getAmount() {
			return BigDecimal.ONE;
		}

		public Map<String, Object> getPayload() {
			return Map.of("k", 1);
		}

	}

	/** A sample whose getter throws. */
	public static final class ThrowingSample {

		public String getText() {
			throw new IllegalStateException("no text today");
		}

	}

	/** A type Jackson cannot build a row into: no creator, no setters. */
	public static final class Unmappable {

		private Unmappable(int ignored) {
		}

	}

}
