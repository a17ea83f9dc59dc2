package dev.farminglabs.orm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A row builder hands its values to the row it builds, in order, and cannot change that row afterwards. */
class RowBuilderTest {

	@Test
	void buildsARowWithTheValuesInOrderNullsKept() {
		Row row = Row.builder(3).put("b", 1).put("a", null).putAll(Map.of("c", "x")).build();
		assertThat(row.names()).containsExactly("b", "a", "c");
		assertThat(row.has("a")).isTrue();
		assertThat(row.get("a")).isNull();
		assertThat(row).isEqualTo(Row.of(row.asMap()));
	}

	@Test
	void isSpentOnceItHasBuiltItsRow() {
		Row.Builder builder = Row.builder(1).put("a", 1);
		Row row = builder.build();
		assertThatThrownBy(() -> builder.put("a", 2)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
		assertThat(row.get("a")).isEqualTo(1);
		assertThatThrownBy(() -> row.asMap().put("a", 3)).isInstanceOf(UnsupportedOperationException.class);
	}

}
