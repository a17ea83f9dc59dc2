package dev.farminglabs.orm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.query.Where;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Create, read, update and delete: the basic contract of the twelve model methods, including which row
 * {@code update}/{@code delete} act on when the where is not unique (the first match in id order), records and POJOs
 * as write data, typed model clients, and field selection.
 */
public abstract class CrudTck extends TckSupport {

	protected CrudTck(TckBackend backend) {
		super(backend);
	}

	@Test
	void createReturnsTheStoredRowWithDefaultsAndGeneratedId() {
		Row created = user("ada@example.com", "Ada");
		assertThat(created.getString("id")).isNotBlank();
		assertThat(created.getString("email")).isEqualTo("ada@example.com");
		assertThat(created.getBoolean("active")).isTrue();
		assertThat(created.getString("role")).isEqualTo("member");
		assertThat(created.getInstant("createdAt")).isNotNull();
		assertThat(created.get("nickname")).isNull();
		assertThat(created.names()).containsExactlyElementsOf(TckSchema.SCHEMA.model("user").fieldNames());
	}

	@Test
	void findManyWithoutQueryReturnsEveryRowInIdOrder() {
		Row a = user("a@example.com", "A");
		Row b = user("b@example.com", "B");
		Row c = user("c@example.com", "C");
		List<String> ids = model("user").findMany().stream().map((row) -> row.getString("id")).toList();
		assertThat(ids).containsExactlyElementsOf(
				List.of(a, b, c).stream().map((row) -> row.getString("id")).sorted().toList());
	}

	@Test
	void updateChangesOnlyTheGivenFields() {
		Row ada = user("ada@example.com", "Ada");
		Row updated = model("user").update((u) -> u.where("id", ada.get("id")).set("name", "Ada L.")).orElseThrow();
		assertThat(updated.getString("name")).isEqualTo("Ada L.");
		assertThat(updated.getString("email")).isEqualTo("ada@example.com");
		assertThat(model("user").findUnique((q) -> q.where("id", ada.get("id"))).orElseThrow().getString("name"))
			.isEqualTo("Ada L.");
	}

	@Test
	void deleteManyRemovesEveryMatchAndReturnsTheCount() {
		user("a@example.com", "Same");
		user("b@example.com", "Same");
		user("c@example.com", "Other");
		assertThat(model("user").deleteMany((q) -> q.where("name", "Same"))).isEqualTo(2);
		assertThat(model("user").count()).isEqualTo(1);
		assertThat(model("user").deleteMany((q) -> q.where(Where.all()))).isEqualTo(1);
		assertThat(model("user").count()).isZero();
	}

	@Test
	void createAcceptsNullForNullableFields() {
		Row created = model("user").create(Data.of("email", "n@example.com", "name", "N", "nickname", null));
		assertThat(created.get("nickname")).isNull();
	}

	@Test
	void findFirstReturnsTheFirstRowInTheQueryOrder() {
		user("b@example.com", "bob");
		user("a@example.com", "alice");
		user("c@example.com", "carol");
		assertThat(model("user").findFirst((q) -> q.orderBy("name")).orElseThrow().getString("name"))
			.isEqualTo("alice");
		assertThat(model("user").findFirst((q) -> q.orderBy("name", SortDirection.DESC)))
			.map((row) -> row.getString("name"))
			.contains("carol");
	}

	@Test
	void findFirstWithoutOrderReturnsTheFirstMatchInIdOrder() {
		List<Row> same = List.of(user("a@example.com", "Same"), user("b@example.com", "Same"),
				user("c@example.com", "Same"));
		user("d@example.com", "Other");
		Row first = model("user").findFirst((q) -> q.where("name", "Same")).orElseThrow();
		assertThat(first.getString("id")).isEqualTo(smallestId(same));
	}

	@Test
	void findFirstIsEmptyWhenNothingMatches() {
		user("a@example.com", "A");
		assertThat(model("user").findFirst((q) -> q.where("name", "Nobody"))).isEmpty();
	}

	@Test
	void findFirstRespectsSkip() {
		user("a@example.com", "alice");
		user("b@example.com", "bob");
		user("c@example.com", "carol");
		assertThat(model("user").findFirst((q) -> q.orderBy("name").skip(1)).orElseThrow().getString("name"))
			.isEqualTo("bob");
		assertThat(model("user").findFirst((q) -> q.orderBy("name").skip(3))).isEmpty();
	}

