package dev.farminglabs.orm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import dev.farminglabs.orm.capability.TextComparison;
import dev.farminglabs.orm.capability.TextMatching;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.memory.MemoryDatabase;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.FindQuery;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.query.Where;
import dev.farminglabs.orm.setup.SchemaSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The backend under test against the memory driver, the reference: the same seeded, generated rows (strings with
 * trailing spaces, combining and astral characters; decimals of 1 to 300 digits, large exponents and equal values of
 * different scales; datetimes around daylight-saving changes; JSON with numbers) are written to both, and every read,
 * filter and order must give the same rows in the same order. The seed is in every failure message.
 */
public abstract class CrossCheckTck extends TckSupport {

	private static final List<String> TEXT_PIECES = List.of("", "a", "b", "A", " ", "  ", "é", "e\u0301", "\u00e9",
			"\uFF5E", "\uE000", "\uD83D\uDE00", "\uD834\uDD1E", "z", "0", "%", "_", "'", "\t", "ß", "日");

	private static final List<Instant> DAYLIGHT_SAVING_CHANGES = List.of(Instant.parse("2024-03-31T01:00:00Z"),
			Instant.parse("2024-10-27T01:00:00Z"), Instant.parse("2024-03-10T07:00:00Z"),
			Instant.parse("2024-11-03T06:00:00Z"));

	private static final int ROWS = 40;

	private OrmClient reference;

