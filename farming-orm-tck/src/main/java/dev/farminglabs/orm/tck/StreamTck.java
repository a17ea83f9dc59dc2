package dev.farminglabs.orm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.FindQuery;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.query.Where;
import org.junit.jupiter.api.Test;

/**
 * {@code stream}: the same rows as {@code findMany} for the same query (where, order, paging, relations), read
 * lazily; thousands of rows arrive complete and in order; a stream closed early leaves the client usable.
 */
public abstract class StreamTck extends TckSupport {

	protected StreamTck(TckBackend backend) {
		super(backend);
	}

	private List<Row> streamed(Consumer<FindQuery> query) {
		try (Stream<Row> rows = model("user").stream(query)) {
			return rows.toList();
		}
	}

	/** Creates users in chunks no larger than the backend's batch size; returns them as stored. */
	private List<Row> createUsers(List<Map<String, Object>> data) {
		int chunk = Math.max(1, Math.min(500, caps.maxBatchSize()));
		List<Row> created = new ArrayList<>(data.size());
		for (int start = 0; start < data.size(); start += chunk) {
			created.addAll(model("user").createMany(data.subList(start, Math.min(data.size(), start + chunk))));
		}
		return created;
	}

	private void people() {
		user("email", "ann@example.com", "name", "ann", "age", 31, "role", "admin");
		user("email", "ben@example.com", "name", "ben", "age", 22);
		user("email", "cat@example.com", "name", "cat");
		user("email", "dan@example.com", "name", "dan", "age", 45, "nickname", "d");
		user("email", "eve@example.com", "name", "eve", "age", 23, "role", "guest");
		user("email", "fay@example.com", "name", "fay", "age", 60);
	}

	@Test
	void streamGivesTheSameRowsAsFindManyForTheSameQuery() {
		people();
		List<Consumer<FindQuery>> queries = List.of((q) -> {
		}, (q) -> q.where("age", Where.gte(22)), (q) -> q.orderBy("age", SortDirection.DESC),
				(q) -> q.where("role", Where.not("admin")).orderBy("age").skip(1).take(3),
				(q) -> q.orderBy("name").skip(4), (q) -> q.take(2).select("email", "age"),
				(q) -> q.where("name", "nobody"));
		for (Consumer<FindQuery> query : queries) {
			assertThat(streamed(query)).isEqualTo(model("user").findMany(query));
		}
		assertThat(streamed((q) -> q.where("role", Where.not("admin")).orderBy("age").skip(1).take(3)))
			.extracting((row) -> row.getString("name"))
			.containsExactly("ben", "eve", "dan");
	}

	@Test
	void streamWithoutOrderIsInIdOrder() {
		people();
		List<String> ids = model("user").findMany().stream().map((row) -> row.getString("id")).sorted().toList();
		assertThat(streamed((q) -> {
		})).extracting((row) -> row.getString("id")).containsExactlyElementsOf(ids);
	}

	@Test
	void streamOfNoMatchesIsEmpty() {
		assertThat(streamed((q) -> {
		})).isEmpty();
		people();
		assertThat(streamed((q) -> q.where("age", Where.gt(1000)))).isEmpty();
	}

	@Test
	void closingAPartlyReadStreamLeavesTheClientUsable() {
		people();
		List<String> firstTwo = new ArrayList<>();
		Stream<Row> rows = model("user").stream((q) -> q.orderBy("name"));
		try (rows) {
			Iterator<Row> iterator = rows.iterator();
			firstTwo.add(iterator.next().getString("name"));
			firstTwo.add(iterator.next().getString("name"));
		}
		assertThat(firstTwo).containsExactly("ann", "ben");
		assertThatIllegalStateException().as("a closed stream cannot be read again").isThrownBy(rows::toList);
		Row gus = user("gus@example.com", "gus");
		assertThat(model("user").update((u) -> u.where("id", gus.get("id")).set("age", 70))).isPresent();
		assertThat(model("user").count()).isEqualTo(7);
		assertThat(streamed((q) -> q.orderBy("age", SortDirection.DESC).take(1)))
			.extracting((row) -> row.getString("name"))
			.containsExactly("gus");
	}