	@Test
	void findOneReturnsTheFirstMatchInTheQueryOrder() {
		user("email", "a@example.com", "name", "alice", "age", 30);
		user("email", "b@example.com", "name", "bob", "age", 20);
		user("email", "c@example.com", "name", "carol", "age", 40);
		Row youngest = model("user").findOne((q) -> q.where("age", Where.gte(20)).orderBy("age")).orElseThrow();
		assertThat(youngest.getString("name")).isEqualTo("bob");
		Row second = model("user").findOne((q) -> q.orderBy("age").skip(1)).orElseThrow();
		assertThat(second.getString("name")).isEqualTo("alice");
	}

	@Test
	void findOneIsEmptyWhenNothingMatches() {
		user("a@example.com", "A");
		assertThat(model("user").findOne((q) -> q.where("email", "nobody@example.com"))).isEmpty();
		assertThat(model("user").findOne((q) -> q.skip(1))).isEmpty();
	}

	@Test
	void countWithoutWhereCountsEveryRow() {
		assertThat(model("user").count()).isZero();
		user("a@example.com", "A");
		user("b@example.com", "B");
		user("c@example.com", "C");
		assertThat(model("user").count()).isEqualTo(3);
		assertThat(model("post").count()).isZero();
	}

	@Test
	void countWithWhereCountsOnlyTheMatches() {
		user("a@example.com", "Same");
		user("b@example.com", "Same");
		user("c@example.com", "Other");
		assertThat(model("user").count((q) -> q.where("name", "Same"))).isEqualTo(2);
		assertThat(model("user").count((q) -> q.where("name", "Nobody"))).isZero();
		assertThat(model("user").count((q) -> q.where("name", "Same").where("email", "b@example.com"))).isEqualTo(1);
	}

	@Test
	void createManyReturnsTheRowsAsStoredInTheGivenOrder() {
		List<Row> created = model("user").createMany(List.of(
				Data.of("email", "c@example.com", "name", "C", "age", 3),
				Data.of("email", "a@example.com", "name", "A", "role", "admin"),
				Data.of("email", "b@example.com", "name", "B", "nickname", "bee")));
		assertThat(created).extracting((row) -> row.getString("email"))
			.containsExactly("c@example.com", "a@example.com", "b@example.com");
		assertThat(created).allSatisfy((row) -> {
			assertThat(row.getString("id")).isNotBlank();
			assertThat(row.names()).containsExactlyElementsOf(TckSchema.SCHEMA.model("user").fieldNames());
		});
		assertThat(created.get(0).getLong("age")).isEqualTo(3L);
		assertThat(created.get(0).getString("role")).isEqualTo("member");
		assertThat(created.get(1).getString("role")).isEqualTo("admin");
		assertThat(created.get(2).getString("nickname")).isEqualTo("bee");
		assertThat(created).extracting((row) -> row.getString("id")).doesNotHaveDuplicates();
		for (Row row : created) {
			assertThat(model("user").findUnique((q) -> q.where("id", row.get("id")))).contains(row);
		}
		assertThat(model("user").count()).isEqualTo(3);
	}

	@Test
	void createManyWithAnEmptyListReturnsAnEmptyList() {
		assertThat(model("user").createMany(List.of())).isEmpty();
		assertThat(model("user").count()).isZero();
	}

	@Test
	void updateActsOnTheFirstMatchInIdOrderWhenTheWhereIsNotUnique() {
		List<Row> same = List.of(user("a@example.com", "Same"), user("b@example.com", "Same"),
				user("c@example.com", "Same"));
		Row updated = model("user").update((u) -> u.where("name", "Same").set("nickname", "first")).orElseThrow();
		assertThat(updated.getString("id")).isEqualTo(smallestId(same));
		assertThat(updated.getString("nickname")).isEqualTo("first");
		assertThat(model("user").findMany((q) -> q.where("nickname", "first")))
			.extracting((row) -> row.getString("id"))
			.containsExactly(smallestId(same));
		assertThat(model("user").count((q) -> q.where("nickname", Where.isNull()))).isEqualTo(2);
	}

	@Test
	void updateWithNoMatchReturnsEmptyAndChangesNothing() {
		user("a@example.com", "A");
		user("b@example.com", "B");
		List<Row> before = model("user").findMany();
		assertThat(model("user").update((u) -> u.where("name", "Nobody").set("name", "Changed"))).isEmpty();
		assertThat(model("user").findMany()).isEqualTo(before);
	}

