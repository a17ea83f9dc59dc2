package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.MISSING_TABLE;
import static dev.farminglabs.orm.error.OrmErrorCode.VALIDATION_ERROR;
import static dev.farminglabs.orm.query.Where.contains;
import static dev.farminglabs.orm.query.Where.gt;
import static dev.farminglabs.orm.query.Where.lte;
import static dev.farminglabs.orm.query.Where.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.codec.UuidV7;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.Where;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind is a {@code VALIDATION_ERROR} raised before the backend: it names the model and, where
 * there is one, the field, and it leaves the stored data as it was.
 */
public abstract class ValidationTck extends TckSupport {

	protected ValidationTck(TckBackend backend) {
		super(backend);
	}

	/**
	 * Asserts the call fails with {@code VALIDATION_ERROR} naming the model and field, and that the model's rows are
	 * the same afterwards.
	 */
	private OrmException assertRejected(String model, @Nullable String field, ThrowingCallable call) {
		List<Row> before = model(model).findMany();
		OrmException error = assertOrmError(VALIDATION_ERROR, call);
		assertThat(error.model()).as("model of: %s", error.getMessage()).isEqualTo(model);
		if (field != null) {
			assertThat(error.target()).as("target of: %s", error.getMessage()).contains(field);
			assertThat(error.getMessage()).contains(field);
		}
		assertThat(model(model).findMany()).as("rows after a rejected call").isEqualTo(before);
		return error;
	}

	/** Creating a user with these values on top of a valid email and name is rejected for the field. */
	private OrmException assertCreateRejected(String field, @Nullable Object value) {
		user("seed@example.com", "Seed");
		Map<String, Object> data = Data.of("email", "new@example.com", "name", "New");
		data.put(field, value);
		return assertRejected("user", field, () -> model("user").create(data));
	}

	@Test
	void anUnknownModelIsRejectedNamingTheModelsThereAre() {
		OrmException error = assertOrmError(VALIDATION_ERROR, () -> this.orm.model("nope"));
		assertThat(error.model()).isEqualTo("nope");
		assertThat(error.getMessage()).contains("nope").contains("cacheEntry").contains("user");
	}

	@Test
	void anUnknownFieldInCreateDataIsRejected() {
		assertCreateRejected("nope", "x");
	}

	@Test
	void anUnknownFieldInUpdateDataIsRejected() {
		Row ada = user("ada@example.com", "Ada");
		assertRejected("user", "nope",
				() -> model("user").update((u) -> u.where("id", ada.get("id")).set("name", "Changed", "nope", 1)));
	}

	@Test
	void anUnknownFieldInAWhereIsRejected() {
		user("ada@example.com", "Ada");
		assertRejected("user", "nope", () -> model("user").findMany((q) -> q.where("nope", 1)));
		assertRejected("user", "nope", () -> model("user").deleteMany((q) -> q.where("nope", 1)));
		assertRejected("user", "nope", () -> model("user").count((q) -> q.where(Where.fromMap(Map.of("nope", 1)))));
	}

	@Test
	void anUnknownFieldInASelectIsRejected() {
		user("ada@example.com", "Ada");
		assertRejected("user", "nope", () -> model("user").findMany((q) -> q.select("id", "nope")));
	}

	@Test
	void anUnknownFieldInAnOrderByIsRejected() {
		user("ada@example.com", "Ada");
		assertRejected("user", "nope", () -> model("user").findMany((q) -> q.orderBy("nope")));
	}

	@Test
	void aRelationNameInWriteDataIsRejected() {
		OrmException error = assertCreateRejected("posts", List.of(Map.of("title", "T", "slug", "t")));
		assertThat(error.getMessage()).contains("relation");
		Row ada = model("user").findMany().get(0);
		assertRejected("profile", "user",
				() -> model("profile").create(Data.of("userId", ada.getString("id"), "user", Map.of("id", "x"))));
	}

	@Test
	void aStringFieldRejectsAnInteger() {
		assertCreateRejected("name", 42);
	}

	@Test
	void aBoolFieldRejectsAString() {
		assertCreateRejected("active", "true");
	}

	@Test
	void aDatetimeFieldRejectsAString() {
		assertCreateRejected("createdAt", "2024-01-01");
	}

	@Test
	void aDatetimeFieldRejectsALocalDateTimeWhichHasNoZone() {
		assertCreateRejected("createdAt", LocalDateTime.of(2024, 1, 1, 12, 0));
	}

	@Test
	void anIntegerFieldRejectsADouble() {
		assertCreateRejected("age", 1.5d);
	}

	@Test
	void aBigintFieldRejectsAString() {
		assertCreateRejected("score", "1");
	}

	@Test
	void aDecimalFieldRejectsADouble() {
		OrmException error = assertCreateRejected("balance", 12.5d);
		assertThat(model("user").create(Data.of("email", "ok@example.com", "name", "Ok", "balance",
				new BigDecimal("12.50"))).getDecimal("balance")).isEqualTo(new BigDecimal("12.50"));
		assertThat(error.getMessage()).contains("BigDecimal");
	}

