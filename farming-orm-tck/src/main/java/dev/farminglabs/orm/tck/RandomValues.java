package dev.farminglabs.orm.tck;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * Random Java values and query shapes for {@link PropertyTck}, all drawn from one seeded {@link Random} so a failing
 * seed replays the same calls: values of every type a caller might pass, values that fit a field, write data with
 * random subsets of fields and unknown names, and where maps with real and bogus operators.
 */
final class RandomValues {

	private static final List<String> WORDS = List.of("", "a", "admin", "member", "guest", "superuser", "alpha",
			"beta", "gamma", "ALPHA", "sessions", "k", "ada@example.com", "users; drop table tck_users", "'; --",
			"null", "true", "0", "%", "_");

	private static final List<String> UNICODE = List.of("héllo wörld", "日本語のテキスト", "emoji 😀🎉👩‍👩‍👧", "e\u0301",
			"مرحبا بالعالم", "nul\u0000byte", "tab\tnew\nline\r", "zero\u200Bwidth", "Ω≈ç√∫˜µ≤≥÷", "\uFEFFbom");

	private static final List<String> UNKNOWN_FIELDS = List.of("bogus", "namespace_key", "email_name", "posts",
			"profile", "", "users; drop", "ID", "__proto__", "AND");

	private static final List<String> BOGUS_OPERATORS = List.of("like", "regex", "$gt", "IN", "Eq", "between", "has",
			"");

	private final Random random;

	RandomValues(Random random) {
		this.random = random;
	}

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	<T> T pick(List<T> items) {
		return items.get(this.random.nextInt(items.size()));
	}