	@Test
	void updateWithEmptyDataReturnsTheFirstMatchUnchanged() {
		List<Row> same = List.of(user("a@example.com", "Same"), user("b@example.com", "Same"));
		List<Row> before = model("user").findMany();
		Optional<Row> result = model("user").update((u) -> u.where("name", "Same").data(Map.of()));
		Row expected = same.stream().filter((row) -> row.getString("id").equals(smallestId(same))).findFirst()
			.orElseThrow();
		assertThat(result).contains(expected);
		assertThat(model("user").findMany()).isEqualTo(before);
		assertThat(model("user").update((u) -> u.where("name", "Nobody").data(Map.of()))).isEmpty();
	}

	@Test
	void updateManyReturnsTheNumberOfMatchesAndChangesEveryOne() {
		user("a@example.com", "Same");
		user("b@example.com", "Same");
		Row other = user("c@example.com", "Other");
		assertThat(model("user").updateMany((u) -> u.where("name", "Same").set("role", "guest", "age", 7)))
			.isEqualTo(2);
		List<Row> changed = model("user").findMany((q) -> q.where("name", "Same"));
		assertThat(changed).hasSize(2).allSatisfy((row) -> {
			assertThat(row.getString("role")).isEqualTo("guest");
			assertThat(row.getLong("age")).isEqualTo(7L);
		});
		assertThat(model("user").findUnique((q) -> q.where("id", other.get("id")))).contains(other);
		assertThat(model("user").updateMany((u) -> u.where("name", "Nobody").set("role", "admin"))).isZero();
		assertThat(model("user").updateMany((u) -> u.where(Where.all()).set("active", false))).isEqualTo(3);
		assertThat(model("user").count((q) -> q.where("active", false))).isEqualTo(3);
	}

	@Test
	void updateManyWithEmptyDataChangesNothingAndReturnsTheNumberOfMatches() {
		user("a@example.com", "Same");
		user("b@example.com", "Same");
		user("c@example.com", "Other");
		List<Row> before = model("user").findMany();
		assertThat(model("user").updateMany((u) -> u.where("name", "Same").data(Map.of()))).isEqualTo(2);
		assertThat(model("user").updateMany((u) -> u.where("name", "Nobody").data(Map.of()))).isZero();
		assertThat(model("user").findMany()).isEqualTo(before);
	}

	@Test
	void deleteReturnsTheDeletedRowFirstInIdOrder() {
		List<Row> same = List.of(user("a@example.com", "Same"), user("b@example.com", "Same"),
				user("c@example.com", "Same"));
		String firstId = smallestId(same);
		Row deleted = model("user").delete((q) -> q.where("name", "Same")).orElseThrow();
		assertThat(deleted).isEqualTo(same.stream().filter((row) -> row.getString("id").equals(firstId)).findFirst()
			.orElseThrow());
		assertThat(model("user").findMany()).extracting((row) -> row.getString("id"))
			.hasSize(2)
			.doesNotContain(firstId);
	}

	@Test
	void deleteWithNoMatchReturnsEmptyAndDeletesNothing() {
		user("a@example.com", "A");
		assertThat(model("user").delete((q) -> q.where("name", "Nobody"))).isEmpty();
		assertThat(model("user").count()).isEqualTo(1);
	}

	@Test
	void createAcceptsARecord() {
		Row created = model("user").create(new NewUser("rec@example.com", "Record", "admin", 41));
		assertThat(created.getString("email")).isEqualTo("rec@example.com");
		assertThat(created.getString("name")).isEqualTo("Record");
		assertThat(created.getString("role")).isEqualTo("admin");
		assertThat(created.getLong("age")).isEqualTo(41L);
		assertThat(created.getBoolean("active")).isTrue();
		assertThat(model("user").findUnique((q) -> q.where("email", "rec@example.com"))).contains(created);
	}

	@Test
	void createFromARecordUsesDefaultsForNullComponentsOfNonNullableFields() {
		Row created = model("user").create(new NewUser("rec@example.com", "Record", null, null));
		assertThat(created.getString("role")).as("null on a non-nullable field with a default").isEqualTo("member");
		assertThat(created.get("age")).isNull();
	}

	@Test
	void createAcceptsAPojoWithGetters() {
		NewUserBean bean = new NewUserBean();
		bean.setEmail("bean@example.com");
		bean.setName("Bean");
		bean.setActive(false);
		bean.setBalance(new BigDecimal("3.10"));
		Row created = model("user").create(bean);
		assertThat(created.getString("email")).isEqualTo("bean@example.com");
		assertThat(created.getString("name")).isEqualTo("Bean");
		assertThat(created.getBoolean("active")).isFalse();
		assertThat(created.getDecimal("balance")).isEqualTo(new BigDecimal("3.10"));
		assertThat(model("user").findUnique((q) -> q.where("email", "bean@example.com"))).contains(created);
	}

