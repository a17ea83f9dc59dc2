package dev.farminglabs.orm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.query.FindQuery;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.query.Where;
import org.junit.jupiter.api.Test;

/**
 * Order and paging: {@code orderBy} in both directions on every ordered kind, nulls first ascending and last
 * descending (DESIGN §8), several sort keys, ties broken by id, {@code take}/{@code skip} applied after filtering and
 * ordering, and the orders that are a {@code VALIDATION_ERROR}.
 */
public abstract class OrderingPagingTck extends TckSupport {

	protected OrderingPagingTck(TckBackend backend) {
		super(backend);
	}

	private List<String> names(Consumer<FindQuery> query) {
		return model("user").findMany(query).stream().map((row) -> row.getString("name")).toList();
	}

	/** Creates users named after their position in the alphabet, with the given ages (null allowed). */
	private void usersWithAges(Integer... ages) {
		for (int i = 0; i < ages.length; i++) {
			String name = String.valueOf((char) ('a' + i));
			user("email", name + "@example.com", "name", name, "age", ages[i]);
		}
	}

	@Test
	void orderByAscendingSortsSmallestFirst() {
		usersWithAges(30, 10, 20);
		assertThat(names((q) -> q.orderBy("age"))).containsExactly("b", "c", "a");
		assertThat(names((q) -> q.orderBy("age", SortDirection.ASC))).containsExactly("b", "c", "a");
	}

	@Test
	void orderByDescendingSortsLargestFirst() {
		usersWithAges(30, 10, 20);
		assertThat(names((q) -> q.orderBy("age", SortDirection.DESC))).containsExactly("a", "c", "b");
	}

	@Test
	void nullsSortFirstWhenAscending() {
		usersWithAges(20, null, 10, null);
		List<String> names = names((q) -> q.orderBy("age"));
		assertThat(names.subList(0, 2)).containsExactlyInAnyOrder("b", "d");
		assertThat(names.subList(2, 4)).containsExactly("c", "a");
	}

	@Test
	void nullsSortLastWhenDescending() {
		usersWithAges(20, null, 10, null);
		List<String> names = names((q) -> q.orderBy("age", SortDirection.DESC));
		assertThat(names.subList(0, 2)).containsExactly("a", "c");
		assertThat(names.subList(2, 4)).containsExactlyInAnyOrder("b", "d");
	}

	@Test
	void laterSortKeysBreakTiesOfEarlierOnes() {
		user("email", "a@example.com", "name", "a", "nickname", "x", "age", 20);
		user("email", "b@example.com", "name", "b", "nickname", "y", "age", 20);
		user("email", "c@example.com", "name", "c", "nickname", "x", "age", 40);
		user("email", "d@example.com", "name", "d", "nickname", "y", "age", 30);
		user("email", "e@example.com", "name", "e", "nickname", "z", "age", 20);
		assertThat(names((q) -> q.orderBy("nickname").orderBy("age", SortDirection.DESC))).containsExactly("c", "a",
				"d", "b", "e");
		assertThat(names((q) -> q.orderBy("age").orderBy("name", SortDirection.DESC))).containsExactly("e", "b", "a",
				"d", "c");
	}

