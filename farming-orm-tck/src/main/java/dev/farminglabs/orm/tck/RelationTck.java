package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.VALIDATION_ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.capability.NumericIds;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.query.Where;
import org.junit.jupiter.api.Test;

/**
 * Relations in select: belongs-to, has-one, has-many and many-to-many, each with its own where, order and paging
 * applied per parent; nesting; and result rows that hold exactly what was selected.
 */
public abstract class RelationTck extends TckSupport {

	private long lastTagId;

	protected RelationTck(TckBackend backend) {
		super(backend);
	}

	@Test
	void belongsToLoadsTheAuthorOfEachPost() {
		Row ada = user("ada@example.com", "Ada");
		Row bob = user("bob@example.com", "Bob");
		post(ada, "a1");
		post(bob, "b1");
		post(ada, "a2");
		List<Row> posts = model("post").findMany((q) -> q.orderBy("slug").include("author"));
		assertThat(posts).extracting((p) -> p.getString("slug")).containsExactly("a1", "a2", "b1");
		assertThat(posts).extracting((p) -> p.getRow("author")).containsExactly(ada, ada, bob);
	}

	@Test
	void belongsToLoadsTheUserOfAProfileWithItsNestedSelect() {
		Row ada = user("ada@example.com", "Ada");
		model("profile").create(Data.of("userId", ada.get("id"), "bio", "Mathematician"));
		Row profile = model("profile")
			.findFirst((q) -> q.select("bio").select("user", (u) -> u.select("email")))
			.orElseThrow();
		assertThat(profile.names()).containsExactly("bio", "user");
		assertThat(profile.getRow("user").asMap()).isEqualTo(Map.of("email", "ada@example.com"));
	}

	@Test
	void hasOneLoadsTheProfileOrNullWhenThereIsNone() {
		Row ada = user("ada@example.com", "Ada");
		Row bob = user("bob@example.com", "Bob");
		Row profile = model("profile").create(Data.of("userId", bob.get("id"), "theme", "dark"));
		List<Row> users = model("user").findMany((q) -> q.orderBy("email").include("profile"));
		assertThat(users).extracting((u) -> u.getString("email"))
			.containsExactly(ada.getString("email"), bob.getString("email"));
		assertThat(users.get(0).has("profile")).isTrue();
		assertThat(users.get(0).getRow("profile")).isNull();
		assertThat(users.get(1).getRow("profile")).isEqualTo(profile);
	}

	@Test
	void hasManyGivesEachParentItsOwnRowsAndAnEmptyListWhenNone() {
		Row ada = user("ada@example.com", "Ada");
		Row bob = user("bob@example.com", "Bob");
		Row carol = user("carol@example.com", "Carol");
		Row a1 = post(ada, "a1");
		Row b1 = post(bob, "b1");
		Row a2 = post(ada, "a2");
		List<Row> users = model("user").findMany((q) -> q.orderBy("email").include("posts"));
		assertThat(users.get(0).getRows("posts")).containsExactlyElementsOf(byId(a1, a2));
		assertThat(users.get(1).getRows("posts")).containsExactly(b1);
		assertThat(users.get(2).getString("id")).isEqualTo(carol.get("id"));
		assertThat(users.get(2).getRows("posts")).isEmpty();
	}

	@Test
	void hasManyAppliesNestedWhereOrderTakeAndSkipPerParent() {
		Row ada = user("ada@example.com", "Ada");
		Row bob = user("bob@example.com", "Bob");
		for (int views = 1; views <= 5; views++) {
			post(ada, "a" + views, "views", views * 10, "status", "published");
			post(bob, "b" + views, "views", views, "status", "published");
		}
		post(ada, "a-draft", "views", 1000);
		post(bob, "b-draft", "views", 1000);
		List<Row> users = model("user").findMany((q) -> q.orderBy("email")
			.select("email")
			.select("posts", (p) -> p.select("slug")
				.where("status", "published")
				.orderBy("views", SortDirection.DESC)
				.skip(1)
				.take(2)));
		assertThat(slugs(users.get(0))).containsExactly("a4", "a3");
		assertThat(slugs(users.get(1))).containsExactly("b4", "b3");
	}