	@Test
	void anEnumFieldRejectsAValueOutsideItsList() {
		OrmException error = assertCreateRejected("role", "other");
		assertThat(error.getMessage()).contains("admin", "member", "guest");
	}

	@Test
	void anIdFieldRejectsAnEmptyString() {
		assertCreateRejected("id", "");
	}

	@Test
	void aWhereValueOfTheWrongTypeIsRejected() {
		user("email", "ada@example.com", "name", "Ada", "age", 36);
		assertRejected("user", "age", () -> model("user").findMany((q) -> q.where("age", "thirty-six")));
		assertRejected("user", "role",
				() -> model("user").updateMany((u) -> u.where("role", "owner").set("name", "X")));
	}

	@Test
	void nullForANonNullableFieldIsRejectedOnCreate() {
		assertCreateRejected("name", null);
	}

	@Test
	void nullForANonNullableFieldIsRejectedOnUpdate() {
		Row ada = user("ada@example.com", "Ada");
		assertRejected("user", "name",
				() -> model("user").update((u) -> u.where("id", ada.get("id")).set("name", null)));
		assertRejected("user", "email", () -> model("user").updateMany((u) -> u.where(Where.all()).set("email", null)));
	}

	@Test
	void aCreateMissingRequiredFieldsListsThemAll() {
		user("seed@example.com", "Seed");
		OrmException user = assertRejected("user", "name",
				() -> model("user").create(Data.of("email", "new@example.com")));
		assertThat(user.target()).containsExactly("name");
		OrmException sample = assertRejected("sample", "flag", () -> model("sample").create(Data.of("text", "t")));
		assertThat(sample.target()).containsExactlyInAnyOrder("flag", "at", "count", "big", "amount", "payload");
	}

	@Test
	void anEnumValueOutsideItsListIsRejectedOnUpdate() {
		Row ada = user("ada@example.com", "Ada");
		assertRejected("user", "role",
				() -> model("user").update((u) -> u.where("id", ada.get("id")).set("role", "owner")));
		assertThat(model("user").update((u) -> u.where("id", ada.get("id")).set("role", "admin")).orElseThrow()
			.getString("role")).isEqualTo("admin");
	}

	@Test
	void aStringLongerThanItsMaxLengthIsRejected() {
		String local = "a".repeat(188);
		assertThat(user(local + "@example.com", "At the limit").getString("email")).hasSize(200);
		assertRejected("user", "email", () -> user(local + "x@example.com", "One over"));
		model("billingAccount").create(Data.of("ownerId", "o1", "currency", "EUR"));
		assertRejected("billingAccount", "currency",
				() -> model("billingAccount").create(Data.of("ownerId", "o2", "currency", "EURO")));
		assertRejected("billingAccount", "currency",
				() -> model("billingAccount").updateMany((u) -> u.where(Where.all()).set("currency", "EURO")));
	}

	@Test
	void theIdCannotBeUpdated() {
		Row ada = user("ada@example.com", "Ada");
		assertRejected("user", "id",
				() -> model("user").update((u) -> u.where("id", ada.get("id")).set("id", UuidV7.next())));
	}

	@Test
	void updateAndUpdateManyWithoutAWhereAreRejectedPointingAtWhereAll() {
		user("ada@example.com", "Ada");
		OrmException update = assertRejected("user", null, () -> model("user").update((u) -> u.set("name", "X")));
		assertThat(update.getMessage()).contains("Where.all()");
		OrmException updateMany = assertRejected("user", null,
				() -> model("user").updateMany((u) -> u.set("name", "X")));
		assertThat(updateMany.getMessage()).contains("Where.all()");
	}

	@Test
	void deleteAndDeleteManyWithoutAWhereAreRejectedPointingAtWhereAll() {
		user("ada@example.com", "Ada");
		OrmException delete = assertRejected("user", null, () -> model("user").delete((q) -> {
		}));
		assertThat(delete.getMessage()).contains("Where.all()");
		OrmException deleteMany = assertRejected("user", null, () -> model("user").deleteMany((q) -> {
		}));
		assertThat(deleteMany.getMessage()).contains("Where.all()");
	}

	@Test
	void anUpdateWithoutDataIsRejected() {
		Row ada = user("ada@example.com", "Ada");
		assertRejected("user", null, () -> model("user").update((u) -> u.where("id", ada.get("id"))));
		assertRejected("user", null, () -> model("user").updateMany((u) -> u.where(Where.all())));
	}

	@Test
	void aRangeOperatorOnABoolOrJsonFieldIsRejected() {
		user("email", "ada@example.com", "name", "Ada", "preferences", Map.of("theme", "dark"));
		assertRejected("user", "active", () -> model("user").findMany((q) -> q.where("active", gt(false))));
		assertRejected("user", "preferences", () -> model("user").findMany((q) -> q.where("preferences", lte(1))));
		assertRejected("user", "preferences", () -> model("user")
			.updateMany((u) -> u.where(Where.fromMap(Map.of("preferences", Map.of("gte", 1)))).set("name", "X")));
	}

