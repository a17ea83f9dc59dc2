package dev.farminglabs.orm.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.Test;

/** Errors from a real server, normalised: no driver exception leaves the client. */
class MongoErrorMappingTest {

	@Test
	void aDuplicateIdIsAUniqueViolationOfTheIdKey() {
		OrmClient orm = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA,
				MongoRuntime.of(TestMongo.client(), TestMongo.freshDatabase()));
		orm.model("counter").create(Data.of("id", 7, "label", "a", "total", 1));
		OrmException error = catchOrm(() -> orm.model("counter").create(Data.of("id", 7, "label", "b", "total", 2)));
		assertThat(error.code()).isEqualTo(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION);
		assertThat(error.target()).containsExactly("id");
		assertThat(error.model()).isEqualTo("counter");
		assertThat(error.originalCode()).isEqualTo("11000");
		assertThat(error.getCause()).isInstanceOf(com.mongodb.MongoWriteException.class);
	}

	@Test
	void aMissingCollectionIsRememberedOnlyOnceItExists() {
		MongoRuntime runtime = MongoRuntime.of(TestMongo.client(), TestMongo.freshDatabase());
		OrmClient orm = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, runtime);
		assertThat(catchOrm(() -> orm.model("user").count()).code()).isEqualTo(OrmErrorCode.MISSING_TABLE);
		assertThat(catchOrm(() -> orm.model("user").create(Data.of("email", "a@example.com", "name", "A"))).code())
			.isEqualTo(OrmErrorCode.MISSING_TABLE);
		assertThat(TestMongo.client().getDatabase(runtime.database()).listCollectionNames().into(new java.util.ArrayList<>()))
			.as("no collection created by the refused insert")
			.doesNotContain("tck_users");
		SchemaSetup.pushSchema(TckSchema.SCHEMA, runtime);
		Row ada = orm.model("user").create(Data.of("email", "a@example.com", "name", "A"));
		assertThat(orm.model("user").findMany()).containsExactly(ada);
	}

	@Test
	void aServerThatGoesAwayIsAConnectionFailure() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
			.build())) {
			OrmClient orm = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA, MongoRuntime.of(client, "gone"));
			orm.model("user").create(Data.of("email", "a@example.com", "name", "A"));
			server.shutdownNow();
			OrmException error = catchOrm(() -> orm.model("user").findMany());
			assertThat(error.code()).isIn(OrmErrorCode.CONNECTION_FAILURE, OrmErrorCode.TIMEOUT);
			assertThat(error.retryable()).isTrue();
			assertThat(error.backendKind()).isEqualTo("mongodb");
		}
		finally {
			server.shutdownNow();
		}
	}

	private static OrmException catchOrm(Runnable call) {
		Throwable thrown = catchThrowable(call::run);
		assertThat(thrown).isInstanceOf(OrmException.class);
		return (OrmException) thrown;
	}

}
