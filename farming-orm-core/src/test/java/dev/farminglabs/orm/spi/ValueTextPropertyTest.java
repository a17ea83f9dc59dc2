package dev.farminglabs.orm.spi;

import static dev.farminglabs.orm.schema.SchemaDsl.bigint;
import static dev.farminglabs.orm.schema.SchemaDsl.bool;
import static dev.farminglabs.orm.schema.SchemaDsl.datetime;
import static dev.farminglabs.orm.schema.SchemaDsl.decimal;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.json;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;

import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;

/** Every kind survives text and back exactly; key texts collide exactly when values are the same key. Seeded. */
class ValueTextPropertyTest {

	static final ModelDefinition ALL = FrameworkSchema.builder("test")
		.model("all", model("all_kinds")
			.field("id", id())
			.field("text", string())
			.field("flag", bool())
			.field("at", datetime())
			.field("count", integer())
			.field("big", bigint())
			.field("amount", decimal())
			.field("doc", json())
			.unique("text", "amount"))
		.build()
		.model("all");

	private final long seed = Long.getLong("farming.orm.seed", System.nanoTime());

	@Test
	void everyKindRoundTripsLosslessly() {
		Random random = new Random(this.seed);
		for (ChronoUnit precision : new ChronoUnit[] { ChronoUnit.NANOS, ChronoUnit.MICROS, ChronoUnit.MILLIS }) {
			ValueText codec = ValueText.of(precision);
			for (int i = 0; i < 2_000; i++) {
				Instant at = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 250_000_000_000L),
						random.nextInt(1_000_000_000));
				check(codec, "at", at, at.truncatedTo(precision));
				BigDecimal amount = new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(12));
				check(codec, "amount", amount, amount);
				BigInteger big = new BigInteger(70, random).subtract(BigInteger.ONE.shiftLeft(69));
				check(codec, "big", big, big);
				long count = random.nextLong();
				check(codec, "count", count, count);
				check(codec, "flag", random.nextBoolean(), null);
				String text = randomText(random);
				check(codec, "text", text, text);
				var doc = JsonValues.parse("{\"b\":[1,2.50," + random.nextInt() + "],\"a\":{\"t\":"
						+ JsonValues.write(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(text)) + "}}");
				check(codec, "doc", doc, doc);
			}
		}
	}

	@Test
	void datetimeTextsSortAsTheInstantsDo() {
		Random random = new Random(this.seed);
		ValueText codec = ValueText.of(ChronoUnit.MICROS);
		for (int i = 0; i < 2_000; i++) {
			Instant a = Instant.ofEpochSecond(random.nextLong(0, 200_000_000_000L), random.nextInt(1_000_000_000))
				.truncatedTo(ChronoUnit.MICROS);
			Instant b = a.plusNanos(random.nextLong(-5_000_000_000L, 5_000_000_000L)).truncatedTo(ChronoUnit.MICROS);
			assertThat(Integer.signum(codec.encode(ALL.field("at"), a).compareTo(codec.encode(ALL.field("at"), b))))
				.as("seed %d: %s vs %s", this.seed, a, b)
				.isEqualTo(Integer.signum(a.compareTo(b)));
		}
	}

	@Test
	void decimalsEqualByValueShareAUniqueKeyAndOthersDoNot() {
		Random random = new Random(this.seed);
		ValueText codec = ValueText.of(ChronoUnit.MICROS);
		UniqueConstraint key = ALL.uniqueConstraints()
			.stream()
			.filter((candidate) -> candidate.fields().size() == 2)
			.findFirst()
			.orElseThrow();
		for (int i = 0; i < 5_000; i++) {
			BigDecimal a = BigDecimal.valueOf(random.nextInt(2_000) - 1_000, random.nextInt(4));
			BigDecimal b = a.setScale(a.scale() + random.nextInt(3));
			if (random.nextBoolean()) {
				b = BigDecimal.valueOf(random.nextInt(2_000) - 1_000, random.nextInt(4));
			}
			String textA = randomText(random);
			String textB = random.nextBoolean() ? textA : randomText(random);
			boolean same = textA.equals(textB) && a.compareTo(b) == 0;
			String nameA = KeyNames.uniqueKey(ALL, key, Map.of("text", textA, "amount", a), codec);
			String nameB = KeyNames.uniqueKey(ALL, key, Map.of("text", textB, "amount", b), codec);
			assertThat(nameA.equals(nameB)).as("seed %d: (%s, %s) vs (%s, %s)", this.seed, textA, a, textB, b)
				.isEqualTo(same);
		}
	}

	private void check(ValueText codec, String field, Object value, Object expected) {
		String text = codec.encode(ALL.field(field), value);
		Object back = codec.decode(ALL.field(field), text);
		assertThat(back).as("seed %d: %s %s as %s", this.seed, field, value, text).isEqualTo((expected != null) ? expected : value);
		if (back instanceof BigDecimal decimal) {
			assertThat(decimal.scale()).as("seed %d: scale of %s", this.seed, value).isEqualTo(((BigDecimal) value).scale());
		}
	}

	private static String randomText(Random random) {
		String alphabet = "ab:{}%~'é😀 \\,";
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(5);
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
		}
		return text.toString();
	}

}
