package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.query.Where.and;
import static dev.farminglabs.orm.query.Where.contains;
import static dev.farminglabs.orm.query.Where.endsWith;
import static dev.farminglabs.orm.query.Where.eq;
import static dev.farminglabs.orm.query.Where.field;
import static dev.farminglabs.orm.query.Where.gt;
import static dev.farminglabs.orm.query.Where.gte;
import static dev.farminglabs.orm.query.Where.in;
import static dev.farminglabs.orm.query.Where.isNotNull;
import static dev.farminglabs.orm.query.Where.isNull;
import static dev.farminglabs.orm.query.Where.lt;
import static dev.farminglabs.orm.query.Where.lte;
import static dev.farminglabs.orm.query.Where.not;
import static dev.farminglabs.orm.query.Where.notIn;
import static dev.farminglabs.orm.query.Where.or;
import static dev.farminglabs.orm.query.Where.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.capability.TextMatching;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.query.Condition;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.Filter;
import dev.farminglabs.orm.query.Where;
import org.junit.jupiter.api.Test;

/**
 * Where clauses: every operator on every kind it applies to, with the semantics all backends agree on (DESIGN §8):
 * {@code not} is "is distinct from" and matches nulls, range operators never match null, empty {@code in} matches
 * nothing and empty {@code notIn} everything, decimals compare numerically, JSON compares values; {@code and/or/not}
 * trees and the upstream map shape; and what is a {@code VALIDATION_ERROR}.
 */
public abstract class FilterTck extends TckSupport {

	protected FilterTck(TckBackend backend) {
		super(backend);
	}

	/**
	 * Four users: ann (nickname annie, age 10, balance 9.5, admin), ben (benny, 20, 10.25, member, inactive), cat (no
	 * nickname, 30, 12.50, guest) and dan (no nickname, age or balance, member).
	 */
	private void people() {
		user("email", "ann@example.com", "name", "ann", "nickname", "annie", "age", 10, "balance",
				new BigDecimal("9.5"), "role", "admin");
		user("email", "ben@example.com", "name", "ben", "nickname", "benny", "age", 20, "balance",
				new BigDecimal("10.25"), "active", false);
		user("email", "cat@example.com", "name", "cat", "age", 30, "balance", new BigDecimal("12.50"), "role",
				"guest");
		user("email", "dan@example.com", "name", "dan");
	}

	private List<String> names(String field, Object valueOrCondition) {
		return names(Where.field(field, valueOrCondition));
	}

	private List<String> names(Filter filter) {
		return model("user").findMany((q) -> q.where(filter)).stream().map((row) -> row.getString("name")).toList();
	}

	private List<String> namesFromMap(Map<String, ?> where) {
		return model("user").findMany((q) -> q.where(where)).stream().map((row) -> row.getString("name")).toList();
	}

	@Test
	void equalityShorthandMatchesOnlyEqualValues() {
		people();
		assertThat(names("name", "ben")).containsExactly("ben");
		assertThat(names("age", 30)).containsExactly("cat");
		assertThat(names("name", "nobody")).isEmpty();
		assertThat(model("user").findMany((q) -> q.where("role", "member").where("active", true)))
			.extracting((row) -> row.getString("name"))
			.containsExactly("dan");
	}

	@Test
	void eqMatchesLikeTheShorthandAndEqNullMatchesNull() {
		people();
		assertThat(names("nickname", eq("annie"))).containsExactly("ann");
		assertThat(names("nickname", eq(null))).containsExactlyInAnyOrder("cat", "dan");
		assertThat(names("nickname", null)).containsExactlyInAnyOrder("cat", "dan");
	}

	@Test
	void notIncludesRowsWhoseValueIsNull() {
		people();
		assertThat(names("nickname", not("annie"))).containsExactlyInAnyOrder("ben", "cat", "dan");
		assertThat(names("age", not(10))).containsExactlyInAnyOrder("ben", "cat", "dan");
	}

