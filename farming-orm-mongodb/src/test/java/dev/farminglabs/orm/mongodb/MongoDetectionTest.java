package dev.farminglabs.orm.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.RuntimeSetupException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.runtime.DetectedRuntime;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.runtime.RuntimeInspection;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Which raw MongoDB clients are detected, what they run with, and how the others are explained. */
class MongoDetectionTest {

	@Test
	void mongoRuntimeIsDetectedWithItsDatabaseAndServerAndHasNoTransactionsOnMongoJavaServer() {
		String database = TestMongo.freshDatabase();
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(MongoRuntime.of(TestMongo.client(), database));
		DetectedRuntime runtime = inspection.runtime().orElseThrow();
		assertThat(runtime.kind()).isEqualTo("mongodb");
		assertThat(runtime.dialect()).isEqualTo("mongodb");
		assertThat(runtime.source()).contains("MongoClient").contains(database);
		assertThat(runtime.serverVersion()).isNotBlank();
		assertThat(inspection.summary()).contains("mongodb");
		assertThat(inspection.candidates()).filteredOn(RuntimeCandidate::matched)
			.singleElement()
			.satisfies((candidate) -> assertThat(candidate.reasons().get(0)).contains("no transactions"));
		OrmClient orm = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA, MongoRuntime.of(TestMongo.client(), database));
		assertThat(orm.driver().capabilities().supportsTransactions()).isFalse();
		assertThat(orm.driver().capabilities().supportsSchemaNamespaces()).isTrue();
		assertThat(orm.driver().capabilities().datetimePrecision()).hasToString("Millis");
	}

	@Test
	void mongoRuntimeTakesTheDatabaseOfAConnectionString() {
		MongoRuntime runtime = MongoRuntime.of(TestMongo.client(), new ConnectionString("mongodb://localhost/app_db"));
		assertThat(runtime.database()).isEqualTo("app_db");
		Throwable thrown = catchThrowable(
				() -> MongoRuntime.of(TestMongo.client(), new ConnectionString("mongodb://localhost")));
		assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no database");
	}

	@Test
	void mongoTemplateIsDetectedAndRunsTheClient() {
		String database = TestMongo.freshDatabase();
		MongoTemplate template = new MongoTemplate(TestMongo.client(), database);
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(template);
		assertThat(inspection.runtime()).hasValueSatisfying(
				(runtime) -> assertThat(runtime.source()).isEqualTo("MongoTemplate on database '" + database + "'"));
		assertThat(inspection.clientClass()).isEqualTo(MongoTemplate.class.getName());
		OrmClient orm = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA, template);
		Row ada = orm.model("user").create(Data.of("email", "ada@example.com", "name", "Ada"));
		assertThat(template.getCollection("tck_users").countDocuments()).isEqualTo(1);
		assertThat(orm.model("user").findMany()).containsExactly(ada);
		assertThat(orm.driver().capabilities().supportsSchemaNamespaces()).isTrue();
	}

	@Test
	void mongoDatabaseIsDetectedButReachesNoOtherDatabase() {
		MongoDatabase database = TestMongo.client().getDatabase(TestMongo.freshDatabase());
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(database);
		assertThat(inspection.runtime()).hasValueSatisfying(
				(runtime) -> assertThat(runtime.source()).startsWith("MongoDatabase '" + database.getName() + "'"));
		OrmClient orm = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA, database);
		assertThat(orm.driver().capabilities().supportsSchemaNamespaces()).isFalse();
		assertThat(orm.driver().capabilities().supportsTransactions()).isFalse();
		Row tag = orm.model("tag").create(Data.of("label", "java"));
		assertThat(tag.get("id")).isEqualTo(1L);
		assertThat(database.getCollection("tck_tags").countDocuments()).isEqualTo(1);
	}

	@Test
	void aBareMongoClientIsRecognisedAndAskedForItsDatabase() {
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(TestMongo.client());
		assertThat(inspection.runtime()).isEmpty();
		assertThat(inspection.hint()).hasValueSatisfying(
				(hint) -> assertThat(hint).contains("MongoRuntime.of(client").contains("farming.orm.mongodb.database"));
		Throwable thrown = catchThrowable(() -> FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, TestMongo.client()));
		assertThat(thrown).isInstanceOf(RuntimeSetupException.class);
		assertThat(((RuntimeSetupException) thrown).code()).isEqualTo(OrmErrorCode.UNSUPPORTED_OPERATION);
	}

	@Test
	void aBareMongoClientUsesTheDatabaseOfTheSystemProperty() {
		String database = TestMongo.freshDatabase();
		System.setProperty("farming.orm.mongodb.database", database);
		try {
			RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(TestMongo.client());
			assertThat(inspection.runtime()).hasValueSatisfying(
					(runtime) -> assertThat(runtime.source()).contains("'" + database + "'"));
		}
		finally {
			System.clearProperty("farming.orm.mongodb.database");
		}
	}

	@Test
	void aReactiveMongoClientIsRecognisedAndExplained() {
		try (com.mongodb.reactivestreams.client.MongoClient reactive = com.mongodb.reactivestreams.client.MongoClients
			.create("mongodb://127.0.0.1:1")) {
			RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(reactive);
			assertThat(inspection.runtime()).isEmpty();
			assertThat(inspection.candidates()).anySatisfy((candidate) -> {
				assertThat(candidate.kind()).isEqualTo("mongodb");
				assertThat(candidate.reasons().get(0)).contains("reactive");
			});
			assertThat(inspection.hint()).hasValueSatisfying((hint) -> assertThat(hint).contains("synchronous"));
		}
	}

	@Test
	void aReactiveMongoTemplateIsRecognisedAndExplained() {
		try (com.mongodb.reactivestreams.client.MongoClient reactive = com.mongodb.reactivestreams.client.MongoClients
			.create("mongodb://127.0.0.1:1")) {
			RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(new ReactiveMongoTemplate(reactive, "app"));
			assertThat(inspection.runtime()).isEmpty();
			assertThat(inspection.clientClass()).isEqualTo(ReactiveMongoTemplate.class.getName());
			assertThat(inspection.candidates()).anySatisfy((candidate) -> {
				assertThat(candidate.kind()).isEqualTo("mongodb");
				assertThat(candidate.reasons().get(0)).isEqualTo("is a reactive ReactiveMongoTemplate");
			});
			assertThat(inspection.hint()).hasValueSatisfying(
					(hint) -> assertThat(hint).contains("synchronous").contains("MongoTemplate"));
		}
	}

	@Test
	void anUnreachableServerIsReportedWithoutThrowingAndFailsCreationAsAConnectionFailure() {
		try (MongoClient unreachable = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:1"))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
			.build())) {
			MongoRuntime runtime = MongoRuntime.of(unreachable, "app");
			RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(runtime);
			assertThat(inspection.runtime()).isEmpty();
			assertThat(inspection.candidates()).anySatisfy((candidate) -> assertThat(candidate.unreachable()).isTrue());
			Throwable thrown = catchThrowable(() -> FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, runtime));
			assertThat(thrown).isInstanceOf(RuntimeSetupException.class);
			assertThat(((RuntimeSetupException) thrown).code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
		}
	}

}