	@Test
	void manyStreamsOpenedAndClosedInTurnDoNotExhaustTheBackend() {
		people();
		for (int i = 0; i < 50; i++) {
			try (Stream<Row> rows = model("user").stream((q) -> q.orderBy("name"))) {
				assertThat(rows.findFirst()).map((row) -> row.getString("name")).contains("ann");
			}
		}
		assertThat(model("user").count()).isEqualTo(6);
	}

	@Test
	void threeThousandRowsStreamCompleteAndInOrder() {
		int total = 3000;
		List<Integer> ages = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			ages.add(i);
		}
		// Created in shuffled order, so age order and id order differ.
		Collections.shuffle(ages, new Random(42));
		List<Map<String, Object>> data = new ArrayList<>(total);
		for (int age : ages) {
			data.add(Data.of("email", "u" + age + "@example.com", "name", "user " + age, "age", age));
		}
		List<Row> created = createUsers(data);
		assertThat(created).hasSize(total);
		assertThat(model("user").count()).isEqualTo(total);

		int expected = 0;
		try (Stream<Row> rows = model("user").stream((q) -> q.orderBy("age"))) {
			Iterator<Row> iterator = rows.iterator();
			while (iterator.hasNext()) {
				Row row = iterator.next();
				assertThat(row.getLong("age")).isEqualTo(expected);
				assertThat(row.getString("email")).isEqualTo("u" + expected + "@example.com");
				expected++;
			}
		}
		assertThat(expected).isEqualTo(total);

		List<String> ids = created.stream().map((row) -> row.getString("id")).sorted().toList();
		assertThat(streamed((q) -> q.select("id"))).extracting((row) -> row.getString("id"))
			.containsExactlyElementsOf(ids);
		assertThat(streamed((q) -> q.where("age", Where.gte(1000)).orderBy("age").skip(500).take(1000)))
			.extracting((row) -> row.getLong("age"))
			.hasSize(1000)
			.startsWith(1500L)
			.endsWith(2499L)
			.isSorted();
	}

	@Test
	void streamWithAnIncludeLoadsTheRelationLikeFindMany() {
		Row ann = user("ann@example.com", "ann");
		Row ben = user("ben@example.com", "ben");
		user("cat@example.com", "cat");
		post(ann, "b-post", "views", 5);
		post(ann, "a-post", "views", 9);
		post(ben, "c-post");
		model("profile").create(Data.of("userId", ben.get("id"), "bio", "Ben's bio"));
		Consumer<FindQuery> query = (q) -> q.orderBy("name")
			.include("posts", (p) -> p.orderBy("slug").select("slug", "views"))
			.include("profile");
		List<Row> rows = streamed(query);
		assertThat(rows).isEqualTo(model("user").findMany(query));
		assertThat(rows).extracting((row) -> row.getString("name")).containsExactly("ann", "ben", "cat");
		assertThat(rows.get(0).getRows("posts")).extracting((post) -> post.getString("slug"))
			.containsExactly("a-post", "b-post");
		assertThat(rows.get(0).getRow("profile")).isNull();
		assertThat(rows.get(1).getRows("posts")).singleElement()
			.satisfies((post) -> assertThat(post.names()).containsExactly("slug", "views"));
		assertThat(rows.get(1).getRow("profile").getString("bio")).isEqualTo("Ben's bio");
		assertThat(rows.get(2).getRows("posts")).isEmpty();
	}

	@Test
	void streamOfATypedClientMapsEachRow() {
		people();
		try (Stream<Person> people = orm.model("user", Person.class)
			.stream((q) -> q.where("age", Where.isNotNull()).orderBy("age").select("name", "age"))) {
			assertThat(people.toList()).containsExactly(new Person("ben", 22L), new Person("eve", 23L),
					new Person("ann", 31L), new Person("dan", 45L), new Person("fay", 60L));
		}
	}

	@Test
	void streamWithInvalidInputIsAValidationError() {
		people();
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> {
			try (Stream<Row> rows = model("user").stream((q) -> q.where("nope", 1))) {
				rows.toList();
			}
		});
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> {
			try (Stream<Row> rows = model("user").stream((q) -> q.orderBy("preferences"))) {
				rows.toList();
			}
		});
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> {
			try (Stream<Row> rows = model("user").stream((q) -> q.take(-1))) {
				rows.toList();
			}
		});
	}

	/** A user's name and age, as a framework would stream them. */
	public record Person(String name, Long age) {
	}

}