	@Test
	void nestedTakeLimitsEachParentNotTheWholeRelation() {
		Row ada = user("ada@example.com", "Ada");
		Row bob = user("bob@example.com", "Bob");
		post(ada, "a1");
		post(ada, "a2");
		post(bob, "b1");
		post(bob, "b2");
		List<Row> users = model("user")
			.findMany((q) -> q.orderBy("email").include("posts", (p) -> p.orderBy("slug").take(1)));
		assertThat(slugs(users.get(0))).containsExactly("a1");
		assertThat(slugs(users.get(1))).containsExactly("b1");
	}

	@Test
	void nestedSkipBeyondAParentsRowsGivesThatParentAnEmptyList() {
		Row ada = user("ada@example.com", "Ada");
		Row bob = user("bob@example.com", "Bob");
		post(ada, "a1");
		post(ada, "a2");
		post(ada, "a3");
		post(bob, "b1");
		List<Row> users = model("user")
			.findMany((q) -> q.orderBy("email").include("posts", (p) -> p.orderBy("slug").skip(2)));
		assertThat(slugs(users.get(0))).containsExactly("a3");
		assertThat(slugs(users.get(1))).isEmpty();
	}

	@Test
	void hasManyWithoutNestedOrderIsInIdOrder() {
		Row ada = user("ada@example.com", "Ada");
		Row first = post(ada, "z-first");
		Row second = post(ada, "a-second");
		Row third = post(ada, "m-third");
		Row loaded = model("user").findUnique((q) -> q.where("id", ada.get("id")).include("posts")).orElseThrow();
		assertThat(loaded.getRows("posts")).containsExactlyElementsOf(byId(first, second, third));
	}

	@Test
	void manyToManyLoadsTagsThroughTheJoinModelInTheNestedOrder() {
		Row ada = user("ada@example.com", "Ada");
		Row first = post(ada, "first");
		Row second = post(ada, "second");
		Row java = tag("java");
		Row orm = tag("orm");
		Row spring = tag("spring");
		link(first, orm);
		link(first, java);
		link(first, spring);
		link(second, spring);
		List<Row> posts = model("post").findMany((q) -> q.orderBy("slug")
			.select("slug")
			.select("tags", (t) -> t.orderBy("label", SortDirection.DESC)));
		assertThat(posts.get(0).getRows("tags")).containsExactly(spring, orm, java);
		assertThat(posts.get(1).getRows("tags")).containsExactly(spring);
	}

	@Test
	void manyToManyAppliesNestedWhereAndTakePerParent() {
		Row ada = user("ada@example.com", "Ada");
		Row first = post(ada, "first");
		Row second = post(ada, "second");
		Row third = post(ada, "third");
		for (String label : List.of("a", "b", "c", "d")) {
			Row tag = tag(label);
			link(first, tag);
			if (!label.equals("a")) {
				link(second, tag);
			}
		}
		List<Row> posts = model("post").findMany((q) -> q.orderBy("slug")
			.include("tags", (t) -> t.select("label").where("label", Where.not("c")).orderBy("label").take(2)));
		assertThat(labels(posts.get(0))).containsExactly("a", "b");
		assertThat(labels(posts.get(1))).containsExactly("b", "d");
		assertThat(posts.get(2).getString("id")).isEqualTo(third.get("id"));
		assertThat(labels(posts.get(2))).isEmpty();
	}

