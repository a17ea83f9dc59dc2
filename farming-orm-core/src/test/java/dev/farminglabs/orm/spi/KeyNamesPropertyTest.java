package dev.farminglabs.orm.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Two different tuples never give the same key name: tuples are drawn from values rich in separators, hash-tag braces,
 * percent signs, the null and empty-string markers and non-ASCII text. Seeded; the seed is in every failure message.
 */
class KeyNamesPropertyTest {

	private static final String[] PIECES = { "", ":", "{", "}", "%", "%3A", "~", "'", ",", "a", "b", "é", "\u0000",
			"😀", " ", "\\", "{a}", "::", "'~" };

	private final long seed = Long.getLong("farming.orm.seed", System.nanoTime());

	@Test
	void aNameGivesBackItsTupleAndDifferentTuplesGiveDifferentNames() {
		Random random = new Random(this.seed);
		Map<String, List<@Nullable String>> seen = new HashMap<>();
		for (int i = 0; i < 20_000; i++) {
			List<@Nullable String> tuple = tuple(random);
			String name = KeyNames.tuple(tuple);
			assertThat(KeyNames.parseTuple(name)).as("seed %d: %s", this.seed, tuple).isEqualTo(tuple);
			assertThat(name).as("seed %d: %s", this.seed, tuple).doesNotContain("{", "}");
			List<@Nullable String> earlier = seen.putIfAbsent(name, tuple);
			if (earlier != null) {
				assertThat(earlier).as("seed %d: two tuples named %s", this.seed, name).isEqualTo(tuple);
			}
		}
	}

	@Test
	void nullAndEmptyDiffer() {
		assertThat(KeyNames.component(null)).isNotEqualTo(KeyNames.component(""));
		assertThat(KeyNames.tuple(java.util.Arrays.asList("a:b"))).isNotEqualTo(KeyNames.tuple(List.of("a", "b")));
	}

	private static List<@Nullable String> tuple(Random random) {
		int size = 1 + random.nextInt(3);
		List<@Nullable String> tuple = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			if (random.nextInt(8) == 0) {
				tuple.add(null);
				continue;
			}
			StringBuilder text = new StringBuilder();
			int pieces = random.nextInt(4);
			for (int p = 0; p < pieces; p++) {
				text.append(PIECES[random.nextInt(PIECES.length)]);
			}
			tuple.add(text.toString());
		}
		return tuple;
	}

}
