package dev.farminglabs.orm.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Parsing JSON a backend gives back yields the normal form {@link JsonValues#normalize} would build, whether the text
 * is already canonical (then the parsed tree is kept as it is) or a backend reordered keys or rewrote numbers.
 */
class JsonParseTest {

	private static JsonNode normalized(String json) {
		return JsonValues.normalize(JsonValues.mapper().readTree(json));
	}

	private static void assertNormalForm(String json) {
		JsonNode parsed = JsonValues.parse(json);
		JsonNode expected = normalized(json);
		assertThat(parsed).as(json).isEqualTo(expected);
		assertThat(JsonValues.write(parsed)).as(json).isEqualTo(JsonValues.write(expected));
	}

	@Test
	void keepsCanonicalTextAsParsed() {
		String json = "{\"a\":[1,2.5,null,true,\"x\"],\"b\":{\"c\":3000000000,\"d\":18446744073709551616}}";
		assertNormalForm(json);
		assertThat(JsonValues.write(JsonValues.parse(json))).isEqualTo(json);
	}

	@Test
	void sortsKeysABackendReordered() {
		// PostgreSQL jsonb and MySQL JSON keep shorter keys first.
		assertNormalForm("{\"b\":1,\"aa\":{\"z\":1,\"yy\":2},\"list\":[{\"d\":1,\"c\":2}]}");
		assertThat(JsonValues.parse("{\"b\":1,\"aa\":2}").propertyNames()).containsExactly("aa", "b");
	}

	@Test
	void canonicalisesNumbersABackendRewrote() {
		for (String json : List.of("1.0", "1e2", "2.50", "1E-5", "0.0", "-0", "1e20", "[1.0,{\"n\":2.50}]",
				"{\"big\":1.8446744073709551616E19}", "2147483648", "-2147483649", "9223372036854775808")) {
			assertNormalForm(json);
		}
		assertThat(JsonValues.parse("1.0").isInt()).isTrue();
		assertThat(JsonValues.parse("1e20").isBigInteger()).isTrue();
		assertThat(JsonValues.parse("2.50").decimalValue()).isEqualTo("2.5");
	}

	@Test
	void readsNumbersBeyondTheWriteLimitsAsTheyAre() {
		String long_ = "1" + "0".repeat(200);
		assertThat(JsonValues.parse(long_).bigIntegerValue()).isEqualTo(new java.math.BigInteger(long_));
	}

	@Test
	void agreesWithNormalizeOnRandomDocuments() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		for (int i = 0; i < 500; i++) {
			String json = document(random, 0);
			JsonNode parsed = JsonValues.parse(json);
			JsonNode expected = normalized(json);
			assertThat(JsonValues.write(parsed)).as("seed %d: %s", seed, json).isEqualTo(JsonValues.write(expected));
			assertThat(parsed).as("seed %d: %s", seed, json).isEqualTo(expected);
		}
	}

	private static String document(Random random, int depth) {
		int kind = random.nextInt((depth < 4) ? 8 : 6);
		return switch (kind) {
			case 0 -> "null";
			case 1 -> Boolean.toString(random.nextBoolean());
			case 2 -> "\"" + name(random) + "\"";
			case 3 -> Long.toString(random.nextLong() >> random.nextInt(64));
			case 4 -> random.nextInt(1000) + "." + "0".repeat(random.nextInt(3)) + random.nextInt(100)
					+ "0".repeat(random.nextInt(3));
			case 5 -> random.nextInt(100) + "e" + (random.nextInt(30) - 10);
			case 6 -> {
				List<String> items = new ArrayList<>();
				for (int i = random.nextInt(4); i > 0; i--) {
					items.add(document(random, depth + 1));
				}
				yield "[" + String.join(",", items) + "]";
			}
			default -> {
				List<String> properties = new ArrayList<>();
				List<String> names = new ArrayList<>();
				for (int i = random.nextInt(5); i > 0; i--) {
					String name = name(random);
					if (!names.contains(name)) {
						names.add(name);
						properties.add("\"" + name + "\":" + document(random, depth + 1));
					}
				}
				yield "{" + String.join(",", properties) + "}";
			}
		};
	}

	private static String name(Random random) {
		StringBuilder name = new StringBuilder();
		for (int i = 1 + random.nextInt(4); i > 0; i--) {
			name.append((char) ('a' + random.nextInt(5)));
		}
		return name.toString();
	}

}
