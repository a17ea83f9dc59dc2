package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.error.OrmErrorCode.VALIDATION_ERROR;
import static dev.farminglabs.orm.query.Where.field;
import static dev.farminglabs.orm.query.Where.gte;
import static dev.farminglabs.orm.query.Where.in;
import static dev.farminglabs.orm.query.Where.or;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.query.Where;
import org.junit.jupiter.api.Test;

/**
 * {@code findUnique}: the where names exactly one unique key (the id, a {@code .unique()} field, or a compound key in
 * its flat or named form), and anything else is a {@code VALIDATION_ERROR} that lists the valid keys, raised before
 * the backend is asked.
 */
public abstract class UniqueLookupTck extends TckSupport {

	protected UniqueLookupTck(TckBackend backend) {
		super(backend);
	}

	private Row cacheEntry(String namespace, String key, Object value) {
		return model("cacheEntry").create(Data.of("namespace", namespace, "key", key, "value", value));
	}

	@Test
	void findsARowByItsId() {
		user("a@example.com", "A");
		Row ada = user("ada@example.com", "Ada");
		Optional<Row> found = model("user").findUnique((q) -> q.where("id", ada.get("id")));
		assertThat(found).contains(ada);
	}

	@Test
	void findsARowByASingleUniqueField() {
		user("a@example.com", "A");
		Row ada = user("ada@example.com", "Ada");
		Optional<Row> found = model("user").findUnique((q) -> q.where("email", "ada@example.com"));
		assertThat(found).contains(ada);
	}

	@Test
	void findsFrameworkStateByScopeWithASelect() {
		model("frameworkState").create(Data.of("scope", "other", "state", Map.of("step", 1)));
		Row state = model("frameworkState").create(Data.of("scope", "billing", "state", Map.of("step", 2)));
		Row found = model("frameworkState")
			.findUnique((q) -> q.where("scope", "billing").select("id", "scope", "state"))
			.orElseThrow();
		assertThat(found.names()).containsExactly("id", "scope", "state");
		assertThat(found.get("id")).isEqualTo(state.get("id"));
		assertThat(found.getJson("state").get("step").asInt()).isEqualTo(2);
	}

	@Test
	void findsARowByACompoundKeyInTheFlatForm() {
		cacheEntry("sessions", "a", "other key");
		cacheEntry("tokens", "b", "other namespace");
		Row entry = cacheEntry("sessions", "b", "wanted");
		Optional<Row> found = model("cacheEntry").findUnique((q) -> q.where("namespace", "sessions").where("key", "b"));
		assertThat(found).contains(entry);
	}

	@Test
	void findsARowByACompoundKeyInTheNamedForm() {
		cacheEntry("sessions", "a", "other key");
		cacheEntry("tokens", "b", "other namespace");
		Row entry = cacheEntry("sessions", "b", "wanted");
		Optional<Row> found = model("cacheEntry")
			.findUnique((q) -> q.where("namespace_key", Map.of("namespace", "sessions", "key", "b")));
		assertThat(found).contains(entry);
	}

	@Test
	void findsARowByACompoundKeyGivenAsAnUpstreamShapedMap() {
		cacheEntry("sessions", "a", "other key");
		Row entry = cacheEntry("sessions", "b", "wanted");
		Optional<Row> named = model("cacheEntry").findUnique(
				(q) -> q.where(Where.fromMap(Map.of("namespace_key", Map.of("namespace", "sessions", "key", "b")))));
		Optional<Row> flat = model("cacheEntry")
			.findUnique((q) -> q.where(Where.fromMap(Map.of("namespace", "sessions", "key", "b"))));
		assertThat(named).contains(entry);
		assertThat(flat).contains(entry);
	}

	@Test
	void returnsEmptyWhenNoRowHasTheKey() {
		cacheEntry("sessions", "a", 1);
		cacheEntry("tokens", "b", 2);
		user("ada@example.com", "Ada");
		assertThat(model("cacheEntry").findUnique((q) -> q.where("namespace", "sessions").where("key", "b")))
			.isEmpty();
		assertThat(model("cacheEntry")
			.findUnique((q) -> q.where("namespace_key", Map.of("namespace", "tokens", "key", "a")))).isEmpty();
		assertThat(model("user").findUnique((q) -> q.where("email", "bob@example.com"))).isEmpty();
		assertThat(model("user").findUnique((q) -> q.where("id", "0190a6d8-0000-7000-8000-000000000000"))).isEmpty();
	}

	@Test
	void rejectsAWhereOnAFieldThatIsNotUnique() {
		user("ada@example.com", "Ada");
		OrmException error = assertOrmError(VALIDATION_ERROR,
				() -> model("user").findUnique((q) -> q.where("name", "Ada")));
		assertNamesModelAndKeys(error, "user", "id", "email");
	}