	@Test
	void aTextOperatorOnANonStringFieldIsRejected() {
		user("email", "ada@example.com", "name", "Ada", "age", 36);
		assertRejected("user", "age", () -> model("user").findMany((q) -> q.where("age", contains("3"))));
		assertRejected("user", "createdAt",
				() -> model("user").findMany((q) -> q.where("createdAt", startsWith("20"))));
		assertRejected("user", "active", () -> model("user").deleteMany((q) -> q.where("active", Where.endsWith("e"))));
	}

	@Test
	void inAndNotInWithAValueThatIsNotAListAreRejected() {
		user("ada@example.com", "Ada");
		assertRejected("user", "role",
				() -> model("user").findMany((q) -> q.where(Where.fromMap(Map.of("role", Map.of("in", "admin"))))));
		assertRejected("user", "email", () -> model("user")
			.deleteMany((q) -> q.where(Where.fromMap(Map.of("email", Map.of("notIn", "ada@example.com"))))));
	}

	@Test
	void aNegativeTakeOrSkipIsRejected() {
		user("ada@example.com", "Ada");
		OrmException take = assertRejected("user", null, () -> model("user").findMany((q) -> q.take(-1)));
		assertThat(take.getMessage()).contains("take");
		OrmException skip = assertRejected("user", null, () -> model("user").findMany((q) -> q.skip(-1)));
		assertThat(skip.getMessage()).contains("skip");
	}

	@Test
	void createManyChecksEveryRowBeforeWritingAny() {
		user("seed@example.com", "Seed");
		List<Map<String, Object>> rows = List.of(Data.of("email", "a@example.com", "name", "A"),
				Data.of("email", "b@example.com", "name", "B"),
				Data.of("email", "c@example.com", "name", "C", "age", "3"));
		assertRejected("user", "age", () -> model("user").createMany(rows));
	}

	@Test
	void badDataIsRejectedEvenWhenNoRowMatches() {
		user("ada@example.com", "Ada");
		assertRejected("user", "age",
				() -> model("user").update((u) -> u.where("email", "nobody@example.com").set("age", 1.5d)));
		assertRejected("user", "active",
				() -> model("user").updateMany((u) -> u.where("name", "Nobody").set("active", 1)));
	}

	@Test
	void badInputIsRejectedBeforeReachingTheBackend() {
		// A client whose tables were never pushed: reaching the backend would fail with MISSING_TABLE instead.
		Object unpushed = backend().newRuntime();
		try {
			OrmClient client = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, unpushed);
			OrmException create = assertOrmError(VALIDATION_ERROR,
					() -> client.model("user").create(Data.of("email", "a@example.com", "name", 1)));
			assertThat(create.target()).containsExactly("name");
			OrmException read = assertOrmError(VALIDATION_ERROR,
					() -> client.model("user").findMany((q) -> q.where("createdAt", gt("yesterday"))));
			assertThat(read.target()).containsExactly("createdAt");
			assertOrmError(VALIDATION_ERROR, () -> client.model("user").deleteMany((q) -> {
			}));
			// The same calls with valid input do reach the backend, which has no table yet.
			assertOrmError(MISSING_TABLE,
					() -> client.model("user").create(Data.of("email", "a@example.com", "name", "A")));
			assertOrmError(MISSING_TABLE,
					() -> client.model("user").findMany((q) -> q.where("createdAt", gt(Instant.EPOCH))));
		}
		finally {
			backend().release(unpushed);
		}
	}

	@Test
	void decimalsAreTakenFromTheirExactTextAndDatetimesFromIso8601TextWithAnOffset() {
		Row row = model("user").create(Data.of("email", "text@example.com", "name", "Text", "balance", "12.50",
				"createdAt", "2024-05-01T12:15:30.25+02:00"));
		assertThat(row.getDecimal("balance")).hasToString("12.50");
		assertThat(row.getInstant("createdAt")).isEqualTo(Instant.parse("2024-05-01T10:15:30.25Z"));
		assertThat(model("user").findMany((q) -> q.where("balance", "12.50").where("createdAt",
				gt("2024-05-01T10:15:30Z")))).extracting((found) -> found.getString("email"))
			.containsExactly("text@example.com");
		assertRejected("user", "balance",
				() -> model("user").create(Data.of("email", "e@example.com", "name", "E", "balance", "1e3")));
		assertRejected("user", "balance",
				() -> model("user").create(Data.of("email", "c@example.com", "name", "C", "balance", "12,50")));
		assertRejected("user", "createdAt", () -> model("user")
			.create(Data.of("email", "l@example.com", "name", "L", "createdAt", "2024-05-01T10:15:30")));
		assertRejected("user", "createdAt", () -> model("user")
			.create(Data.of("email", "z@example.com", "name", "Z", "createdAt", "2024-05-01T10:15:30Z[Europe/Paris]")));
	}

}