	@Test
	void manyToManyLoadsFromTheOtherSide() {
		Row ada = user("ada@example.com", "Ada");
		Row first = post(ada, "first");
		Row second = post(ada, "second");
		Row shared = tag("shared");
		tag("lonely");
		Row only = tag("only");
		link(second, shared);
		link(first, shared);
		link(first, only);
		List<Row> tags = model("tag")
			.findMany((q) -> q.orderBy("label").select("label").select("posts", (p) -> p.select("slug").orderBy("slug")));
		assertThat(tags).extracting((t) -> t.getString("label")).containsExactly("lonely", "only", "shared");
		assertThat(tags.get(0).getRows("posts")).isEmpty();
		assertThat(slugs(tags.get(1))).containsExactly("first");
		assertThat(slugs(tags.get(2))).containsExactly("first", "second");
	}

	@Test
	void relationsNestTwoLevelsDeep() {
		Row ada = user("ada@example.com", "Ada");
		Row bob = user("bob@example.com", "Bob");
		Row a1 = post(ada, "a1");
		post(ada, "a2");
		Row b1 = post(bob, "b1");
		Row java = tag("java");
		Row orm = tag("orm");
		link(a1, orm);
		link(a1, java);
		link(b1, orm);
		List<Row> users = model("user").findMany((q) -> q.orderBy("email")
			.select("email")
			.select("posts", (p) -> p.select("slug")
				.orderBy("slug")
				.select("tags", (t) -> t.select("label").orderBy("label"))));
		List<Row> adaPosts = users.get(0).getRows("posts");
		assertThat(adaPosts).extracting((p) -> p.getString("slug")).containsExactly("a1", "a2");
		assertThat(labels(adaPosts.get(0))).containsExactly("java", "orm");
		assertThat(labels(adaPosts.get(1))).isEmpty();
		assertThat(adaPosts.get(1).names()).containsExactly("slug", "tags");
		List<Row> bobPosts = users.get(1).getRows("posts");
		assertThat(bobPosts).extracting((p) -> p.getString("slug")).containsExactly("b1");
		assertThat(labels(bobPosts.get(0))).containsExactly("orm");
	}

	@Test
	void selectingFieldsAndARelationReturnsExactlyThoseWithoutInternalKeys() {
		Row ada = user("ada@example.com", "Ada");
		post(ada, "a1", "title", "First");
		post(ada, "a2", "title", "Second");
		List<Row> users = model("user")
			.findMany((q) -> q.select("email").select("posts", (p) -> p.select("title").orderBy("title")));
		assertThat(users).hasSize(1);
		Row loaded = users.get(0);
		assertThat(loaded.names()).containsExactly("email", "posts");
		assertThat(loaded.getString("email")).isEqualTo("ada@example.com");
		assertThat(loaded.getRows("posts")).extracting(Row::asMap)
			.containsExactly(Map.of("title", "First"), Map.of("title", "Second"));
	}

	@Test
	void selectingOnlyARelationReturnsRowsHoldingOnlyTheRelation() {
		Row ada = user("ada@example.com", "Ada");
		Row a1 = post(ada, "a1");
		List<Row> users = model("user").findMany((q) -> q.select("posts", (p) -> {
		}));
		assertThat(users).hasSize(1);
		assertThat(users.get(0).names()).containsExactly("posts");
		assertThat(users.get(0).getRows("posts")).containsExactly(a1);
	}

	@Test
	void selectingARelationByNameLoadsItWithEveryField() {
		Row ada = user("ada@example.com", "Ada");
		Row a1 = post(ada, "a1");
		Row loaded = model("user").findFirst((q) -> q.select("name", "posts")).orElseThrow();
		assertThat(loaded.names()).containsExactly("name", "posts");
		assertThat(loaded.getRows("posts")).containsExactly(a1);
	}

	@Test
	void includeKeepsEveryFieldOfTheParent() {
		Row ada = user("ada@example.com", "Ada");
		Row a1 = post(ada, "a1");
		Row loaded = model("user").findFirst((q) -> q.include("posts")).orElseThrow();
		assertThat(loaded.names()).containsExactlyElementsOf(
				concat(TckSchema.SCHEMA.model("user").fieldNames(), "posts"));
		for (String field : TckSchema.SCHEMA.model("user").fieldNames()) {
			assertThat(loaded.get(field)).as(field).isEqualTo(ada.get(field));
		}
		assertThat(loaded.getRows("posts")).containsExactly(a1);
	}

