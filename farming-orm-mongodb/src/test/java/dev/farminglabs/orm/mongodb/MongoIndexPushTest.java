package dev.farminglabs.orm.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.setup.PushResult;
import dev.farminglabs.orm.setup.SetupAction;
import dev.farminglabs.orm.setup.SetupActionType;
import dev.farminglabs.orm.setup.SetupPlan;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckSchema;
import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Push creates every collection and index once, with the names the JDBC driver gives its constraints. */
class MongoIndexPushTest {

	@Test
	void pushCreatesCollectionsAndNamedIndexesOnceAndPlanShowsWhatWentMissing() {
		MongoRuntime runtime = MongoRuntime.of(TestMongo.client(), TestMongo.freshDatabase());
		MongoDatabase database = TestMongo.client().getDatabase(runtime.database());
		PushResult first = SchemaSetup.pushSchema(TckSchema.SCHEMA, runtime);
		assertThat(first.count(SetupActionType.CREATE_TABLE)).isEqualTo(TckSchema.SCHEMA.models().size());
		PushResult second = SchemaSetup.pushSchema(TckSchema.SCHEMA, runtime);
		assertThat(second.applied()).isEmpty();

		ModelDefinition user = TckSchema.SCHEMA.model("user");
		List<String> names = indexNames(database, user.table());
		for (UniqueConstraint key : user.uniqueConstraints()) {
			if (!key.primaryKey()) {
				assertThat(names).contains(key.name());
			}
		}
		assertThat(names).contains("tck_users_email_unique", user.indexes().get(0).name());
		Document emailIndex = index(database, "tck_users_email_unique", user.table());
		assertThat(emailIndex.getBoolean("unique")).isTrue();

		database.getCollection(user.table()).dropIndex("tck_users_email_unique");
		SetupPlan drift = SchemaSetup.plan(TckSchema.SCHEMA, runtime);
		assertThat(drift.actions()).extracting(SetupAction::type).containsExactly(SetupActionType.CREATE_UNIQUE);
		assertThat(drift.actions().get(0).statement()).contains("createIndex").contains("\"unique\": true");
		SchemaSetup.applySchema(TckSchema.SCHEMA, runtime, drift);
		assertThat(SchemaSetup.plan(TckSchema.SCHEMA, runtime).actions()).isEmpty();
	}

	@Test
	void aNullableSingleKeyIsASparseIndexAndANullableCompoundKeyHasAPartialFilter() {
		FrameworkSchema schema = FrameworkSchema.builder("handles")
			.model("handle", model("handles")
				.field("id", id())
				.field("handle", string().nullable().unique())
				.field("realm", string())
				.field("alias", string().nullable())
				.unique("realm", "alias"))
			.build();
		MongoRuntime runtime = MongoRuntime.of(TestMongo.client(), TestMongo.freshDatabase());
		SetupPlan plan = SchemaSetup.plan(schema, runtime);
		assertThat(plan.actions(SetupActionType.CREATE_UNIQUE)).extracting(SetupAction::statement)
			.anySatisfy((statement) -> assertThat(statement).contains("handles_handle_unique")
				.contains("\"sparse\": true"))
			.anySatisfy((statement) -> assertThat(statement).contains("handles_realm_alias_unique")
				.contains("\"partialFilterExpression\": {\"alias\": {\"$type\": \"string\"}}"));
		SchemaSetup.applySchema(schema, runtime, plan);
		OrmClient orm = FarmingOrm.createOrmFromRuntime(schema, runtime);
		orm.model("handle").create(Data.of("realm", "r", "handle", null));
		Row second = orm.model("handle").create(Data.of("realm", "r", "handle", null, "alias", "a"));
		assertThat(TestMongo.client().getDatabase(runtime.database()).getCollection("handles")
			.find(new Document("_id", second.get("id"))).first()).doesNotContainKey("handle").containsEntry("alias", "a");
		assertThat(orm.model("handle").count((q) -> q.where("handle", null))).isEqualTo(2);
		assertThat(SchemaSetup.plan(schema, runtime).actions()).isEmpty();
	}

	private static List<String> indexNames(MongoDatabase database, String collection) {
		List<String> names = new ArrayList<>();
		database.getCollection(collection).listIndexes().forEach((index) -> names.add(index.getString("name")));
		return names;
	}

	private static Document index(MongoDatabase database, String name, String collection) {
		for (Document index : database.getCollection(collection).listIndexes()) {
			if (name.equals(index.getString("name"))) {
				return index;
			}
		}
		throw new AssertionError("no index " + name);
	}

}