	protected CrossCheckTck(TckBackend backend) {
		super(backend);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1L, 2L, 3L, 20241027L })
	void readsFiltersAndOrdersAgreeWithTheMemoryDriver(long seed) {
		this.reference = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA, new MemoryDatabase());
		Random random = new Random(seed);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(row(random, i, rows));
		}
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> data = rows.get(i);
			Row written = model("sample").create(data);
			Row expected = this.reference.model("sample").create(data);
			assertThat(written).as("seed %s: row %s as created from %s", seed, i, data).isEqualTo(expected);
		}
		check(seed, "every row", (q) -> {
		});
		for (String field : List.of("text", "amount", "at", "count", "big", "kind", "flag")) {
			if (field.equals("text") && !codePointOrder()) {
				continue;
			}
			check(seed, "order by " + field, (q) -> q.orderBy(field));
			check(seed, "order by " + field + " desc", (q) -> q.orderBy(field, SortDirection.DESC));
			check(seed, "order by " + field + " desc, take 7 skip 3",
					(q) -> q.orderBy(field, SortDirection.DESC).take(7).skip(3));
		}
		for (int i = 0; i < 30; i++) {
			Map<String, Object> pivotRow = random.nextBoolean() ? rows.get(random.nextInt(rows.size()))
					: row(random, ROWS + i, rows);
			for (String field : List.of("text", "amount", "at", "count")) {
				Object pivot = pivotRow.get(field);
				filter(seed, field, "eq", pivot, pivot);
				filter(seed, field, "not", pivot, Where.not(pivot));
				filter(seed, field, "in", pivot, Where.in(pivot, rows.get(random.nextInt(rows.size())).get(field)));
				filter(seed, field, "notIn", pivot, Where.notIn(pivot));
				if (!field.equals("text") || codePointOrder()) {
					filter(seed, field, "gt", pivot, Where.gt(pivot));
					filter(seed, field, "gte", pivot, Where.gte(pivot));
					filter(seed, field, "lt", pivot, Where.lt(pivot));
					filter(seed, field, "lte", pivot, Where.lte(pivot));
				}
			}
			String text = (String) pivotRow.get("text");
			if (this.caps.textMatching() != TextMatching.NONE && !text.isEmpty()) {
				int from = random.nextInt(text.length());
				String part = text.substring(from, from + 1 + random.nextInt(text.length() - from));
				if (!Character.isLowSurrogate(part.charAt(0)) && !Character.isHighSurrogate(part.charAt(part.length() - 1))) {
					filter(seed, "text", "contains", part, Where.contains(part));
					filter(seed, "text", "startsWith", part, Where.startsWith(part));
					filter(seed, "text", "endsWith", part, Where.endsWith(part));
				}
			}
			Object payload = pivotRow.get("payload");
			check(seed, "payload = " + payload, (q) -> q.where("payload", payload));
		}
		// Rewrite a third of the rows with fresh values, then compare everything again.
		for (int i = 0; i < ROWS; i += 3) {
			Map<String, Object> changes = row(random, i, rows);
			changes.remove("id");
			String id = (String) rows.get(i).get("id");
			Row updated = model("sample").update((u) -> u.where("id", id).data(changes)).orElseThrow();
			Row expected = this.reference.model("sample").update((u) -> u.where("id", id).data(changes)).orElseThrow();
			assertThat(updated).as("seed %s: row %s updated with %s", seed, i, changes).isEqualTo(expected);
		}
		check(seed, "every row after updates", (q) -> q.orderBy("amount").orderBy("at", SortDirection.DESC));
		if (codePointOrder()) {
			check(seed, "every row after updates by text", (q) -> q.orderBy("text", SortDirection.DESC));
		}
	}

	private boolean codePointOrder() {
		return this.caps.textComparison() == TextComparison.CASE_SENSITIVE;
	}

	private void filter(long seed, String field, String operator, Object pivot, Object condition) {
		check(seed, field + " " + operator + " " + describe(pivot), (q) -> q.where(field, condition));
		check(seed, "not (" + field + " " + operator + " " + describe(pivot) + ")",
				(q) -> q.where(Where.not(Where.field(field, condition))));
	}

	private void check(long seed, String description, Consumer<FindQuery> query) {
		List<Row> actual = model("sample").findMany(query);
		List<Row> expected = this.reference.model("sample").findMany(query);
		assertThat(actual).as("seed %s: %s", seed, description).containsExactlyElementsOf(expected);
	}

	private static String describe(Object value) {
		String text = (value instanceof String s) ? "\"" + s + "\"" : String.valueOf(value);
		return (text.length() > 80) ? text.substring(0, 77) + "..." : text;
	}

	/** A generated row; now and then it repeats a value of an earlier row (in another scale, for decimals). */
	private static Map<String, Object> row(Random random, int index, List<Map<String, Object>> earlier) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", String.format("r%03d", index));
		Map<String, Object> twin = (!earlier.isEmpty() && random.nextInt(4) == 0)
				? earlier.get(random.nextInt(earlier.size())) : null;
		row.put("text", (twin != null && random.nextBoolean()) ? twin.get("text") : text(random));
		BigDecimal amount = decimal(random);
		if (twin != null && random.nextBoolean()) {
			BigDecimal same = (BigDecimal) twin.get("amount");
			amount = (same.scale() < 1000) ? same.setScale(same.scale() + random.nextInt(3)) : same;
		}
		row.put("amount", amount);
		row.put("at", (twin != null && random.nextBoolean()) ? twin.get("at") : instant(random));
		row.put("count", (long) random.nextInt(7) - 3 + ((random.nextInt(5) == 0) ? Long.MAX_VALUE / 2 : 0));
		row.put("big", BigInteger.valueOf(random.nextLong()));
		row.put("flag", random.nextBoolean());
		row.put("kind", List.of("alpha", "beta", "gamma").get(random.nextInt(3)));
		row.put("payload", json(random));
		return row;
	}

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(5); i > 0; i--) {
			text.append(TEXT_PIECES.get(random.nextInt(TEXT_PIECES.size())));
		}
		if (random.nextInt(4) == 0) {
			text.append(" ".repeat(1 + random.nextInt(2)));
		}
		return text.toString();
	}

	/** 1 to 300 digits, any scale up to the digits, sometimes a large exponent either way. */
	private static BigDecimal decimal(Random random) {
		int digits = (random.nextInt(3) == 0) ? 1 + random.nextInt(300) : 1 + random.nextInt(25);
		StringBuilder unscaled = new StringBuilder();
		for (int i = 0; i < digits; i++) {
			unscaled.append((char) ('0' + random.nextInt(10)));
		}
		BigInteger value = new BigInteger(unscaled.toString());
		if (random.nextBoolean()) {
			value = value.negate();
		}
		int scale = switch (random.nextInt(6)) {
			case 0 -> -random.nextInt(600);
			case 1 -> digits + random.nextInt(600);
			default -> random.nextInt(digits + 1);
		};
		return new BigDecimal(value, scale);
	}

	private static Instant instant(Random random) {
		Instant change = DAYLIGHT_SAVING_CHANGES.get(random.nextInt(DAYLIGHT_SAVING_CHANGES.size()));
		return change.plusSeconds(random.nextInt(4 * 3600) - 2 * 3600).plusNanos(random.nextInt(1_000_000) * 1_000L);
	}

	private static Object json(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> new BigDecimal(BigInteger.valueOf(random.nextInt(20_000) - 10_000), random.nextInt(6));
			case 1 -> List.of(random.nextInt(3), new BigDecimal("1." + "0".repeat(random.nextInt(3)) + random.nextInt(10)));
			case 2 -> Data.of("n", new BigDecimal(BigInteger.valueOf(random.nextInt(100)), -random.nextInt(40)), "s",
					text(random), "b", random.nextBoolean());
			case 3 -> BigInteger.valueOf(random.nextLong()).multiply(BigInteger.valueOf(random.nextLong()));
			default -> Data.of("x", List.of(text(random), random.nextInt(5)), "y", Map.of("z", random.nextInt(2)));
		};
	}

}