	@Test
	void inMatchesAnyOfTheValues() {
		people();
		assertThat(names("name", in("ann", "cat", "nobody"))).containsExactlyInAnyOrder("ann", "cat");
		assertThat(names("age", in(List.of(20, 30)))).containsExactlyInAnyOrder("ben", "cat");
	}

	@Test
	void inWithAnEmptyListMatchesNothing() {
		people();
		assertThat(names("name", in(List.of()))).isEmpty();
		assertThat(names("nickname", in())).isEmpty();
		assertThat(model("user").count((q) -> q.where("age", in(List.of())))).isZero();
	}

	@Test
	void notInExcludesTheValuesAndIncludesRowsWhoseValueIsNull() {
		people();
		assertThat(names("nickname", notIn("annie"))).containsExactlyInAnyOrder("ben", "cat", "dan");
		assertThat(names("age", notIn(List.of(10, 30)))).containsExactlyInAnyOrder("ben", "dan");
	}

	@Test
	void notInWithAnEmptyListMatchesEverything() {
		people();
		assertThat(names("nickname", notIn(List.of()))).containsExactlyInAnyOrder("ann", "ben", "cat", "dan");
		assertThat(model("user").count((q) -> q.where("age", notIn()))).isEqualTo(4);
	}

	@Test
	void rangeOperatorsCompareIntegers() {
		people();
		assertThat(names("age", gt(20))).containsExactly("cat");
		assertThat(names("age", gte(20))).containsExactlyInAnyOrder("ben", "cat");
		assertThat(names("age", lt(20))).containsExactly("ann");
		assertThat(names("age", lte(20))).containsExactlyInAnyOrder("ann", "ben");
		assertThat(model("user").findMany((q) -> q.where("age", gt(10)).where("age", lt(30))))
			.extracting((row) -> row.getString("name"))
			.containsExactly("ben");
	}

	@Test
	void rangeOperatorsNeverMatchNull() {
		people();
		assertThat(names("age", lt(1_000_000))).containsExactlyInAnyOrder("ann", "ben", "cat");
		assertThat(names("age", gte(-1_000_000))).containsExactlyInAnyOrder("ann", "ben", "cat");
		assertThat(names("balance", lte(new BigDecimal("1000")))).doesNotContain("dan");
		assertThat(names("nickname", gt(""))).containsExactlyInAnyOrder("ann", "ben");
	}

	@Test
	void rangeOperatorsCompareDecimalsNumerically() {
		people();
		user("email", "eve@example.com", "name", "eve", "balance", new BigDecimal("100"));
		// As text, "100" < "12.50" < "9.5"; as numbers the order is the opposite.
		assertThat(names("balance", gt(new BigDecimal("10")))).containsExactlyInAnyOrder("ben", "cat", "eve");
		assertThat(names("balance", lt(new BigDecimal("10.25")))).containsExactly("ann");
		assertThat(names("balance", lte(new BigDecimal("12.5")))).containsExactlyInAnyOrder("ann", "ben", "cat");
		assertThat(names("balance", gte(new BigDecimal("12.500")))).containsExactlyInAnyOrder("cat", "eve");
		assertThat(names("balance", gt(12))).containsExactlyInAnyOrder("cat", "eve");
	}

	@Test
	void decimalEqualityComparesValuesNotScale() {
		people();
		assertThat(names("balance", new BigDecimal("12.5"))).containsExactly("cat");
		assertThat(names("balance", eq(new BigDecimal("12.500")))).containsExactly("cat");
		assertThat(names("balance", in(new BigDecimal("9.50"), new BigDecimal("10.250")))).containsExactlyInAnyOrder(
				"ann", "ben");
		assertThat(names("balance", not(new BigDecimal("12.5000")))).containsExactlyInAnyOrder("ann", "ben", "dan");
	}

