package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.FOREIGN_KEY_VIOLATION;
import static dev.farminglabs.orm.error.OrmErrorCode.MISSING_TABLE;
import static dev.farminglabs.orm.error.OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.SchemaDsl;
import dev.farminglabs.orm.setup.SchemaSetup;
import org.junit.jupiter.api.Test;

/**
 * Constraint errors, normalised: {@code UNIQUE_CONSTRAINT_VIOLATION} with model, constraint name and key fields,
 * {@code FOREIGN_KEY_VIOLATION} where references are enforced, {@code MISSING_TABLE} before a push, all-or-nothing
 * {@code createMany} where the backend has transactions, and failed writes that leave the data as it was.
 */
public abstract class ConstraintTck extends TckSupport {

	/** A model with a nullable unique field, which {@link TckSchema} does not have. */
	private static final FrameworkSchema HANDLES = FrameworkSchema.builder("tckHandles")
		.model("handle", SchemaDsl.model("tck_handles")
			.field("id", id())
			.field("handle", string().nullable().unique()))
		.build();

	/** A model whose table no push ever creates. */
	private static final FrameworkSchema NEVER_PUSHED = FrameworkSchema.builder("tckNeverPushed")
		.model("ghost", SchemaDsl.model("tck_never_pushed_ghosts")
			.field("id", id())
			.field("name", string()))
		.build();

	protected ConstraintTck(TckBackend backend) {
		super(backend);
	}

	private Row cacheEntry(String namespace, String key, Object value) {
		return model("cacheEntry").create(Data.of("namespace", namespace, "key", key, "value", value));
	}

	private static void assertUniqueViolation(OrmException error, String model, String constraint,
			String... fields) {
		assertThat(error.model()).isEqualTo(model);
		assertThat(error.constraint()).isEqualTo(constraint);
		assertThat(error.target()).containsExactly(fields);
		assertThat(error.retryable()).isFalse();
		assertThat(OrmException.isOrmError(error)).isTrue();
	}