	@Test
	void typedModelMapsResultsToARecord() {
		Instant createdAt = Instant.parse("2024-05-06T07:08:09Z");
		JsonNode preferences = JsonValues.parse("{\"theme\":\"dark\",\"tags\":[\"a\",\"b\"],\"size\":3}");
		ModelClient<UserView> users = orm.model("user", UserView.class);
		UserView created = users.create(Data.of("email", "typed@example.com", "name", "Typed", "nickname", "ty",
				"age", 33, "balance", new BigDecimal("12.50"), "score", new BigInteger("9007199254740993"),
				"preferences", preferences, "createdAt", createdAt));
		assertThat(created.id()).isNotBlank();
		assertThat(created.email()).isEqualTo("typed@example.com");
		assertThat(created.nickname()).isEqualTo("ty");
		assertThat(created.active()).isTrue();
		assertThat(created.role()).isEqualTo("member");
		assertThat(created.age()).isEqualTo(33L);
		assertThat(created.balance()).isEqualByComparingTo("12.50");
		assertThat(created.balance().scale()).isEqualTo(2);
		assertThat(created.score()).isEqualTo(new BigInteger("9007199254740993"));
		assertThat(created.preferences()).isEqualTo(preferences);
		assertThat(created.createdAt()).isEqualTo(createdAt);
		assertThat(users.findUnique((q) -> q.where("id", created.id()))).contains(created);
		assertThat(users.findMany()).containsExactly(created);
	}

	@Test
	void typedModelMapsJsonToAMapAndNullsToNull() {
		model("user").create(Data.of("email", "a@example.com", "name", "A", "preferences",
				Map.of("theme", "dark", "size", 3)));
		model("user").create(Data.of("email", "b@example.com", "name", "B"));
		List<UserPreferences> read = orm.model("user", UserPreferences.class)
			.findMany((q) -> q.orderBy("email").select("email", "preferences", "balance"));
		assertThat(read).hasSize(2);
		assertThat(read.get(0).email()).isEqualTo("a@example.com");
		assertThat(read.get(0).preferences()).containsOnly(Map.entry("theme", "dark"), Map.entry("size", 3));
		assertThat(read.get(1).preferences()).isNull();
		assertThat(read.get(1).balance()).isNull();
	}

	@Test
	void typedModelReturnsRecordsFromUpdateAndDelete() {
		Row ada = user("ada@example.com", "Ada");
		ModelClient<UserView> users = orm.model("user", UserView.class);
		UserView updated = users.update((u) -> u.where("id", ada.get("id")).set("balance", new BigDecimal("0.10")))
			.orElseThrow();
		assertThat(updated.balance()).isEqualTo(new BigDecimal("0.10"));
		assertThat(users.delete((q) -> q.where("id", ada.get("id")))).contains(updated);
		assertThat(users.count()).isZero();
	}

	@Test
	void rowsHoldOnlyTheSelectedFields() {
		user("email", "a@example.com", "name", "A", "age", 5);
		Row row = model("user").findFirst((q) -> q.select("id", "email")).orElseThrow();
		assertThat(row.names()).containsExactly("id", "email");
		assertThat(row.has("name")).isFalse();
		assertThat(model("user").findMany((q) -> q.select("age", "email")))
			.singleElement()
			.satisfies((only) -> {
				assertThat(only.names()).containsExactly("age", "email");
				assertThat(only.getLong("age")).isEqualTo(5L);
			});
	}