	@Test
	void rejectsOnlyPartOfACompoundKey() {
		cacheEntry("sessions", "a", 1);
		OrmException error = assertOrmError(VALIDATION_ERROR,
				() -> model("cacheEntry").findUnique((q) -> q.where("namespace", "sessions")));
		assertNamesModelAndKeys(error, "cacheEntry", "id", "namespace_key");
	}

	@Test
	void rejectsAUniqueKeyWithAnExtraField() {
		user("ada@example.com", "Ada");
		OrmException error = assertOrmError(VALIDATION_ERROR,
				() -> model("user").findUnique((q) -> q.where("email", "ada@example.com").where("name", "Ada")));
		assertNamesModelAndKeys(error, "user", "id", "email");
		OrmException compound = assertOrmError(VALIDATION_ERROR, () -> model("cacheEntry").findUnique(
				(q) -> q.where("namespace_key", Map.of("namespace", "s", "key", "k")).where("expiresAt", null)));
		assertNamesModelAndKeys(compound, "cacheEntry", "namespace_key");
	}

	@Test
	void rejectsTwoUniqueKeysAtOnce() {
		Row ada = user("ada@example.com", "Ada");
		OrmException error = assertOrmError(VALIDATION_ERROR,
				() -> model("user").findUnique((q) -> q.where("id", ada.get("id")).where("email", "ada@example.com")));
		assertNamesModelAndKeys(error, "user", "id", "email");
	}

	@Test
	void rejectsAnOperatorOtherThanEquality() {
		user("ada@example.com", "Ada");
		assertNamesModelAndKeys(assertOrmError(VALIDATION_ERROR,
				() -> model("user").findUnique((q) -> q.where("email", in("ada@example.com")))), "user", "email");
		assertNamesModelAndKeys(assertOrmError(VALIDATION_ERROR,
				() -> model("user").findUnique((q) -> q.where("email", gte("a")))), "user", "email");
		assertNamesModelAndKeys(assertOrmError(VALIDATION_ERROR,
				() -> model("user").findUnique((q) -> q.where("email", Where.not("x")))), "user", "email");
	}

	@Test
	void rejectsNullForAKeyField() {
		OrmException single = assertOrmError(VALIDATION_ERROR,
				() -> model("user").findUnique((q) -> q.where("email", null)));
		assertThat(single.model()).isEqualTo("user");
		assertThat(single.target()).contains("email");
		OrmException compound = assertOrmError(VALIDATION_ERROR,
				() -> model("cacheEntry").findUnique((q) -> q.where("namespace", "sessions").where("key", null)));
		assertThat(compound.model()).isEqualTo("cacheEntry");
		assertThat(compound.target()).contains("key");
	}

	@Test
	void rejectsAnOrTree() {
		user("ada@example.com", "Ada");
		OrmException error = assertOrmError(VALIDATION_ERROR, () -> model("user")
			.findUnique((q) -> q.where(or(field("email", "ada@example.com"), field("email", "bob@example.com")))));
		assertNamesModelAndKeys(error, "user", "id", "email");
	}

	@Test
	void rejectsANamedKeyWithOtherMapKeys() {
		cacheEntry("sessions", "a", 1);
		OrmException wrong = assertOrmError(VALIDATION_ERROR, () -> model("cacheEntry")
			.findUnique((q) -> q.where("namespace_key", Map.of("namespace", "sessions", "name", "a"))));
		assertThat(wrong.model()).isEqualTo("cacheEntry");
		assertThat(wrong.getMessage()).contains("namespace_key");
		OrmException partial = assertOrmError(VALIDATION_ERROR, () -> model("cacheEntry")
			.findUnique((q) -> q.where("namespace_key", Map.of("namespace", "sessions"))));
		assertThat(partial.model()).isEqualTo("cacheEntry");
		assertThat(partial.getMessage()).contains("namespace_key");
	}

	@Test
	void rejectsAnEmptyWhere() {
		user("ada@example.com", "Ada");
		OrmException error = assertOrmError(VALIDATION_ERROR, () -> model("user").findUnique((q) -> {
		}));
		assertNamesModelAndKeys(error, "user", "id", "email");
	}

	@Test
	void rejectsABadWhereBeforeReachingTheBackend() {
		// A client whose tables were never pushed: reaching the backend would fail with MISSING_TABLE instead.
		Object unpushed = backend().newRuntime();
		try {
			OrmClient client = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, unpushed);
			OrmException error = assertOrmError(VALIDATION_ERROR,
					() -> client.model("cacheEntry").findUnique((q) -> q.where("key", "a")));
			assertNamesModelAndKeys(error, "cacheEntry", "namespace_key");
		}
		finally {
			backend().release(unpushed);
		}
	}

	private static void assertNamesModelAndKeys(OrmException error, String model, String... validKeys) {
		assertThat(error.model()).isEqualTo(model);
		assertThat(error.getMessage()).contains("'" + model + "'").contains(validKeys);
	}

}
