package dev.farminglabs.orm.spi;

import static dev.farminglabs.orm.spi.CriteriaTest.ITEM;
import static dev.farminglabs.orm.spi.CriteriaTest.and;
import static dev.farminglabs.orm.spi.CriteriaTest.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.query.Operator;
import org.junit.jupiter.api.Test;

class PinnedKeyTest {

	@Test
	void namesTheCompoundKeyWithItsValuesInKeyOrderAndKeepsTheRest() {
		Criteria range = new Criteria.Compare(ITEM.field("label"), Operator.GT, "a");
		PinnedKey pinned = PinnedKey.of(ITEM, and(eq("key", "k"), range, eq("namespace", "n"))).orElseThrow();
		assertThat(pinned.key().keyName()).isEqualTo("namespace_key");
		assertThat(pinned.values()).containsExactly(Map.entry("namespace", "n"), Map.entry("key", "k"));
		assertThat(pinned.remaining()).isEqualTo(range);
	}

	@Test
	void prefersTheIdThenSingleFieldKeys() {
		PinnedKey byId = PinnedKey.of(ITEM, and(eq("namespace", "n"), eq("key", "k"), eq("label", "l"), eq("id", "x")))
			.orElseThrow();
		assertThat(byId.key().primaryKey()).isTrue();
		assertThat(byId.values()).containsExactly(Map.entry("id", "x"));
		assertThat(byId.remaining()).isEqualTo(and(eq("namespace", "n"), eq("key", "k"), eq("label", "l")));
		PinnedKey byLabel = PinnedKey.of(ITEM, and(eq("namespace", "n"), eq("key", "k"), eq("label", "l")))
			.orElseThrow();
		assertThat(byLabel.key().fields()).containsExactly("label");
	}

	@Test
	void aSecondEqualityOnTheSameFieldStaysToBeChecked() {
		PinnedKey pinned = PinnedKey.of(ITEM, and(eq("id", "a"), eq("id", "b"))).orElseThrow();
		assertThat(pinned.values()).containsExactly(Map.entry("id", "a"));
		assertThat(pinned.remaining()).isEqualTo(eq("id", "b"));
		assertThat(CriteriaEvaluator.matches(pinned.remaining(), Map.of("id", "a"))).isFalse();
	}

	@Test
	void nothingLeftIsAll() {
		assertThat(PinnedKey.of(ITEM, eq("id", "a")).orElseThrow().remaining().matchesAll()).isTrue();
	}

	@Test
	void alternativesNegationsAndNullsPinNothing() {
		assertThat(PinnedKey.of(ITEM, new Criteria.Or(List.of(eq("id", "a"))))).isEmpty();
		assertThat(PinnedKey.of(ITEM, new Criteria.Not(eq("id", "a")))).isEmpty();
		assertThat(PinnedKey.of(ITEM, new Criteria.Compare(ITEM.field("label"), Operator.EQ, null))).isEmpty();
		assertThat(PinnedKey.of(ITEM, eq("namespace", "n"))).isEmpty();
	}

}