	@Test
	void rangeOperatorsCompareBigintsExactlyAbove2To53() {
		BigInteger twoTo53 = BigInteger.TWO.pow(53);
		user("email", "a@example.com", "name", "at", "score", twoTo53);
		user("email", "b@example.com", "name", "above", "score", twoTo53.add(BigInteger.ONE));
		user("email", "c@example.com", "name", "negative", "score", -5L);
		assertThat(names("score", gt(twoTo53))).containsExactly("above");
		assertThat(names("score", twoTo53.add(BigInteger.ONE))).containsExactly("above");
		assertThat(names("score", lt(twoTo53))).containsExactly("negative");
		assertThat(names("score", gte(0))).containsExactlyInAnyOrder("at", "above");
	}

	@Test
	void rangeOperatorsCompareDatetimes() {
		Instant early = Instant.parse("2023-03-01T10:00:00Z");
		Instant middle = Instant.parse("2024-01-15T12:30:00Z");
		Instant late = Instant.parse("2025-07-04T00:00:01Z");
		user("email", "a@example.com", "name", "early", "createdAt", early);
		user("email", "b@example.com", "name", "middle", "createdAt", middle);
		user("email", "c@example.com", "name", "late", "createdAt", late);
		assertThat(names("createdAt", gt(middle))).containsExactly("late");
		assertThat(names("createdAt", gte(middle))).containsExactlyInAnyOrder("middle", "late");
		assertThat(names("createdAt", lt(middle))).containsExactly("early");
		assertThat(names("createdAt", lte(middle.minusSeconds(1)))).containsExactly("early");
		assertThat(names("createdAt", middle)).containsExactly("middle");
		assertThat(names(and(field("createdAt", gt(early)), field("createdAt", lt(late))))).containsExactly("middle");
	}

	@Test
	void rangeOperatorsCompareStrings() {
		user("email", "a@example.com", "name", "banana");
		user("email", "b@example.com", "name", "apple");
		user("email", "c@example.com", "name", "cherry");
		assertThat(names("name", gt("banana"))).containsExactly("cherry");
		assertThat(names("name", gte("banana"))).containsExactlyInAnyOrder("banana", "cherry");
		assertThat(names("name", lt("banana"))).containsExactly("apple");
		assertThat(names("name", lte("banana"))).containsExactlyInAnyOrder("apple", "banana");
		assertThat(names("name", gte("b"))).containsExactlyInAnyOrder("banana", "cherry");
	}

	@Test
	void containsMatchesASubstringCaseSensitively() {
		textUsers();
		if (unsupported(contains("Love"))) {
			return;
		}
		List<String> found = names("name", contains("Love"));
		if (caps.textMatching() == TextMatching.CASE_SENSITIVE) {
			assertThat(found).containsExactly("Ada Lovelace");
		}
		else {
			assertThat(found).contains("Ada Lovelace").doesNotContain("Grace Hopper", "Alan Turing");
		}
		assertThat(names("nickname", contains("a"))).as("never matches null").isEmpty();
	}

	@Test
	void startsWithMatchesAPrefixCaseSensitively() {
		textUsers();
		if (unsupported(startsWith("Ada"))) {
			return;
		}
		List<String> found = names("name", startsWith("Ada"));
		if (caps.textMatching() == TextMatching.CASE_SENSITIVE) {
			assertThat(found).containsExactly("Ada Lovelace");
		}
		else {
			assertThat(found).contains("Ada Lovelace").doesNotContain("Grace Hopper", "Alan Turing");
		}
		assertThat(names("name", startsWith("Lovelace"))).isEmpty();
	}

	@Test
	void endsWithMatchesASuffixCaseSensitively() {
		textUsers();
		if (unsupported(endsWith("Hopper"))) {
			return;
		}
		List<String> found = names("name", endsWith("Hopper"));
		if (caps.textMatching() == TextMatching.CASE_SENSITIVE) {
			assertThat(found).containsExactly("Grace Hopper");
		}
		else {
			assertThat(found).contains("Grace Hopper").doesNotContain("Ada Lovelace", "Alan Turing");
		}
		assertThat(names("name", endsWith("Grace"))).isEmpty();
	}