	/** Any value of any type a caller might pass, nested up to {@code depth} levels of lists and maps. */
	@Nullable Object any(int depth) {
		return switch (this.random.nextInt((depth > 0) ? 18 : 15)) {
			case 0 -> null;
			case 1, 2 -> string();
			case 3 -> pick(List.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, this.random.nextInt()));
			case 4 -> pick(List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1, this.random.nextLong()));
			case 5 -> pick(List.of(0.0, -0.0, 0.1, 1e300, -2.5, this.random.nextDouble() * 1e6));
			case 6 -> decimal();
			case 7 -> bigInteger();
			case 8 -> this.random.nextBoolean();
			case 9 -> instant();
			case 10 -> LocalDateTime.ofInstant(instant(), ZoneOffset.UTC);
			case 11 -> instant().atOffset(ZoneOffset.ofHours(this.random.nextInt(27) - 13));
			case 12 -> pick(List.of(DayOfWeek.values()));
			case 13 -> UUID.randomUUID();
			case 14 -> pick(List.of(List.of(), Map.of(), new Object[0]));
			case 15 -> list(depth - 1);
			case 16 -> map(depth - 1);
			default -> oddMap(depth - 1);
		};
	}

	/** A value any backend stores as JSON: text, numbers, booleans, and lists and string-keyed maps of them. */
	Object json(int depth) {
		return switch (this.random.nextInt((depth > 0) ? 7 : 5)) {
			case 0 -> string();
			case 1 -> this.random.nextInt();
			case 2 -> decimal();
			case 3 -> this.random.nextBoolean();
			case 4 -> pick(WORDS);
			case 5 -> {
				List<Object> list = new ArrayList<>();
				for (int i = this.random.nextInt(4); i > 0; i--) {
					list.add(json(depth - 1));
				}
				yield list;
			}
			default -> {
				Map<String, Object> map = new LinkedHashMap<>();
				for (int i = this.random.nextInt(4); i > 0; i--) {
					map.put(ascii(1 + this.random.nextInt(6)), json(depth - 1));
				}
				yield map;
			}
		};
	}

	String string() {
		return switch (this.random.nextInt(6)) {
			case 0, 1 -> pick(WORDS);
			case 2 -> pick(UNICODE);
			case 3 -> "x".repeat(1_000 + this.random.nextInt(4_000));
			default -> ascii(1 + this.random.nextInt(20));
		};
	}

	/** A random string every backend can store: anything {@link #string()} gives but a NUL character. */
	String storableString() {
		return string().replace("\u0000", "");
	}

	/** A random JSON value every backend can store: no NUL character in its strings or keys. */
	@Nullable Object storableJson(int depth) {
		return withoutNul(json(depth));
	}

	private static @Nullable Object withoutNul(@Nullable Object value) {
		if (value instanceof String text) {
			return text.replace("\u0000", "");
		}
		if (value instanceof List<?> list) {
			return list.stream().map(RandomValues::withoutNul).collect(Collectors.toList());
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(withoutNul(key)), withoutNul(item)));
			return copy;
		}
		return value;
	}

	String ascii(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) (' ' + this.random.nextInt(95)));
		}
		return text.toString();
	}

	BigDecimal decimal() {
		return switch (this.random.nextInt(4)) {
			case 0 -> new BigDecimal("12.50");
			case 1 -> BigDecimal.ZERO.setScale(this.random.nextInt(4));
			default -> BigDecimal.valueOf(this.random.nextLong() % 1_000_000_000_000_000L, this.random.nextInt(7));
		};
	}

	BigInteger bigInteger() {
		return switch (this.random.nextInt(4)) {
			case 0 -> BigInteger.TWO.pow(63);
			case 1 -> BigInteger.TWO.pow(64).negate();
			default -> BigInteger.valueOf(this.random.nextLong());
		};
	}

	/** A point in time between 1900 and 2100, with nanoseconds. */
	Instant instant() {
		long from = -2_208_988_800L;
		long to = 4_102_444_800L;
		return Instant.ofEpochSecond(from + (long) (this.random.nextDouble() * (to - from)),
				this.random.nextInt(1_000_000_000));
	}

	List<@Nullable Object> list(int depth) {
		List<@Nullable Object> list = new ArrayList<>();
		for (int i = this.random.nextInt(4); i > 0; i--) {
			list.add(any(depth));
		}
		return list;
	}

	Map<String, @Nullable Object> map(int depth) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = this.random.nextInt(4); i > 0; i--) {
			map.put(chance(0.5) ? ascii(1 + this.random.nextInt(6)) : pick(WORDS), any(depth));
		}
		return map;
	}

	/** A map with a key that is not a string, or null. */
	Map<@Nullable Object, @Nullable Object> oddMap(int depth) {
		Map<@Nullable Object, @Nullable Object> map = new LinkedHashMap<>();
		map.put(chance(0.5) ? null : this.random.nextInt(10), any(depth));
		return map;
	}

	/** A value that fits the field most of the time: its kind, its enum values, often another row's value. */
	@Nullable Object valueFor(FieldDefinition field, List<Row> rows) {
		if (!rows.isEmpty() && chance(0.3)) {
			return pick(rows).get(field.name());
		}
		return switch (field.kind()) {
			case ID -> chance(0.8) ? UUID.randomUUID().toString() : string();
			case STRING -> field.name().equals("email") ? "u" + this.random.nextInt(4) + "@example.com"
					: chance(0.5) ? "v" + this.random.nextInt(4) : string();
			case BOOLEAN -> this.random.nextBoolean();
			case DATETIME -> chance(0.7) ? instant() : instant().atOffset(ZoneOffset.ofHours(2));
			case INTEGER -> chance(0.5) ? this.random.nextInt(100) : (long) this.random.nextInt();
			case BIGINT -> chance(0.5) ? this.random.nextLong()
					: chance(0.8) ? BigInteger.valueOf(this.random.nextLong()) : bigInteger();
			case DECIMAL -> decimal();
			case JSON -> any(2);
			case ENUM -> chance(0.85) ? pick(field.enumValues()) : pick(List.of("superuser", "ALPHA", "", "Member"));
		};
	}

	/**
	 * Write data: half the time mostly valid (required fields nearly always there, values nearly always fitting),
	 * otherwise a random subset of fields with random values, unknown names and odd keys, or not a map at all.
	 */
	Object data(ModelDefinition model, List<Row> rows) {
		return data(model, rows, chance(0.5));
	}

	/** Write data, mostly valid when {@code careful}. */
	Object data(ModelDefinition model, List<Row> rows, boolean careful) {
		if (!careful && chance(0.08)) {
			return pick(List.of("not data", 42, List.of(), Instant.EPOCH));
		}
		Map<@Nullable Object, @Nullable Object> data = new LinkedHashMap<>();
		for (FieldDefinition field : model.fields()) {
			double include = field.isId() ? (careful ? 0.03 : 0.15)
					: (careful && !field.isOptionalOnCreate()) ? 0.95 : 0.5;
			if (chance(include)) {
				data.put(field.name(), chance(careful ? 0.95 : 0.7) ? valueFor(field, rows) : any(2));
			}
		}
		if (!careful && chance(0.2)) {
			data.put(pick(UNKNOWN_FIELDS), any(1));
		}
		if (!careful && chance(0.06)) {
			data.put(chance(0.5) ? null : 7, "odd key");
		}
		return data;
	}

	/** A field name of the model most of the time, otherwise a name it does not have. */
	String fieldName(ModelDefinition model) {
		return chance(0.85) ? pick(model.fieldNames()) : pick(UNKNOWN_FIELDS);
	}

	/** A where map in the TypeScript original's shape, with real and bogus operators and combinators. */
	Map<String, @Nullable Object> where(ModelDefinition model, List<Row> rows, int depth) {
		Map<String, @Nullable Object> where = new LinkedHashMap<>();
		for (int i = this.random.nextInt(3); i > 0; i--) {
			int shape = this.random.nextInt(10);
			if (depth > 0 && shape == 0) {
				List<Object> nested = new ArrayList<>();
				for (int j = this.random.nextInt(3); j > 0; j--) {
					nested.add(where(model, rows, depth - 1));
				}
				where.put(chance(0.5) ? "AND" : "OR", chance(0.85) ? nested : any(1));
			}
			else if (depth > 0 && shape == 1) {
				where.put("NOT", chance(0.85) ? where(model, rows, depth - 1) : any(1));
			}
			else {
				String name = fieldName(model);
				where.put(name, condition(model.findField(name).orElse(null), rows));
			}
		}
		return where;
	}

	private @Nullable Object condition(@Nullable FieldDefinition field, List<Row> rows) {
		int shape = this.random.nextInt(4);
		if (shape == 0 || (field == null && shape == 1)) {
			return any(2);
		}
		if (shape == 1) {
			return valueFor(field, rows);
		}
		Map<String, @Nullable Object> operators = new LinkedHashMap<>();
		for (int i = 1 + this.random.nextInt(2); i > 0; i--) {
			Operator operator = pick(List.of(Operator.values()));
			String key = chance(0.85) ? operator.key() : pick(BOGUS_OPERATORS);
			Object operand;
			if (operator.isList() && chance(0.85)) {
				List<@Nullable Object> values = new ArrayList<>();
				for (int j = this.random.nextInt(3); j > 0; j--) {
					values.add((field != null) ? valueFor(field, rows) : any(1));
				}
				operand = values;
			}
			else {
				operand = (field != null && chance(0.7)) ? valueFor(field, rows) : any(1);
			}
			operators.put(key, operand);
		}
		return operators;
	}

	/** A where that names one unique key of the model, with an existing row's values half the time. */
	Map<String, @Nullable Object> uniqueWhere(ModelDefinition model, List<Row> rows) {
		Row row = (!rows.isEmpty() && chance(0.5)) ? pick(rows) : null;
		UniqueConstraint key = pick(model.uniqueConstraints());
		Map<String, @Nullable Object> where = new LinkedHashMap<>();
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		for (String name : key.fields()) {
			values.put(name, (row != null) ? row.get(name) : valueFor(model.field(name), List.of()));
		}
		if (key.isCompound() && chance(0.5)) {
			where.put(key.keyName(), values);
		}
		else {
			where.putAll(values);
		}
		return where;
	}

}