	@Test
	void creatingADuplicateOfASingleUniqueFieldIsAUniqueViolation() {
		user("ada@example.com", "Ada");
		OrmException error = assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> user("ada@example.com", "Other Ada"));
		assertUniqueViolation(error, "user", "tck_users_email_unique", "email");
	}

	@Test
	void creatingADuplicateOfACompoundUniqueKeyIsAUniqueViolation() {
		cacheEntry("sessions", "a", 1);
		OrmException error = assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> cacheEntry("sessions", "a", 2));
		assertUniqueViolation(error, "cacheEntry", "cache_entries_namespace_key_unique", "namespace", "key");
	}

	@Test
	void updatingToADuplicateOfASingleUniqueFieldIsAUniqueViolation() {
		user("ada@example.com", "Ada");
		Row bob = user("bob@example.com", "Bob");
		OrmException error = assertOrmError(UNIQUE_CONSTRAINT_VIOLATION,
				() -> model("user").update((u) -> u.where("id", bob.get("id")).set("email", "ada@example.com")));
		assertUniqueViolation(error, "user", "tck_users_email_unique", "email");
	}

	@Test
	void updatingToADuplicateOfACompoundUniqueKeyIsAUniqueViolation() {
		cacheEntry("sessions", "a", 1);
		Row other = cacheEntry("sessions", "b", 2);
		OrmException error = assertOrmError(UNIQUE_CONSTRAINT_VIOLATION,
				() -> model("cacheEntry").update((u) -> u.where("id", other.get("id")).set("key", "a")));
		assertUniqueViolation(error, "cacheEntry", "cache_entries_namespace_key_unique", "namespace", "key");
	}

	@Test
	void aCompoundKeyCollidesOnlyWhenEveryFieldMatches() {
		cacheEntry("sessions", "a", 1);
		cacheEntry("sessions", "b", 2);
		cacheEntry("tokens", "a", 3);
		Row moved = model("cacheEntry")
			.update((u) -> u.where("namespace_key", Map.of("namespace", "tokens", "key", "a")).set("key", "b"))
			.orElseThrow();
		assertThat(moved.getString("key")).isEqualTo("b");
		assertThat(model("cacheEntry").count()).isEqualTo(3);
	}

	@Test
	void updatingARowToItsOwnUniqueValueIsNoViolation() {
		Row ada = user("ada@example.com", "Ada");
		Row same = model("user")
			.update((u) -> u.where("id", ada.get("id")).set("email", "ada@example.com", "name", "Ada L."))
			.orElseThrow();
		assertThat(same.getString("name")).isEqualTo("Ada L.");
	}

	@Test
	void nullsInANullableUniqueFieldDoNotCollide() {
		SchemaSetup.pushSchema(HANDLES, this.runtime);
		OrmClient handles = FarmingOrm.createOrmFromRuntime(HANDLES, this.runtime);
		handles.model("handle").create(Data.of("handle", null));
		handles.model("handle").create(Data.of("handle", null));
		handles.model("handle").create(Data.of("handle", "ada"));
		assertThat(handles.model("handle").count()).isEqualTo(3);
		OrmException error = assertOrmError(UNIQUE_CONSTRAINT_VIOLATION,
				() -> handles.model("handle").create(Data.of("handle", "ada")));
		assertUniqueViolation(error, "handle", "tck_handles_handle_unique", "handle");
	}

	@Test
	void creatingARowWithADanglingReferenceFailsWhereReferencesAreEnforced() {
		Row ada = user("ada@example.com", "Ada");
		Map<String, Object> dangling = Data.of("authorId", "0190a6d8-0000-7000-8000-000000000000", "title", "T",
				"slug", "dangling");
		if (!this.caps.supportsForeignKeys()) {
			assertThat(model("post").create(dangling).getString("slug")).isEqualTo("dangling");
			return;
		}
		OrmException error = assertOrmError(FOREIGN_KEY_VIOLATION, () -> model("post").create(dangling));
		assertThat(error.model()).isEqualTo("post");
		assertThat(error.target()).containsExactly("authorId");
		assertThat(error.retryable()).isFalse();
		assertThat(model("post").count()).isZero();
		assertThat(post(ada, "fine").getString("authorId")).isEqualTo(ada.getString("id"));
	}

	@Test
	void updatingToADanglingReferenceFailsWhereReferencesAreEnforced() {
		Row ada = user("ada@example.com", "Ada");
		Row post = post(ada, "hello");
		if (!this.caps.supportsForeignKeys()) {
			assertThat(model("post").update((u) -> u.where("id", post.get("id")).set("authorId", "missing"))
				.orElseThrow()
				.getString("authorId")).isEqualTo("missing");
			return;
		}
		OrmException error = assertOrmError(FOREIGN_KEY_VIOLATION,
				() -> model("post").update((u) -> u.where("id", post.get("id")).set("authorId", "missing")));
		assertThat(error.model()).isEqualTo("post");
		assertThat(model("post").findMany()).containsExactly(post);
	}

	@Test
	void deletingAReferencedRowFailsWhereReferencesAreEnforced() {
		Row ada = user("ada@example.com", "Ada");
		Row post = post(ada, "hello");
		if (!this.caps.supportsForeignKeys()) {
			assertThat(model("user").delete((q) -> q.where("id", ada.get("id")))).contains(ada);
			assertThat(model("user").count()).isZero();
			return;
		}
		OrmException error = assertOrmError(FOREIGN_KEY_VIOLATION,
				() -> model("user").delete((q) -> q.where("id", ada.get("id"))));
		assertThat(error.model()).isEqualTo("user");
		assertThat(error.retryable()).isFalse();
		assertThat(model("user").findMany()).containsExactly(ada);
		assertThat(model("post").findMany()).containsExactly(post);
		model("post").delete((q) -> q.where("id", post.get("id")));
		assertThat(model("user").delete((q) -> q.where("id", ada.get("id")))).contains(ada);
	}

	@Test
	void readingAModelWhoseTableWasNeverPushedIsAMissingTable() {
		OrmClient ghosts = FarmingOrm.createOrmFromRuntime(NEVER_PUSHED, this.runtime);
		OrmException read = assertOrmError(MISSING_TABLE, () -> ghosts.model("ghost").findMany());
		assertThat(read.model()).isEqualTo("ghost");
		assertThat(OrmException.isOrmError(read)).isTrue();
		OrmException write = assertOrmError(MISSING_TABLE,
				() -> ghosts.model("ghost").create(Data.of("name", "Casper")));
		assertThat(write.model()).isEqualTo("ghost");
	}

	@Test
	void createManyWithAViolatingThirdRowWritesNothingWhereTheBackendHasTransactions() {
		user("existing@example.com", "Existing");
		List<Map<String, Object>> rows = List.of(Data.of("email", "a@example.com", "name", "A"),
				Data.of("email", "b@example.com", "name", "B"), Data.of("email", "a@example.com", "name", "A again"),
				Data.of("email", "d@example.com", "name", "D"));
		OrmException error = assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> model("user").createMany(rows));
		assertThat(error.model()).isEqualTo("user");
		assertThat(error.target()).containsExactly("email");
		if (this.caps.supportsTransactions()) {
			assertThat(model("user").findMany()).extracting((row) -> row.getString("email"))
				.containsExactly("existing@example.com");
		}
		else {
			// Without transactions some rows may stay written, but never a duplicate of the key.
			assertThat(model("user").findMany()).extracting((row) -> row.getString("email"))
				.contains("existing@example.com")
				.doesNotHaveDuplicates();
		}
	}

	@Test
	void createManyCollidingWithAStoredRowWritesNothingWhereTheBackendHasTransactions() {
		cacheEntry("sessions", "c", "stored");
		List<Map<String, Object>> rows = List.of(Data.of("namespace", "sessions", "key", "a", "value", 1),
				Data.of("namespace", "sessions", "key", "b", "value", 2),
				Data.of("namespace", "sessions", "key", "c", "value", 3));
		OrmException error = assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> model("cacheEntry").createMany(rows));
		assertThat(error.constraint()).isEqualTo("cache_entries_namespace_key_unique");
		List<String> keys = model("cacheEntry").findMany().stream().map((row) -> row.getString("key")).toList();
		if (this.caps.supportsTransactions()) {
			assertThat(keys).containsExactly("c");
		}
		else {
			assertThat(keys).contains("c").doesNotHaveDuplicates();
		}
	}

	@Test
	void aFailedCreateLeavesTheDataUnchanged() {
		user("ada@example.com", "Ada");
		user("bob@example.com", "Bob");
		cacheEntry("sessions", "a", 1);
		List<Row> users = model("user").findMany();
		List<Row> entries = model("cacheEntry").findMany();
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> user("bob@example.com", "Bobby"));
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> cacheEntry("sessions", "a", 2));
		assertThat(model("user").findMany()).isEqualTo(users);
		assertThat(model("cacheEntry").findMany()).isEqualTo(entries);
	}

	@Test
	void aFailedUpdateLeavesTheDataUnchanged() {
		Row ada = user("ada@example.com", "Ada");
		user("bob@example.com", "Bob");
		Row entry = cacheEntry("sessions", "a", 1);
		cacheEntry("sessions", "b", 2);
		List<Row> users = model("user").findMany();
		List<Row> entries = model("cacheEntry").findMany();
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> model("user")
			.update((u) -> u.where("id", ada.get("id")).set("name", "Changed", "email", "bob@example.com")));
		assertOrmError(UNIQUE_CONSTRAINT_VIOLATION, () -> model("cacheEntry")
			.update((u) -> u.where("id", entry.get("id")).set("value", 99, "key", "b")));
		assertThat(model("user").findMany()).isEqualTo(users);
		assertThat(model("cacheEntry").findMany()).isEqualTo(entries);
	}

}