	@Test
	void textMatchingTreatsWildcardCharactersLiterally() {
		user("email", "a@example.com", "name", "50% off");
		user("email", "b@example.com", "name", "500 off");
		user("email", "c@example.com", "name", "a_b");
		user("email", "d@example.com", "name", "axb");
		user("email", "e@example.com", "name", "back\\slash");
		if (unsupported(contains("%"))) {
			return;
		}
		assertThat(names("name", contains("%"))).containsExactly("50% off");
		assertThat(names("name", startsWith("50%"))).containsExactly("50% off");
		assertThat(names("name", contains("a_b"))).containsExactly("a_b");
		assertThat(names("name", endsWith("_b"))).containsExactly("a_b");
		assertThat(names("name", contains("k\\s"))).containsExactly("back\\slash");
		assertThat(names("name", contains("*"))).isEmpty();
	}

	@Test
	void textMatchingOnANonStringFieldIsAValidationError() {
		people();
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.where("age",
				contains("1"))));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.where("preferences",
				startsWith("{"))));
	}

	private void textUsers() {
		user("email", "a@example.com", "name", "Ada Lovelace");
		user("email", "b@example.com", "name", "ada lovelace");
		user("email", "c@example.com", "name", "Grace Hopper");
		user("email", "d@example.com", "name", "Alan Turing");
	}

	/** Whether the backend lacks text matching, after asserting that it then refuses the condition. */
	private boolean unsupported(Condition condition) {
		if (caps.textMatching() != TextMatching.NONE) {
			return false;
		}
		assertOrmError(OrmErrorCode.UNSUPPORTED_OPERATION,
				() -> model("user").findMany((q) -> q.where("name", condition)));
		return true;
	}

	@Test
	void isNullAndIsNotNullSplitTheRows() {
		people();
		assertThat(names("nickname", isNull())).containsExactlyInAnyOrder("cat", "dan");
		assertThat(names("nickname", isNotNull())).containsExactlyInAnyOrder("ann", "ben");
		assertThat(names("age", isNull())).containsExactly("dan");
		assertThat(names("balance", isNotNull())).containsExactlyInAnyOrder("ann", "ben", "cat");
	}

	@Test
	void andRequiresEveryFilter() {
		people();
		assertThat(names(and(field("role", "member"), field("age", isNotNull())))).containsExactly("ben");
		assertThat(names(and(field("role", "member"), field("name", "ann")))).isEmpty();
		assertThat(names(and())).as("an empty and matches every row").hasSize(4);
	}

	@Test
	void orRequiresAnyFilter() {
		people();
		assertThat(names(or(field("name", "ann"), field("age", gte(30)), field("nickname", "nobody"))))
			.containsExactlyInAnyOrder("ann", "cat");
		assertThat(names(or())).as("an empty or matches no row").isEmpty();
	}

	@Test
	void notOfAFilterMatchesEveryRowTheFilterDoesNotMatchIncludingNulls() {
		people();
		assertThat(names(not(field("nickname", "annie")))).containsExactlyInAnyOrder("ben", "cat", "dan");
		// age > 15 is not true for dan, whose age is null, so the negation includes dan.
		assertThat(names(not(field("age", gt(15))))).containsExactlyInAnyOrder("ann", "dan");
		assertThat(names(not(field("nickname", in("annie", "benny"))))).containsExactlyInAnyOrder("cat", "dan");
	}

	@Test
	void nestedTreesCombine() {
		people();
		Filter tree = or(and(field("role", "member"), not(field("active", true))),
				and(field("age", gte(25)), or(field("nickname", isNull()), field("name", "nobody"))));
		assertThat(names(tree)).containsExactlyInAnyOrder("ben", "cat");
		assertThat(names(not(tree))).containsExactlyInAnyOrder("ann", "dan");
		assertThat(names(and(not(or(field("name", "ann"), field("name", "ben"))), field("age", isNotNull()))))
			.containsExactly("cat");
	}

	@Test
	void fromMapReadsEqualityAndNull() {
		people();
		assertThat(names(Where.fromMap(Map.of("name", "ben")))).containsExactly("ben");
		assertThat(namesFromMap(Map.of("role", "member", "active", true))).containsExactly("dan");
		assertThat(namesFromMap(Data.of("nickname", null))).containsExactlyInAnyOrder("cat", "dan");
	}

	@Test
	void fromMapReadsOperatorMaps() {
		people();
		assertThat(namesFromMap(Map.of("age", Map.of("gte", 10, "lt", 30)))).containsExactlyInAnyOrder("ann", "ben");
		assertThat(namesFromMap(Map.of("name", Map.of("in", List.of("ann", "dan"))))).containsExactlyInAnyOrder("ann",
				"dan");
		assertThat(namesFromMap(Map.of("nickname", Map.of("not", "annie")))).containsExactlyInAnyOrder("ben", "cat",
				"dan");
		assertThat(namesFromMap(Map.of("balance", Map.of("gt", new BigDecimal("10"))))).containsExactlyInAnyOrder(
				"ben", "cat");
		assertThat(namesFromMap(Map.of("age", Map.of("notIn", List.of())))).hasSize(4);
	}

	@Test
	void fromMapReadsOrNotAndAnd() {
		people();
		assertThat(namesFromMap(Map.of("OR", List.of(Map.of("name", "ann"), Map.of("age", Map.of("gt", 25))))))
			.containsExactlyInAnyOrder("ann", "cat");
		assertThat(namesFromMap(Map.of("NOT", Map.of("role", "member")))).containsExactlyInAnyOrder("ann", "cat");
		assertThat(namesFromMap(Map.of("AND", List.of(Map.of("role", "member"), Map.of("age", Map.of("gte", 0))))))
			.containsExactly("ben");
		assertThat(namesFromMap(Map.of("role", "member", "NOT", Map.of("OR", List.of(Map.of("name", "ben"))))))
			.containsExactly("dan");
	}

	@Test
	void fromMapWithAMapThatIsNotOperatorsOnAScalarFieldIsAValidationError() {
		people();
		assertOrmError(OrmErrorCode.VALIDATION_ERROR,
				() -> model("user").findMany((q) -> q.where(Map.of("age", Map.of("gte", 1, "between", 5)))));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR,
				() -> model("user").findMany((q) -> q.where(Map.of("OR", "name"))));
	}

	@Test
	void jsonEqualityIgnoresTheOrderOfObjectKeys() {
		Map<String, Object> written = new LinkedHashMap<>();
		written.put("theme", "dark");
		written.put("size", 3);
		written.put("nested", linked("b", 2, "a", List.of(1, "x")));
		user("email", "a@example.com", "name", "match", "preferences", written);
		user("email", "b@example.com", "name", "other", "preferences", linked("theme", "light", "size", 3));
		user("email", "c@example.com", "name", "none");
		Map<String, Object> reordered = linked("nested", linked("a", List.of(1, "x"), "b", 2), "size", 3, "theme",
				"dark");
		assertThat(names("preferences", reordered)).containsExactly("match");
		assertThat(namesFromMap(Map.of("preferences", reordered))).containsExactly("match");
		assertThat(names("preferences", linked("size", 3, "theme", "dark"))).as("a subset is not equal").isEmpty();
		assertThat(names("preferences", not(reordered))).containsExactlyInAnyOrder("other", "none");
	}

	@Test
	void jsonEqualityComparesArraysAndScalarsByValue() {
		sample("array", List.of(1, 2, 3));
		sample("reversed", List.of(3, 2, 1));
		sample("text", "hello");
		sample("number", 42);
		sample("flag", true);
		sample("object", Map.of("k", List.of(Map.of("deep", true))));
		sample("decimal", Map.of("price", new BigDecimal("2.50")));
		assertThat(sampleTexts(List.of(1, 2, 3))).containsExactly("array");
		assertThat(sampleTexts(List.of(1L, 2L, 3L))).as("the same JSON from other Java number types")
			.containsExactly("array");
		assertThat(sampleTexts("hello")).containsExactly("text");
		assertThat(sampleTexts(42)).containsExactly("number");
		assertThat(sampleTexts(42L)).containsExactly("number");
		assertThat(sampleTexts(true)).containsExactly("flag");
		assertThat(sampleTexts(Map.of("k", List.of(Map.of("deep", true))))).containsExactly("object");
		assertThat(sampleTexts(Map.of("price", new BigDecimal("2.5")))).as("numbers compare by value")
			.containsExactly("decimal");
		assertThat(sampleTexts("42")).as("a JSON string is not a JSON number").isEmpty();
		assertThat(sampleTexts(List.of(1, 2))).isEmpty();
	}

	@Test
	void nullEqualityOnANullableJsonFieldMatchesOnlyRowsWithoutAValue() {
		sample("with", 1, "optionalPayload", Map.of("a", 1));
		sample("without", 2);
		List<String> withoutPayload = model("sample").findMany((q) -> q.where("optionalPayload", isNull()))
			.stream()
			.map((row) -> row.getString("text"))
			.toList();
		assertThat(withoutPayload).containsExactly("without");
		assertThat(model("sample").findMany((q) -> q.where("optionalPayload", Map.of("a", 1))))
			.extracting((row) -> row.getString("text"))
			.containsExactly("with");
	}

	@Test
	void equalityOnEnumFields() {
		people();
		assertThat(names("role", "admin")).containsExactly("ann");
		assertThat(names("role", in("admin", "guest"))).containsExactlyInAnyOrder("ann", "cat");
		assertThat(names("role", not("member"))).containsExactlyInAnyOrder("ann", "cat");
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.where("role", "owner")));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR,
				() -> model("user").findMany((q) -> q.where("role", in("admin", "owner"))));
	}

	@Test
	void equalityOnBoolFields() {
		people();
		assertThat(names("active", false)).containsExactly("ben");
		assertThat(names("active", eq(true))).containsExactlyInAnyOrder("ann", "cat", "dan");
		assertThat(names("active", not(true))).containsExactly("ben");
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.where("active", "yes")));
	}

	@Test
	void rangeOperatorsOnBoolOrJsonFieldsAreAValidationError() {
		people();
		assertOrmError(OrmErrorCode.VALIDATION_ERROR,
				() -> model("user").findMany((q) -> q.where("active", gt(false))));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR,
				() -> model("user").findMany((q) -> q.where("preferences", lt(Map.of("a", 1)))));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.where("age", gt(null))));
	}

	@Test
	void filteringOnARelationOrAnUnknownFieldIsAValidationError() {
		people();
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.where("posts", "x")));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").count((q) -> q.where("profile", isNull())));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.where("nope", 1)));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR,
				() -> model("user").findMany((q) -> q.where("nick_name", "annie")));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR,
				() -> model("user").findMany((q) -> q.where(or(field("name", "ann"), field("nope", 1)))));
	}

	@Test
	void filtersWorkOnEveryOperationThatTakesAWhere() {
		people();
		Filter over15 = field("age", gt(15));
		assertThat(model("user").count((q) -> q.where(over15))).isEqualTo(2);
		assertThat(model("user").updateMany((u) -> u.where(over15).set("nickname", "old"))).isEqualTo(2);
		assertThat(names("nickname", "old")).containsExactlyInAnyOrder("ben", "cat");
		assertThat(model("user").deleteMany((q) -> q.where("nickname", not("old")))).isEqualTo(2);
		assertThat(names(Where.all())).containsExactlyInAnyOrder("ben", "cat");
	}

	private Row sample(String text, Object payload, Object... more) {
		Map<String, Object> data = Data.of(more);
		data.put("text", text);
		data.put("flag", true);
		data.put("at", Instant.parse("2024-01-01T00:00:00Z"));
		data.put("count", 1);
		data.put("big", 1L);
		data.put("amount", BigDecimal.ONE);
		data.put("payload", payload);
		return model("sample").create(data);
	}

	private List<String> sampleTexts(Object payload) {
		return model("sample").findMany((q) -> q.where("payload", payload))
			.stream()
			.map((row) -> row.getString("text"))
			.toList();
	}

	private static Map<String, Object> linked(Object... namesAndValues) {
		return Data.of(namesAndValues);
	}

}
