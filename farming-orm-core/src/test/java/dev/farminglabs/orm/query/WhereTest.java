package dev.farminglabs.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Filter.FieldFilter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Where#fromMap} turns the TypeScript original's where maps into the same trees the Java factories build. */
class WhereTest {

	/** An ordered map from alternating keys and values, allowing nulls. */
	private static Map<String, @Nullable Object> map(@Nullable Object... keysAndValues) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static FieldFilter field(String name, Operator operator, @Nullable Object value) {
		return new FieldFilter(name, new Condition(operator, value));
	}

	private static OrmException invalid(Map<?, ?> where) {
		@SuppressWarnings("unchecked")
		Map<String, ?> typed = (Map<String, ?>) where;
		OrmException error = catchThrowableOfType(OrmException.class, () -> Where.fromMap(typed));
		assertThat(error).as("fromMap(%s) fails", where).isNotNull();
		assertThat(error.code()).isEqualTo(OrmErrorCode.VALIDATION_ERROR);
		return error;
	}

	@Test
	void readsAPlainValueAsEquality() {
		assertThat(Where.fromMap(map("email", "a@example.com"))).isEqualTo(field("email", Operator.EQ, "a@example.com"))
			.isEqualTo(Where.field("email", "a@example.com"));
	}

	@Test
	void readsNullAsIsNull() {
		assertThat(Where.fromMap(map("nickname", null))).isEqualTo(field("nickname", Operator.EQ, null));
		assertThat(Where.fromMap(map("nickname", map("not", null)))).isEqualTo(Where.field("nickname", Where.isNotNull()));
	}

	@Test
	void readsSeveralFieldsAsAnd() {
		assertThat(Where.fromMap(map("a", 1, "b", "x")))
			.isEqualTo(new Filter.And(List.of(field("a", Operator.EQ, 1), field("b", Operator.EQ, "x"))));
	}

	@Test
	void readsSeveralOperatorsOnOneFieldAsAnd() {
		assertThat(Where.fromMap(map("age", map("gte", 18, "lt", 65))))
			.isEqualTo(Where.and(Where.field("age", Where.gte(18)), Where.field("age", Where.lt(65))));
	}

	@ParameterizedTest
	@EnumSource(Operator.class)
	void readsEveryOperatorByItsKey(Operator operator) {
		Object operand = operator.isList() ? List.of("x", "y") : "x";
		assertThat(Where.fromMap(map("name", map(operator.key(), operand)))).isEqualTo(field("name", operator, operand));
		assertThat(Operator.fromKey(operator.key())).isSameAs(operator);
	}

	@Test
	void copiesListOperands() {
		List<Object> values = Arrays.asList("a", null);
		Filter filter = Where.fromMap(map("status", map("in", values)));
		assertThat(filter).isEqualTo(Where.field("status", Where.in("a", null)));
		assertThat(((FieldFilter) filter).condition().value()).isNotSameAs(values);
	}

	@Test
	void readsOrAndAndAsLists() {
		assertThat(Where.fromMap(map("OR", List.of(map("a", 1), map("b", 2)))))
			.isEqualTo(Where.or(Where.field("a", 1), Where.field("b", 2)));
		assertThat(Where.fromMap(map("AND", List.of(map("a", 1), map("b", 2)))))
			.isEqualTo(Where.and(Where.field("a", 1), Where.field("b", 2)));
	}

	@Test
	void readsASingleMapUnderOrAsAOneElementList() {
		assertThat(Where.fromMap(map("OR", map("a", 1)))).isEqualTo(new Filter.Or(List.of(field("a", Operator.EQ, 1))));
	}

	@Test
	void readsNotAsNegation() {
		assertThat(Where.fromMap(map("NOT", map("a", 1)))).isEqualTo(Where.not(Where.field("a", 1)));
	}

	@Test
	void nestsCombinators() {
		Map<String, Object> where = map("OR", List.of(map("NOT", map("a", map("in", List.of()))),
				map("AND", List.of(map("b", map("startsWith", "x")), map("c", 3)))));
		assertThat(Where.fromMap(where)).isEqualTo(Where.or(Where.not(Where.field("a", Where.in(List.of()))),
				Where.and(Where.field("b", Where.startsWith("x")), Where.field("c", 3))));
	}

