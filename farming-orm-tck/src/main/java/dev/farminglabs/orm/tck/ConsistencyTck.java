package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
import static dev.farminglabs.orm.error.OrmErrorCode.VALIDATION_ERROR;
import static dev.farminglabs.orm.query.Where.gt;
import static dev.farminglabs.orm.query.Where.gte;
import static dev.farminglabs.orm.query.Where.in;
import static dev.farminglabs.orm.query.Where.lt;
import static dev.farminglabs.orm.query.Where.lte;
import static dev.farminglabs.orm.query.Where.not;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.capability.TextComparison;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.OrmOptions;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.codec.DecimalRange;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.FindQuery;
import dev.farminglabs.orm.query.SortDirection;
import org.junit.jupiter.api.Test;

/**
 * The places where SQL databases differ by default and every backend must still agree with the memory driver: text
 * compared exactly (no PAD SPACE) and ordered by code point, decimals compared exactly within one documented range,
 * datetimes independent of the JVM's time zone, a caught failure inside a transaction leaving it usable, and the
 * client's clock for {@code defaultNow}.
 */
public abstract class ConsistencyTck extends TckSupport {

	protected ConsistencyTck(TckBackend backend) {
		super(backend);
	}

	// --- text -------------------------------------------------------------------------------------------------

	@Test
	void trailingSpacesMakeDistinctValuesInFiltersAndUniqueKeys() {
		Row plain = user("pad@example.com", "pad");
		Row padded = user("pad@example.com ", "pad ");
		assertThat(ids(model("user").findMany((q) -> q.where("email", "pad@example.com")))).containsExactly(plain.getString("id"));
		assertThat(ids(model("user").findMany((q) -> q.where("name", "pad ")))).containsExactly(padded.getString("id"));
		assertThat(model("user").findUnique((q) -> q.where("email", "pad@example.com ")).orElseThrow().getString("id"))
			.isEqualTo(padded.getString("id"));
		model("kvItem").create(Data.of("namespace", "ns", "key", "k", "value", 1));
		model("kvItem").create(Data.of("namespace", "ns", "key", "k ", "value", 2));
		assertThat(model("kvItem").count((q) -> q.where("key", "k"))).isEqualTo(1);
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION,
				() -> model("kvItem").create(Data.of("namespace", "ns", "key", "k ", "value", 3)));
	}

	@Test
	void idsWithTrailingSpacesAreDistinct() {
		Row plain = sample("id", "pad", "text", "plain");
		Row padded = sample("id", "pad ", "text", "padded");
		assertThat(model("sample").findUnique((q) -> q.where("id", "pad")).orElseThrow().getString("text"))
			.isEqualTo("plain");
		assertThat(model("sample").findUnique((q) -> q.where("id", "pad ")).orElseThrow().getString("text"))
			.isEqualTo("padded");
		assertThat(plain.getString("id")).isNotEqualTo(padded.getString("id"));
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> sample("id", "pad ", "text", "again"));
	}

	@Test
	void stringsOrderAndCompareByCodePoint() {
		if (this.caps.textComparison() != TextComparison.CASE_SENSITIVE) {
			return;
		}
		// U+1F600 is above U+FF5E as a code point, below it as a UTF-16 code unit (a surrogate, 0xD83D).
		List<String> ordered = List.of("a", "a ", "e\u0301", "\u00e9", "\uE000", "\uFF5E", "\uD83D\uDE00");
		for (int i = ordered.size() - 1; i >= 0; i--) {
			sample("id", "s" + i, "text", ordered.get(i));
		}
		assertThat(texts((q) -> q.orderBy("text"))).containsExactlyElementsOf(ordered);
		assertThat(texts((q) -> q.orderBy("text", SortDirection.DESC))).containsExactlyElementsOf(reversed(ordered));
		assertThat(texts((q) -> q.where("text", gt("\uFF5E")))).containsExactly("\uD83D\uDE00");
		assertThat(texts((q) -> q.where("text", gte("\uE000")).orderBy("text"))).containsExactly("\uE000", "\uFF5E",
				"\uD83D\uDE00");
		assertThat(texts((q) -> q.where("text", lt("\uD83D\uDE00")).orderBy("text")))
			.containsExactlyElementsOf(ordered.subList(0, 6));
		assertThat(texts((q) -> q.where("text", lte("a ")).orderBy("text"))).containsExactly("a", "a ");
	}

	/** 1500 digits in common: a sort key longer than MySQL's default 1024-byte sort prefix. */
	private static final String LONG_DECIMAL = "7".repeat(900) + "." + "7".repeat(600);

	@Test
	void longStringsAndDecimalsSharingALongPrefixOrderByTheirWholeValue() {
		String prefix = "x".repeat(3000);
		sample("id", "l1", "text", prefix + "b", "amount", new BigDecimal(LONG_DECIMAL + "2"));
		sample("id", "l2", "text", prefix + "a", "amount", new BigDecimal(LONG_DECIMAL + "3"));
		sample("id", "l3", "text", prefix + "c", "amount", new BigDecimal(LONG_DECIMAL + "1"));
		assertThat(ids(model("sample").findMany((q) -> q.orderBy("text")))).containsExactly("l2", "l1", "l3");
		assertThat(ids(model("sample").findMany((q) -> q.orderBy("text", SortDirection.DESC))))
			.containsExactly("l3", "l1", "l2");
		assertThat(ids(model("sample").findMany((q) -> q.orderBy("amount")))).containsExactly("l3", "l1", "l2");
		assertThat(ids(model("sample").findMany((q) -> q.where("text", gt(prefix + "a")).orderBy("text"))))
			.containsExactly("l1", "l3");
		assertThat(ids(model("sample").findMany((q) -> q.where("amount", lt(new BigDecimal(LONG_DECIMAL + "3")))
			.orderBy("amount", SortDirection.DESC)))).containsExactly("l1", "l3");
	}

	// --- decimals ---------------------------------------------------------------------------------------------

	@Test
	void decimalsCompareExactlyBeyondDoubleAndThirtyFractionDigits() {
		List<String> values = List.of("-1E+40", "-1.00000000000000000002", "-1.00000000000000000001", "0",
				"0.0000000000000000000000000000001", "0.0000000000000000000000000000002", "1.00000000000000000001",
				"1.00000000000000000002", "1000000000000000000000000000000000000000",
				"10000000000000000000000000000000000000000");
		for (int i = values.size() - 1; i >= 0; i--) {
			sample("id", "d" + i, "amount", new BigDecimal(values.get(i)));
		}
		List<BigDecimal> expected = values.stream().map(BigDecimal::new).map(ConsistencyTck::stored).toList();
		assertThat(amounts((q) -> q.orderBy("amount"))).containsExactlyElementsOf(expected);
		assertThat(amounts((q) -> q.orderBy("amount", SortDirection.DESC))).containsExactlyElementsOf(reversed(expected));
		for (int i = 0; i < values.size(); i++) {
			BigDecimal value = new BigDecimal(values.get(i));
			assertThat(amounts((q) -> q.where("amount", value))).as("eq %s", value).containsExactly(expected.get(i));
			assertThat(amounts((q) -> q.where("amount", gt(value)).orderBy("amount"))).as("gt %s", value)
				.containsExactlyElementsOf(expected.subList(i + 1, expected.size()));
			assertThat(amounts((q) -> q.where("amount", gte(value)).orderBy("amount"))).as("gte %s", value)
				.containsExactlyElementsOf(expected.subList(i, expected.size()));
			assertThat(amounts((q) -> q.where("amount", lt(value)).orderBy("amount"))).as("lt %s", value)
				.containsExactlyElementsOf(expected.subList(0, i));
			assertThat(amounts((q) -> q.where("amount", lte(value)).orderBy("amount"))).as("lte %s", value)
				.containsExactlyElementsOf(expected.subList(0, i + 1));
			assertThat(model("sample").count((q) -> q.where("amount", not(value)))).isEqualTo(values.size() - 1);
		}
		assertThat(amounts((q) -> q.where("amount", in(new BigDecimal("1.000000000000000000010"), new BigDecimal("0E-5")))
			.orderBy("amount"))).containsExactly(BigDecimal.ZERO, new BigDecimal("1.00000000000000000001"));
	}

	@Test
	void equalDecimalsOfDifferentScaleMatchTogetherKeepTheirScaleAndSortByIdAmongThemselves() {
		sample("id", "e1", "amount", new BigDecimal("12.50"));
		sample("id", "e2", "amount", new BigDecimal("12.5"));
		sample("id", "e3", "amount", new BigDecimal("12.500000"));
		sample("id", "e0", "amount", new BigDecimal("12.49"));
		assertThat(ids(model("sample").findMany((q) -> q.where("amount", new BigDecimal("12.5000")))))
			.containsExactly("e1", "e2", "e3");
		assertThat(model("sample").findMany((q) -> q.orderBy("amount", SortDirection.DESC)))
			.extracting((row) -> row.getDecimal("amount").toString())
			.containsExactly("12.50", "12.5", "12.500000", "12.49");
		assertThat(ids(model("sample").findMany((q) -> q.orderBy("amount", SortDirection.DESC))))
			.containsExactly("e1", "e2", "e3", "e0");
	}

	@Test
	void decimalsAtTheEdgesOfTheRangeRoundTripOnEveryBackend() {
		List<BigDecimal> edges = List.of(
				new BigDecimal("9".repeat(DecimalRange.MAX_INTEGER_DIGITS)),
				new BigDecimal("-" + "9".repeat(DecimalRange.MAX_INTEGER_DIGITS) + "." + "9".repeat(DecimalRange.MAX_FRACTION_DIGITS)),
				new BigDecimal(BigInteger.ONE, DecimalRange.MAX_FRACTION_DIGITS),
				new BigDecimal("0." + "0".repeat(DecimalRange.MAX_FRACTION_DIGITS - 1) + "0"),
				new BigDecimal("1E+" + (DecimalRange.MAX_INTEGER_DIGITS - 1)),
				new BigDecimal("123456789012345678901234567890.123456789012345678901234567890"));
		for (int i = 0; i < edges.size(); i++) {
			BigDecimal value = edges.get(i);
			Row created = sample("id", "edge" + i, "amount", value);
			BigDecimal expected = stored(value);
			assertThat(created.getDecimal("amount")).as("edge %s", i).isEqualTo(expected);
			assertThat(model("sample").findUnique((q) -> q.where("id", created.get("id"))).orElseThrow().getDecimal("amount"))
				.as("edge %s", i)
				.isEqualTo(expected);
			assertThat(ids(model("sample").findMany((q) -> q.where("amount", value)))).as("edge %s", i)
				.contains("edge" + i);
		}
		assertThat(sample("id", "exp", "amount", new BigDecimal("1E+3")).getDecimal("amount"))
			.isEqualTo(new BigDecimal("1000"));
	}

	@Test
	void decimalsOutsideTheRangeAreValidationErrorsNamingTheField() {
		List<BigDecimal> outside = List.of(new BigDecimal("1" + "0".repeat(DecimalRange.MAX_INTEGER_DIGITS)),
				new BigDecimal(BigInteger.ONE, DecimalRange.MAX_FRACTION_DIGITS + 1),
				new BigDecimal("1E+2147483647"), new BigDecimal("-1E+2147483647"), new BigDecimal("1E-2147483647"),
				new BigDecimal("0E-1001"));
		for (BigDecimal value : outside) {
			OrmException error = assertOrmError(VALIDATION_ERROR, () -> sample("amount", value));
			assertThat(error.model()).isEqualTo("sample");
			assertThat(error.target()).containsExactly("amount");
			assertThat(error.getMessage()).contains("sample").contains("amount");
		}
		assertThat(model("sample").count()).isZero();
	}

	@Test
	void jsonNumbersAreHeldToTheDecimalRange() {
		OrmException error = assertOrmError(VALIDATION_ERROR,
				() -> sample("payload", Map.of("n", new BigDecimal("1E+2147483647"))));
		assertThat(error.target()).containsExactly("payload");
		assertOrmError(VALIDATION_ERROR, () -> sample("payload", List.of(new BigDecimal(BigInteger.TEN.pow(5000)))));
		Row large = sample("payload", Map.of("n", new BigDecimal("1E+300"), "m", new BigDecimal("-1.50E-300")));
		Row read = model("sample").findUnique((q) -> q.where("id", large.get("id"))).orElseThrow();
		assertThat(read.getJson("payload")).isEqualTo(large.getJson("payload"));
		assertThat(read.getJson("payload").get("n").bigIntegerValue()).isEqualTo(BigInteger.TEN.pow(300));
		assertThat(read.getJson("payload").get("m").decimalValue()).isEqualByComparingTo(new BigDecimal("-1.5E-300"));
		assertThat(ids(model("sample").findMany((q) -> q.where("payload",
				Map.of("m", new BigDecimal("-1.5E-300"), "n", new BigInteger("1" + "0".repeat(300)))))))
			.containsExactly(large.getString("id"));
	}

	@Test
	void aMillionDigitDecimalIsRefusedWithoutCountingItsDigits() {
		// precision() of a million-digit number costs more than linear time, and so does writing it out: the range
		// check must answer from its bit length (a count of the work, not a timing, so it holds on a busy machine).
		BigDecimal huge = new DigitsNotCounted(BigInteger.ONE.shiftLeft(3_400_000));
		OrmException error = assertOrmError(VALIDATION_ERROR, () -> sample("amount", huge));
		assertThat(error.target()).containsExactly("amount");
		assertOrmError(VALIDATION_ERROR, () -> model("sample").findMany((q) -> q.where("amount", gt(huge))));
	}

	/** A decimal of over a million digits that fails the test if anything counts its digits or writes it out. */
	@SuppressWarnings("serial")
	private static final class DigitsNotCounted extends BigDecimal {

		DigitsNotCounted(BigInteger unscaled) {
			super(unscaled);
		}

		@Override
		public int precision() {
			throw new AssertionError("precision() of a " + unscaledValue().bitLength() + "-bit number");
		}

		@Override
		public String toString() {
			throw new AssertionError("toString() writes the number out");
		}

		@Override
		public String toPlainString() {
			throw new AssertionError("toPlainString() writes the number out");
		}

		@Override
		public String toEngineeringString() {
			throw new AssertionError("toEngineeringString() writes the number out");
		}

	}

	// --- datetimes --------------------------------------------------------------------------------------------

	@Test
	void theSuiteRunsInADefaultZoneWithDaylightSaving() {
		// Set in the test JVM (-Duser.timezone=Europe/Paris), so round trips cannot pass only because the JVM is in UTC.
		assertThat(java.time.ZoneId.systemDefault().getRules().isFixedOffset())
			.as("default zone %s", java.time.ZoneId.systemDefault())
			.isFalse();
	}

	@Test
	void datetimesInDaylightSavingGapsAndOverlapsReadBackUnchanged() {
		// Spring forward and fall back in Europe and in the United States, 2024, in UTC and at their local times.
		List<Instant> instants = List.of(Instant.parse("2024-03-31T02:30:00Z"), Instant.parse("2024-03-31T01:30:00Z"),
				Instant.parse("2024-10-27T02:30:00Z"), Instant.parse("2024-10-27T01:30:00.123456Z"),
				Instant.parse("2024-03-10T02:30:00Z"), Instant.parse("2024-11-03T01:30:00Z"),
				Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.999999Z"));
		for (int i = 0; i < instants.size(); i++) {
			Instant written = instants.get(i);
			// Values read back equal the written value truncated to the backend's precision (exact at NANOS).
			Instant at = written.truncatedTo(this.caps.datetimePrecision());
			Row created = sample("id", "t" + i, "at", written);
			assertThat(created.getInstant("at")).isEqualTo(at);
			Row read = model("sample").findUnique((q) -> q.where("id", created.get("id"))).orElseThrow();
			assertThat(read.getInstant("at")).as("read %s", at).isEqualTo(at);
			assertThat(ids(model("sample").findMany((q) -> q.where("at", at)))).as("eq %s", at).containsExactly("t" + i);
			// A read-modify-write keeps the value.
			model("sample").update((u) -> u.where("id", created.get("id")).set("at", read.getInstant("at"), "count", 2));
			assertThat(model("sample").findUnique((q) -> q.where("id", created.get("id"))).orElseThrow().getInstant("at"))
				.as("rewritten %s", at)
				.isEqualTo(at);
		}
		List<Instant> sorted = instants.stream()
			.map((at) -> at.truncatedTo(this.caps.datetimePrecision()))
			.sorted()
			.toList();
		assertThat(model("sample").findMany((q) -> q.orderBy("at"))).extracting((row) -> row.getInstant("at"))
			.containsExactlyElementsOf(sorted);
		assertThat(model("sample").count((q) -> q.where("at", gte(Instant.parse("2024-03-31T02:00:00Z")))
			.where("at", lt(Instant.parse("2024-03-31T03:00:00Z"))))).isEqualTo(1);
	}

	// --- transactions -----------------------------------------------------------------------------------------

	@Test
	void aFailureCaughtInsideATransactionLeavesItUsableAndTheRestCommits() {
		if (!this.caps.supportsTransactions()) {
			assertOrmError(dev.farminglabs.orm.error.OrmErrorCode.UNSUPPORTED_OPERATION,
					() -> this.orm.transaction((tx) -> 1));
			return;
		}
		user("taken@example.com", "Taken");
		Row other = user("other@example.com", "Other");
		String result = this.orm.transaction((tx) -> {
			tx.model("user").create(Data.of("email", "first@example.com", "name", "First"));
			assertOrmError(UNIQUE_CONSTRAINT_VIOLATION,
					() -> tx.model("user").create(Data.of("email", "taken@example.com", "name", "Again")));
			assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> tx.model("user")
				.update((u) -> u.where("id", other.get("id")).set("email", "taken@example.com")));
			assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> tx.model("user")
				.createMany(List.of(Data.of("email", "batch@example.com", "name", "Batch"),
						Data.of("email", "taken@example.com", "name", "Again"))));
			tx.model("user").create(Data.of("email", "second@example.com", "name", "Second"));
			return tx.model("user").findUnique((q) -> q.where("email", "first@example.com")).orElseThrow().getString("name");
		});
		assertThat(result).isEqualTo("First");
		assertThat(model("user").findMany((q) -> q.orderBy("email"))).extracting((row) -> row.getString("email"))
			.containsExactly("first@example.com", "other@example.com", "second@example.com", "taken@example.com");
	}

	// --- clock ------------------------------------------------------------------------------------------------

	@Test
	void defaultNowComesFromTheClientsClock() {
		Instant fixed = Instant.parse("2024-03-31T02:30:00.123456Z");
		OrmClient pinned = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, this.runtime,
				OrmOptions.defaults().withClock(Clock.fixed(fixed, ZoneOffset.UTC)));
		Row created = pinned.model("user").create(Data.of("email", "clock@example.com", "name", "Clock"));
		// The clock's instant, at most to the microsecond, and no finer than the backend keeps.
		Instant expected = fixed.truncatedTo(ChronoUnit.MICROS).truncatedTo(this.caps.datetimePrecision());
		assertThat(created.getInstant("createdAt")).isEqualTo(expected);
		assertThat(model("user").findUnique((q) -> q.where("email", "clock@example.com")).orElseThrow()
			.getInstant("createdAt")).isEqualTo(expected);
	}

	// --- helpers ----------------------------------------------------------------------------------------------

	/** The value a decimal is stored as: a negative scale becomes scale 0. */
	static BigDecimal stored(BigDecimal value) {
		return (value.scale() < 0) ? value.setScale(0) : value;
	}

	static <T> List<T> reversed(List<T> items) {
		List<T> copy = new java.util.ArrayList<>(items);
		java.util.Collections.reverse(copy);
		return copy;
	}

	private List<String> texts(Consumer<FindQuery> query) {
		return model("sample").findMany(query).stream().map((row) -> row.getString("text")).toList();
	}

	private List<BigDecimal> amounts(Consumer<FindQuery> query) {
		return model("sample").findMany(query).stream().map((row) -> row.getDecimal("amount")).toList();
	}

	private static List<String> ids(List<Row> rows) {
		return rows.stream().map((row) -> row.getString("id")).toList();
	}

	private Row sample(Object... overrides) {
		Map<String, Object> data = Data.of("text", "sample", "flag", false, "at", Instant.parse("2024-01-01T00:00:00Z"),
				"count", 1, "big", 1, "amount", new BigDecimal("1.00"), "payload", Map.of("sample", true));
		data.putAll(Data.of(overrides));
		return model("sample").create(data);
	}

}
