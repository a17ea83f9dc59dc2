package dev.farminglabs.orm.autoconfigure.slice;

import java.util.ArrayList;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.tck.FrameworkStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataMongoTest} includes the client of every schema bean, on the slice's {@code MongoTemplate} (here on an
 * in-process mongo-java-server). The test resources exclude Boot's MongoDB auto-configuration for the JDBC
 * end-to-end tests; this slice clears that exclusion.
 */
@DataMongoTest(properties = { "farming.orm.push-schema=true", "spring.autoconfigure.exclude=" })
@DirtiesContext
class DataMongoTestSliceTests {

	private static final MongoServer SERVER = startServer();

	@Autowired
	OrmClient client;

	@Autowired
	MongoTemplate mongoTemplate;

	private static MongoServer startServer() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		return server;
	}

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri",
				() -> "mongodb://127.0.0.1:" + SERVER.getLocalAddress().getPort() + "/data_mongo_slice");
	}

	@AfterAll
	static void stopServer() {
		SERVER.shutdownNow();
	}

	@Test
	void theClientRunsOnTheSlicesMongoTemplateWithItsSchemaPushed() {
		assertThat(this.client.driver().kind()).isEqualTo("mongodb");
		new FrameworkStore(this.client).putKvItem("flags", "dark-mode", Map.of("on", true));
		Document stored = this.mongoTemplate.getCollection("kv_items").find(new Document("key", "dark-mode")).first();
		assertThat(stored).isNotNull();
		assertThat(stored.getString("namespace")).isEqualTo("flags");
		assertThat(this.mongoTemplate.getCollection("kv_items").listIndexes().into(new ArrayList<>()))
			.as("unique index pushed with the schema")
			.anySatisfy((index) -> assertThat(index.getBoolean("unique", false)).isTrue());
	}

}