	@Test
	void selectOfAnUnknownFieldIsAValidationError() {
		user("a@example.com", "A");
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findMany((q) -> q.select("id", "nope")));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user").findFirst((q) -> q.select("nick_name")));
	}

	private static String smallestId(List<Row> rows) {
		return rows.stream().map((row) -> row.getString("id")).min(Comparator.naturalOrder()).orElseThrow();
	}

	/** Write data for a user as a record. */
	public record NewUser(String email, String name, String role, Integer age) {
	}

	/** A user as a framework would read it. */
	public record UserView(String id, String email, String name, String nickname, boolean active, String role,
			Long age, BigDecimal balance, BigInteger score, JsonNode preferences, Instant createdAt) {
	}

	/** A projection with the JSON field as a map. */
	public record UserPreferences(String email, Map<String, Object> preferences, BigDecimal balance) {
	}

	/** Write data for a user as a POJO with getters. */
	@Test
	void writesReturnRowsShapedByTheirSelect() {
		Row created = model("user").create(Data.of("email", "sel@example.com", "name", "Sel", "age", 30),
				(s) -> s.select("id", "email"));
		assertThat(created.names()).containsExactly("id", "email");
		assertThat(created.getString("email")).isEqualTo("sel@example.com");
		Row shaped = model("user").create((c) -> c.data(Data.of("email", "shape@example.com", "name", "Shape"))
			.select("name", "posts"));
		assertThat(shaped.asMap()).isEqualTo(Map.of("name", "Shape", "posts", List.of()));
		model("user").delete((q) -> q.where("email", "shape@example.com"));
		String id = created.getString("id");
		post(Row.of(Map.of("id", id)), "first");
		post(Row.of(Map.of("id", id)), "second");

		Row updated = model("user").update((u) -> u.where("id", id).set("name", "Selected")
			.select("name", "posts")).orElseThrow();
		assertThat(updated.names()).containsExactly("name", "posts");
		assertThat(updated.getString("name")).isEqualTo("Selected");
		assertThat(updated.getRows("posts")).extracting((post) -> post.getString("slug"))
			.containsExactlyInAnyOrder("first", "second");

		Row narrowedRelation = model("user").update((u) -> u.where("email", "sel@example.com").set("age", 31)
			.select("posts", (q) -> q.select("slug").where("slug", "second"))).orElseThrow();
		assertThat(narrowedRelation.names()).containsExactly("posts");
		assertThat(narrowedRelation.getRows("posts")).extracting((post) -> post.names())
			.containsExactly(java.util.Set.of("slug"));

		Row included = model("user").update((u) -> u.where("id", id).set("age", 32).include("posts")).orElseThrow();
		assertThat(included.getLong("age")).isEqualTo(32L);
		assertThat(included.getString("email")).isEqualTo("sel@example.com");
		assertThat(included.getRows("posts")).hasSize(2);

		if (this.caps.upsert() != dev.farminglabs.orm.capability.UpsertSupport.NONE) {
			Row upserted = model("user").upsert((u) -> u.where("email", "sel@example.com")
				.create(Data.of("name", "Never"))
				.update(Data.of("name", "Upserted"))
				.select("name"));
			assertThat(upserted.names()).containsExactly("name");
			assertThat(upserted.getString("name")).isEqualTo("Upserted");
			Row createdByUpsert = model("user").upsert((u) -> u.where("email", "new@example.com")
				.create(Data.of("name", "New"))
				.update(Data.of("name", "Never"))
				.select("email", "posts"));
			assertThat(createdByUpsert.names()).containsExactly("email", "posts");
			assertThat(createdByUpsert.getRows("posts")).isEmpty();
		}

		model("user").update((u) -> u.where("id", id).set("name", "Selected"));
		model("post").deleteMany((q) -> q.where("authorId", id));
		Row deleted = model("user").delete((q) -> q.where("id", id), (s) -> s.select("email", "name")).orElseThrow();
		assertThat(deleted.asMap()).isEqualTo(Map.of("email", "sel@example.com", "name", "Selected"));
		assertThat(model("user").findUnique((q) -> q.where("id", id))).isEmpty();
	}

	@Test
	void aSelectNamingNoFieldOrRelationIsRefusedBeforeTheWrite() {
		assertOrmError(OrmErrorCode.VALIDATION_ERROR, () -> model("user")
			.create(Data.of("email", "bad@example.com", "name", "Bad"), (s) -> s.select("nope")));
		assertThat(model("user").count()).isZero();
		Row user = user("ok@example.com", "Ok");
		assertOrmError(OrmErrorCode.VALIDATION_ERROR,
				() -> model("user").update((u) -> u.where("id", user.get("id")).set("name", "Changed").select("nope")));
		assertOrmError(OrmErrorCode.VALIDATION_ERROR,
				() -> model("user").delete((q) -> q.where("id", user.get("id")), (s) -> s.select("nope")));
		assertThat(model("user").findMany()).extracting((row) -> row.getString("name")).containsExactly("Ok");
	}

	public static class NewUserBean {

		private String email;

		private String name;

		private boolean active;

		private BigDecimal balance;

		public String getEmail() {
			return this.email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public boolean isActive() {
			return this.active;
		}

		public void setActive(boolean active) {
			this.active = active;
		}

		public BigDecimal getBalance() {
			return this.balance;
		}

		public void setBalance(BigDecimal balance) {
			this.balance = balance;
		}

	}

}
