package dev.farminglabs.orm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import dev.farminglabs.orm.capability.TextMatching;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.codec.InputLimits;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Filter;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.query.Where;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A seeded corpus of {@value #INPUTS} hostile values and query shapes thrown at one table holding known rows: creates
 * with one hostile field, reads with random where trees (deep, wide, cyclic, with unknown fields and bogus values),
 * and updates and deletes whose where is an equality or text match on a hostile string. Every call succeeds or fails
 * with an {@link OrmException} whose code is {@code VALIDATION_ERROR} (or {@code UNSUPPORTED_OPERATION} where the
 * capabilities say so); a created row reads back as returned and text exactly as given; an update or delete touches
 * exactly the rows whose text matches in Java; the known rows are unchanged at the end (checksum before and after).
 */
public abstract class HostileInputCorpusTck extends TckSupport {

	static final int INPUTS = 10_000;

	static final long SEED = 0x15_2026_12_01L;

	/** The known rows' texts: look-alikes, wildcards, quotes and injection attempts. */
	private static final List<String> TEXTS = List.of("a", "a ", " a", "A", "a\t", "' OR '1'='1", "'; DELETE FROM x; --",
			"%", "_", "a%", "\\", "a\\", "\\%", "\"", "--", "/*", "*/", "ä", "a\u0301", "😀", "", "null", "NULL", "ａ",
			"a\nb", "[a]", "$a", "{\"a\":1}");

	private static final List<String> FIELDS = List.of("text", "flag", "at", "count", "big", "payload",
			"optionalPayload", "kind");

	private static final List<String> WHERE_FIELDS = List.of("text", "flag", "at", "count", "big", "payload", "kind",
			"id", "bogus", "", "text; --", "TEXT");

	private Random random;

	private int inputs;

	private final Map<String, Integer> outcomes = new LinkedHashMap<>();

	private final List<String> raw = new ArrayList<>();

	protected HostileInputCorpusTck(TckBackend backend) {
		super(backend);
	}

	@Test
	void hostileValuesAndQueryShapesSucceedOrAreValidationErrorsAndTouchOnlyTheirRows() {
		this.random = new Random(SEED);
		for (String text : TEXTS) {
			model("sample").create(HostileInputTck.sample("text", text));
		}
		String checksum = checksum();
		long start = System.nanoTime();
		while (this.inputs < INPUTS) {
			int kind = this.random.nextInt(10);
			if (kind < 5) {
				create();
			}
			else if (kind < 8) {
				read();
			}
			else {
				write();
			}
			if (this.inputs % 1_000 == 0) {
				assertThat(checksum()).as("known rows after %d inputs (seed %d)", this.inputs, SEED).isEqualTo(checksum);
			}
		}
		assertThat(checksum()).as("known rows at the end (seed %d)", SEED).isEqualTo(checksum);
		System.out.printf("hostile-input corpus on %s: %d inputs in %d ms, outcomes %s, raw exceptions %d%n",
				this.orm.driver().dialect(), this.inputs, (System.nanoTime() - start) / 1_000_000, this.outcomes,
				this.raw.size());
		assertThat(this.raw).as("raw exceptions and JVM errors (seed %d)", SEED).isEmpty();
	}

	/** A create with one hostile field; accepted rows must read back as returned, then are deleted again. */
	private void create() {
		String field = pick(FIELDS);
		Object value = value(field);
		Map<String, Object> data = HostileInputTck.sample(field, value);
		Row created = attempt("create " + field + "=" + InputLimits.describe(value), field,
				() -> model("sample").create(data));
		if (created == null) {
			return;
		}
		String id = created.getString("id");
		Row read = model("sample").findUnique((q) -> q.where("id", id)).orElseThrow();
		assertThat(read).as("read back of create %s (seed %d, input %d)", field, SEED, this.inputs).isEqualTo(created);
		if (value instanceof String text && field.equals("text")) {
			assertThat(read.getString("text")).as("text stored unchanged (input %d)", this.inputs).isEqualTo(text);
		}
		if (value instanceof Instant instant && field.equals("at")) {
			ChronoUnit unit = this.caps.datetimePrecision();
			Instant expected = (unit == ChronoUnit.NANOS) ? instant : instant.truncatedTo(unit);
			assertThat(read.getInstant("at")).as("datetime stored unchanged (input %d)", this.inputs).isEqualTo(expected);
		}
		assertThat(model("sample").deleteMany((q) -> q.where("id", id))).isEqualTo(1);
	}

	/** A read with a random where, order and paging. */
	private void read() {
		Filter where = filter(this.random.nextInt(4) == 0 ? 40 : 4);
		String order = pick(WHERE_FIELDS);
		int take = this.random.nextInt(30) - 3;
		List<Row> rows = attempt("findMany", null, () -> model("sample").findMany((q) -> {
			q.where(where).orderBy(order, this.random.nextBoolean() ? SortDirection.ASC : SortDirection.DESC);
			if (take != 0) {
				q.take(take);
			}
		}));
		if (rows != null) {
			assertThat(rows.size()).isLessThanOrEqualTo(TEXTS.size());
		}
	}

	/** An update or delete by a hostile text; it must touch exactly the known rows that match in Java. */
	private void write() {
		String text = this.random.nextBoolean() ? pick(TEXTS) : text();
		boolean match = this.random.nextBoolean() && this.caps.textMatching() != TextMatching.NONE;
		Operator operator = match ? pick(List.of(Operator.CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH))
				: Operator.EQ;
		long expected = TEXTS.stream().filter((known) -> matches(operator, known, text)).count();
		Filter where = Where.field("text", new dev.farminglabs.orm.query.Condition(operator, text));
		if (expected == 0 && this.random.nextBoolean()) {
			Long deleted = attempt("deleteMany text " + operator + " " + InputLimits.describe(text), "text",
					() -> model("sample").deleteMany((q) -> q.where(where)));
			if (deleted != null) {
				assertThat(deleted).as("rows deleted by text %s %s (input %d)", operator, InputLimits.describe(text),
						this.inputs).isZero();
			}
			return;
		}
		// Sets what every known row holds already, so only the count of touched rows can tell.
		Long updated = attempt("updateMany text " + operator + " " + InputLimits.describe(text), "text",
				() -> model("sample").updateMany((q) -> q.where(where).set("count", 1)));
		if (updated != null) {
			assertThat(updated).as("rows matched by text %s '%s' (input %d)", operator, text, this.inputs)
				.isEqualTo(expected);
		}
	}

	private static boolean matches(Operator operator, String known, String text) {
		return switch (operator) {
			case CONTAINS -> known.contains(text);
			case STARTS_WITH -> known.startsWith(text);
			case ENDS_WITH -> known.endsWith(text);
			default -> known.equals(text);
		};
	}

	/** Runs one input: its result, or null when it was refused as it should be; anything else is recorded. */
	private <R> R attempt(String description, String field, Supplier<R> call) {
		this.inputs++;
		try {
			R result = call.get();
			count("ok");
			return result;
		}
		catch (OrmException ex) {
			boolean expected = ex.code() == OrmErrorCode.VALIDATION_ERROR
					|| (ex.code() == OrmErrorCode.UNSUPPORTED_OPERATION && this.caps.textMatching() == TextMatching.NONE);
			if (!expected || !"sample".equals(ex.model())) {
				this.raw.add("input " + this.inputs + " " + description + ": " + ex.code() + " model " + ex.model()
						+ ": " + ex.getMessage());
			}
			count(ex.code().name());
			return null;
		}
		catch (Throwable ex) {
			this.raw.add("input " + this.inputs + " " + description + ": " + ex);
			count("raw");
			return null;
		}
	}

	private void count(String outcome) {
		this.outcomes.merge(outcome, 1, Integer::sum);
	}

	private String checksum() {
		StringBuilder text = new StringBuilder();
		for (Row row : model("sample").findMany((q) -> q.orderBy("id"))) {
			text.append(row).append('\n');
		}
		return Integer.toHexString(text.toString().hashCode()) + "/" + text.length();
	}

	private Filter filter(int maxDepth) {
		int shape = this.random.nextInt(10);
		if (maxDepth <= 0 || shape < 5) {
			String field = pick(WHERE_FIELDS);
			Operator operator = pick(List.of(Operator.values()));
			Object value = operator.isList() ? list(field) : value(field.isEmpty() ? "text" : field);
			return Where.field(field, new dev.farminglabs.orm.query.Condition(operator, value));
		}
		if (shape == 5) {
			return Where.not(filter(maxDepth - 1));
		}
		if (shape == 6 && this.random.nextInt(20) == 0) {
			// Deeper than the limit, or wider.
			return this.random.nextBoolean() ? HostileInputTck.nestedNot(50 + this.random.nextInt(5_000))
					: Where.or(java.util.stream.IntStream.range(0, 10_001)
						.mapToObj((i) -> Where.field("count", i))
						.toArray(Filter[]::new));
		}
		Filter[] children = new Filter[this.random.nextInt(4)];
		for (int i = 0; i < children.length; i++) {
			children[i] = filter(maxDepth - 1);
		}
		return (shape % 2 == 0) ? Where.and(children) : Where.or(children);
	}

	private List<Object> list(String field) {
		List<Object> items = new ArrayList<>();
		int size = this.random.nextInt(8);
		for (int i = 0; i < size; i++) {
			items.add(value(field.isEmpty() ? "text" : field));
		}
		return items;
	}

	/** A value for a field: mostly hostile, sometimes of another field's type, sometimes fine. */
	private Object value(String field) {
		if (this.random.nextInt(12) == 0) {
			return value(pick(FIELDS));
		}
		return switch (field) {
			case "text", "id", "bogus", "TEXT", "text; --" -> this.random.nextInt(3) == 0 ? pick(TEXTS) : text();
			case "at" -> datetime();
			case "count" -> pick(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, Integer.MAX_VALUE,
					BigInteger.TWO.pow(70), 1.5, "1", (short) 3, new BigDecimal("1E+400")));
			case "big" -> pick(List.of(BigInteger.TWO.pow(63), BigInteger.TWO.pow(63).negate(),
					BigInteger.TWO.pow(10_000), Long.MIN_VALUE, BigInteger.ONE, "9"));
			case "flag" -> pick(List.of(true, false, "true", 1, Boolean.FALSE));
			case "kind" -> pick(List.of("alpha", "ALPHA", "beta ", "gamma", text(), SortDirection.ASC));
			default -> json(this.random.nextInt(45));
		};
	}

	private Object datetime() {
		return switch (this.random.nextInt(9)) {
			case 0 -> pick(List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, InputLimits.MIN_DATETIME,
					InputLimits.MAX_DATETIME, InputLimits.MIN_DATETIME.minusNanos(1), InputLimits.MAX_DATETIME.plusNanos(1)));
			case 1 -> new java.sql.Date(this.random.nextLong() % 10_000_000_000_000L);
			case 2 -> new java.sql.Time(this.random.nextLong() % 100_000_000L);
			case 3 -> new java.sql.Timestamp(this.random.nextLong() % 400_000_000_000_000L);
			case 4 -> new java.util.Date(this.random.nextLong());
			case 5 -> pick(List.of(OffsetDateTime.MIN, OffsetDateTime.MAX, LocalDateTime.now(), "2024-01-01T00:00:00Z"));
			case 6 -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(this.random.nextLong() % 400_000_000_000L),
					ZoneOffset.ofHours(this.random.nextInt(37) - 18));
			default -> Instant.ofEpochSecond(this.random.nextLong() % 400_000_000_000L, this.random.nextInt(1_000_000_000));
		};
	}

	private String text() {
		StringBuilder text = new StringBuilder();
		int length = switch (this.random.nextInt(10)) {
			case 0 -> 0;
			case 1 -> 1_000 + this.random.nextInt(20_000);
			default -> 1 + this.random.nextInt(12);
		};
		for (int i = 0; i < length; i++) {
			switch (this.random.nextInt(12)) {
				case 0 -> text.append((char) (0xD800 + this.random.nextInt(0x800)));
				case 1 -> text.appendCodePoint(0x1F600 + this.random.nextInt(80));
				case 2 -> text.append(pick(List.of("'", "\"", "\\", "%", "_", "--", "/*", ";", "\u0000", " ", "\t")));
				case 3 -> text.appendCodePoint(0x80 + this.random.nextInt(0x2000));
				case 4 -> text.append(pick(TEXTS));
				default -> text.append((char) ('a' + this.random.nextInt(26)));
			}
		}
		return text.toString();
	}

	private Object json(int depth) {
		if (depth <= 0) {
			return switch (this.random.nextInt(10)) {
				case 0 -> new BigInteger(1 + this.random.nextInt(1_100) * 4, this.random);
				case 1 -> new BigDecimal(new BigInteger(1 + this.random.nextInt(200), this.random),
						this.random.nextInt(4_000) - 2_000);
				case 2 -> new BigDecimal(BigInteger.ONE, this.random.nextInt());
				case 3 -> pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MAX_VALUE, 1e-320));
				case 4 -> this.random.nextLong();
				case 5 -> JsonNodeFactory.instance.nullNode();
				default -> text();
			};
		}
		switch (this.random.nextInt(8)) {
			case 0 -> {
				List<Object> list = new ArrayList<>();
				list.add(list);
				return list;
			}
			case 1 -> {
				Map<String, Object> map = new HashMap<>();
				map.put(text(), map);
				return map;
			}
			case 2, 3, 4 -> {
				List<Object> list = new ArrayList<>();
				int size = this.random.nextInt(3);
				for (int i = 0; i < size; i++) {
					list.add(json(depth - 1));
				}
				list.add(json(depth - 1));
				return list;
			}
			default -> {
				Map<String, Object> map = new LinkedHashMap<>();
				map.put(text(), json(depth - 1));
				return map;
			}
		}
	}

	private <T> T pick(List<T> items) {
		return items.get(this.random.nextInt(items.size()));
	}

}