	@Test
	void tiesAreBrokenByIdInBothDirections() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ids.add(user("email", "u" + i + "@example.com", "name", (i % 2 == 0) ? "even" : "odd").getString("id"));
		}
		List<String> evenIds = List.of(ids.get(0), ids.get(2), ids.get(4)).stream().sorted().toList();
		List<String> oddIds = List.of(ids.get(1), ids.get(3), ids.get(5)).stream().sorted().toList();
		List<String> ascending = new ArrayList<>(evenIds);
		ascending.addAll(oddIds);
		List<String> descending = new ArrayList<>(oddIds);
		descending.addAll(evenIds);
		assertThat(idsOf(model("user").findMany((q) -> q.orderBy("name")))).containsExactlyElementsOf(ascending);
		assertThat(idsOf(model("user").findMany((q) -> q.orderBy("name", SortDirection.DESC))))
			.containsExactlyElementsOf(descending);
	}

	@Test
	void orderByIdDescendingReversesIdOrder() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(user("u" + i + "@example.com", "U" + i).getString("id"));
		}
		List<String> expected = ids.stream().sorted(Comparator.reverseOrder()).toList();
		assertThat(idsOf(model("user").findMany((q) -> q.orderBy("id", SortDirection.DESC))))
			.containsExactlyElementsOf(expected);
	}

	@Test
	void decimalsOrderNumerically() {
		user("email", "a@example.com", "name", "a", "balance", new BigDecimal("100"));
		user("email", "b@example.com", "name", "b", "balance", new BigDecimal("9.5"));
		user("email", "c@example.com", "name", "c", "balance", new BigDecimal("12.50"));
		user("email", "d@example.com", "name", "d", "balance", new BigDecimal("-3"));
		assertThat(names((q) -> q.orderBy("balance"))).containsExactly("d", "b", "c", "a");
		assertThat(names((q) -> q.orderBy("balance", SortDirection.DESC))).containsExactly("a", "c", "b", "d");
	}

	@Test
	void orderingByAMappedColumnFieldWorks() {
		user("email", "a@example.com", "name", "a", "nickname", "zed", "createdAt", march(2024));
		user("email", "b@example.com", "name", "b", "nickname", "amy", "createdAt", march(2022));
		user("email", "c@example.com", "name", "c", "nickname", "max", "createdAt", march(2023));
		assertThat(names((q) -> q.orderBy("nickname"))).containsExactly("b", "c", "a");
		assertThat(names((q) -> q.orderBy("createdAt"))).containsExactly("b", "c", "a");
		assertThat(names((q) -> q.orderBy("createdAt", SortDirection.DESC))).containsExactly("a", "c", "b");
	}

	@Test
	void takeLimitsTheNumberOfRows() {
		usersWithAges(1, 2, 3, 4, 5);
		assertThat(names((q) -> q.orderBy("age").take(2))).containsExactly("a", "b");
		assertThat(names((q) -> q.orderBy("age").take(10))).hasSize(5);
	}

	@Test
	void skipLeavesOutTheFirstRows() {
		usersWithAges(1, 2, 3, 4, 5);
		assertThat(names((q) -> q.orderBy("age").skip(3))).containsExactly("d", "e");
		assertThat(names((q) -> q.orderBy("age", SortDirection.DESC).skip(4))).containsExactly("a");
	}

	@Test
	void takeAndSkipTogetherPageThroughTheOrderedRows() {
		usersWithAges(7, 6, 5, 4, 3, 2, 1);
		List<String> seen = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			int skip = page * 3;
			seen.addAll(names((q) -> q.orderBy("age").skip(skip).take(3)));
		}
		assertThat(seen).containsExactly("g", "f", "e", "d", "c", "b", "a");
		assertThat(names((q) -> q.orderBy("age").skip(2).take(2))).containsExactly("e", "d");
	}

	@Test
	void pagingAppliesAfterFilteringAndOrdering() {
		usersWithAges(5, 50, 15, 40, 25, 30, null);
		assertThat(names((q) -> q.where("age", Where.gte(15)).orderBy("age", SortDirection.DESC).skip(1).take(2)))
			.containsExactly("d", "f");
		assertThat(model("user").findMany((q) -> q.where("age", Where.isNotNull()).skip(1).take(3))).hasSize(3);
	}

	@Test
	void skipPastTheEndReturnsNothing() {
		usersWithAges(1, 2, 3);
		assertThat(names((q) -> q.orderBy("age").skip(3))).isEmpty();
		assertThat(names((q) -> q.skip(100).take(5))).isEmpty();
	}

	@Test
	void takeZeroReturnsNothing() {
		usersWithAges(1, 2, 3);
		assertThat(names((q) -> q.take(0))).isEmpty();
		assertThat(model("user").findFirst((q) -> q.take(0))).isEmpty();
	}

	@Test
	void withoutOrderRowsComeInIdOrderAndPageByIt() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ids.add(user("u" + i + "@example.com", "U" + i).getString("id"));
		}
		List<String> sorted = ids.stream().sorted().toList();
		assertThat(idsOf(model("user").findMany((q) -> q.skip(2).take(3)))).containsExactlyElementsOf(
				sorted.subList(2, 5));
	}

	@Test
	void negativeTakeOrSkipIsAValidationError() {
		usersWithAges(1);
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.take(-1)));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.skip(-1)));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findFirst((q) -> q.skip(-5)));
	}

	@Test
	void orderingByAJsonFieldIsAValidationError() {
		usersWithAges(1);
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.orderBy("preferences")));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR,
				() -> model("sample").findMany((q) -> q.orderBy("payload", SortDirection.DESC)));
	}

	@Test
	void orderingByAnUnknownFieldOrARelationIsAValidationError() {
		usersWithAges(1);
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.orderBy("nope")));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.orderBy("posts")));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.orderBy("nick_name")));
	}

	private static Instant march(int year) {
		return Instant.parse(year + "-03-01T00:00:00Z");
	}

	private static List<String> idsOf(List<Row> rows) {
		return rows.stream().map((row) -> row.getString("id")).toList();
	}

}