	@Test
	void readsAnEmptyMapAsMatchingEverything() {
		assertThat(Where.fromMap(Map.of())).isEqualTo(Where.all());
		assertThat(Where.fromMap(map("AND", List.of()))).isEqualTo(Where.all());
		assertThat(Where.fromMap(map("OR", List.of()))).isEqualTo(new Filter.Or(List.of()));
	}

	@Test
	void readsAMapThatIsNotAllOperatorsAsAValue() {
		Map<String, Object> json = map("theme", "dark");
		assertThat(Where.fromMap(map("preferences", json))).isEqualTo(field("preferences", Operator.EQ, json));
		Map<String, Object> compound = map("namespace", "n", "key", "k");
		assertThat(Where.fromMap(map("namespace_key", compound))).isEqualTo(field("namespace_key", Operator.EQ, compound));
		Map<String, Object> mixed = map("gte", 1, "bogus", 2);
		assertThat(Where.fromMap(map("age", mixed))).isEqualTo(field("age", Operator.EQ, mixed));
		assertThat(Where.fromMap(map("age", Map.of()))).isEqualTo(field("age", Operator.EQ, Map.of()));
	}

	@Test
	void rejectsCombinatorsOfTheWrongShape() {
		assertThat(invalid(map("AND", "x")).getMessage()).contains("AND");
		assertThat(invalid(map("OR", 1)).getMessage()).contains("OR");
		assertThat(invalid(map("NOT", List.of(map("a", 1)))).getMessage()).contains("NOT");
		assertThat(invalid(map("NOT", null)).getMessage()).contains("NOT");
		assertThat(invalid(map("OR", List.of("x"))).getMessage()).contains("OR");
	}

	@Test
	void rejectsKeysThatAreNotStrings() {
		Map<Object, Object> nullKey = new HashMap<>();
		nullKey.put(null, 1);
		invalid(nullKey);
		Map<Object, Object> numberKey = new HashMap<>();
		numberKey.put(1, "x");
		invalid(map("NOT", numberKey));
		invalid(map("OR", List.of(numberKey)));
	}

	@Test
	void buildsConditionsWithTheFactories() {
		assertThat(Where.eq(1)).isEqualTo(new Condition(Operator.EQ, 1));
		assertThat(Where.not("x")).isEqualTo(new Condition(Operator.NOT, "x"));
		assertThat(Where.in(1, 2)).isEqualTo(new Condition(Operator.IN, List.of(1, 2)));
		assertThat(Where.notIn(List.of(1))).isEqualTo(new Condition(Operator.NOT_IN, List.of(1)));
		assertThat(Where.gt(1)).isEqualTo(new Condition(Operator.GT, 1));
		assertThat(Where.gte(1)).isEqualTo(new Condition(Operator.GTE, 1));
		assertThat(Where.lt(1)).isEqualTo(new Condition(Operator.LT, 1));
		assertThat(Where.lte(1)).isEqualTo(new Condition(Operator.LTE, 1));
		assertThat(Where.contains("a")).isEqualTo(new Condition(Operator.CONTAINS, "a"));
		assertThat(Where.endsWith("a")).isEqualTo(new Condition(Operator.ENDS_WITH, "a"));
		assertThat(Where.isNull()).isEqualTo(new Condition(Operator.EQ, null));
		assertThat(Where.field("a", Where.gt(1))).isEqualTo(field("a", Operator.GT, 1));
	}

	@Test
	void addsEveryWhereOfAQueryAsOneMoreFilter() {
		FindQuery query = new FindQuery().where("a", 1).where(Where.field("b", 2)).where(map("c", 3));
		assertThat(query.filters()).containsExactly(field("a", Operator.EQ, 1), field("b", Operator.EQ, 2),
				field("c", Operator.EQ, 3));
	}

	@Test
	void knowsWhichOperatorsAreRangesTextMatchesAndLists() {
		assertThat(Arrays.stream(Operator.values()).filter(Operator::isRange))
			.containsExactly(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE);
		assertThat(Arrays.stream(Operator.values()).filter(Operator::isTextMatch))
			.containsExactly(Operator.CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH);
		assertThat(Arrays.stream(Operator.values()).filter(Operator::isList)).containsExactly(Operator.IN, Operator.NOT_IN);
		assertThat(Operator.fromKey("bogus")).isNull();
		assertThat(Operator.fromKey("IN")).isNull();
	}

}