	@Test
	void relationsLoadOnFindUniqueFindFirstAndFindMany() {
		Row ada = user("ada@example.com", "Ada");
		Row a1 = post(ada, "a1");
		Row profile = model("profile").create(Data.of("userId", ada.get("id")));
		Row unique = model("user")
			.findUnique((q) -> q.where("email", "ada@example.com").include("posts").include("profile"))
			.orElseThrow();
		Row first = model("user").findFirst((q) -> q.where("name", "Ada").include("posts").include("profile"))
			.orElseThrow();
		List<Row> many = model("user").findMany((q) -> q.include("posts").include("profile"));
		for (Row loaded : List.of(unique, first, many.get(0))) {
			assertThat(loaded.getRows("posts")).containsExactly(a1);
			assertThat(loaded.getRow("profile")).isEqualTo(profile);
		}
		assertThat(many).hasSize(1);
	}

	@Test
	void relationsAreLoadedForThePagedParentsOnly() {
		Row ada = user("ada@example.com", "Ada");
		Row bob = user("bob@example.com", "Bob");
		Row carol = user("carol@example.com", "Carol");
		post(ada, "a1");
		Row b1 = post(bob, "b1");
		post(carol, "c1");
		List<Row> users = model("user")
			.findMany((q) -> q.orderBy("email").skip(1).take(1).select("email").select("posts", (p) -> {
			}));
		assertThat(users).hasSize(1);
		assertThat(users.get(0).getString("email")).isEqualTo("bob@example.com");
		assertThat(users.get(0).getRows("posts")).containsExactly(b1);
	}

	@Test
	void selectingAnUnknownRelationIsAValidationError() {
		user("ada@example.com", "Ada");
		assertOrmError(VALIDATION_ERROR, () -> model("user").findMany((q) -> q.select("comments", (c) -> {
		})));
		assertOrmError(VALIDATION_ERROR, () -> model("user").findFirst((q) -> q.include("comments")));
		assertOrmError(VALIDATION_ERROR, () -> model("user").findMany((q) -> q.select("email", "comments")));
	}

	@Test
	void unknownFieldsInsideARelationSelectAreValidationErrorsEvenWithoutRows() {
		assertOrmError(VALIDATION_ERROR,
				() -> model("user").findMany((q) -> q.select("posts", (p) -> p.select("nonexistent"))));
		assertOrmError(VALIDATION_ERROR,
				() -> model("post").findMany((q) -> q.include("tags", (t) -> t.where("nonexistent", 1))));
		user("ada@example.com", "Ada");
		assertOrmError(VALIDATION_ERROR,
				() -> model("user").findMany((q) -> q.include("posts", (p) -> p.orderBy("nonexistent"))));
	}

	private Row tag(String label) {
		Map<String, Object> data = Data.of("label", label);
		if (this.caps.numericIds() != NumericIds.GENERATED) {
			// Tags have an incrementing id; a backend that cannot generate one gets it from the test.
			data.put("id", ++this.lastTagId);
		}
		return model("tag").create(data);
	}

	private void link(Row post, Row tag) {
		model("postTag").create(Data.of("postId", post.get("id"), "tagId", tag.get("id")));
	}

	private static List<String> slugs(Row parent) {
		return parent.getRows("posts").stream().map((p) -> p.getString("slug")).toList();
	}

	private static List<String> labels(Row parent) {
		return parent.getRows("tags").stream().map((t) -> t.getString("label")).toList();
	}

	private static List<Row> byId(Row... rows) {
		return List.of(rows).stream().sorted((a, b) -> a.getString("id").compareTo(b.getString("id"))).toList();
	}

	private static List<String> concat(List<String> names, String extra) {
		List<String> all = new ArrayList<>(names);
		all.add(extra);
		return all;
	}

}
