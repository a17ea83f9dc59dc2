package dev.farminglabs.orm.readme;

import static dev.farminglabs.orm.schema.SchemaDsl.datetime;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.json;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.memory.MemoryDatabase;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.runtime.RuntimeInspection;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import org.junit.jupiter.api.Test;

/** The README's quickstart, verbatim, so the front door keeps working as the API evolves. */
class QuickstartTest {

	static final class FrameworkStorage {

		public static final FrameworkSchema FRAMEWORK = FrameworkSchema.builder("framework")
			.model("frameworkState", model("framework_state")
				.field("id", id())
				.field("scope", string().unique())
				.field("state", json())
				.field("updatedAt", datetime().defaultNow()))
			.model("cacheEntry", model("cache_entries")
				.field("id", id())
				.field("namespace", string())
				.field("key", string())
				.field("value", json())
				.field("expiresAt", datetime().nullable())
				.field("updatedAt", datetime().defaultNow())
				.unique("namespace", "key"))
			.build();

	}

	static final class FrameworkStore {

		private final OrmClient orm;

		FrameworkStore(OrmClient orm) {
			this.orm = orm;
		}

		Optional<Row> getFrameworkState(String scope) {
			return this.orm.model("frameworkState")
				.findUnique((q) -> q.where("scope", scope).select("id", "scope", "state", "updatedAt"));
		}

		Row putCacheEntry(String namespace, String key, Object value, Instant expiresAt) {
			return this.orm.model("cacheEntry").upsert((u) -> u
				.where("namespace_key", Map.of("namespace", namespace, "key", key))
				.create(Data.of("namespace", namespace, "key", key, "value", value, "expiresAt", expiresAt))
				.update(Data.of("value", value, "expiresAt", expiresAt, "updatedAt", Instant.now())));
		}

	}

	@Test
	void quickstartRunsOnTheMemoryDatabase() {
		Object database = new MemoryDatabase();
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(database);
		if (inspection.runtime().isEmpty()) {
			throw new IllegalStateException(inspection.summary() + " " + inspection.hint().orElse(""));
		}
		OrmClient orm = SchemaSetup.bootstrapDatabase(FrameworkStorage.FRAMEWORK, database);
		FrameworkStore store = new FrameworkStore(orm);
		Row first = store.putCacheEntry("sessions", "abc", Map.of("user", 42), null);
		Row second = store.putCacheEntry("sessions", "abc", Map.of("user", 43), null);
		assertThat(second.getString("id")).isEqualTo(first.getString("id"));
		assertThat(second.getJson("value").get("user").asInt()).isEqualTo(43);
		assertThat(store.getFrameworkState("global")).isEmpty();
	}

}
