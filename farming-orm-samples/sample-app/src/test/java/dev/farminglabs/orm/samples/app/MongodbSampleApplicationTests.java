package dev.farminglabs.orm.samples.app;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with the {@code mongodb} profile, as a new user runs it: no MongoDB installed, the application starts its
 * in-process server itself, and the kit runs on Boot's {@code MongoTemplate}. Driven over HTTP; the stored documents
 * are read with the MongoDB driver, not through farming-orm.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mongodb")
class MongodbSampleApplicationTests {

	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private MongoTemplate mongo;

	@Test
	void theApplicationRunsOnItsOwnEmbeddedServerThroughBootsMongoTemplate(@Value("${spring.mongodb.uri}") String uri) {
		assertThat(uri).startsWith("mongodb://127.0.0.1:").endsWith("/" + EmbeddedMongoServer.DATABASE);
		assertThat(this.mongo.getDb().getName()).isEqualTo(EmbeddedMongoServer.DATABASE);
		JsonNode schema = body(call("GET", "/actuator/farmingorm", null)).path("schemas").path("frameworkSchema");
		assertThat(schema.path("runtime").path("kind").asString()).isEqualTo("mongodb");
		assertThat(schema.path("runtime").path("bean").asString()).isEqualTo("mongoTemplate");
		assertThat(schema.path("capabilities").path("supportsTransactions").asBoolean()).isFalse();
		assertThat(schema.path("lastPush").path("description").asString()).isEqualTo("created 7 tables and 7 indexes");
		JsonNode backend = body(call("GET", "/api/backend", null));
		assertThat(backend.path("dialect").asString()).isEqualTo("mongodb");

		JsonNode health = body(call("GET", "/actuator/health", null));
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("farmingorm").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void frameworkStateIsSavedAndStoredAsAnEmbeddedDocument() {
		call("PUT", "/api/state/tenant-m", "{\"theme\":\"light\"}");
		HttpResponse<String> saved = call("PUT", "/api/state/tenant-m", "{\"theme\":\"dark\",\"seats\":3}");
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(body(call("GET", "/api/state/tenant-m", null)).path("state"))
			.isEqualTo(json.readTree("{\"theme\":\"dark\",\"seats\":3}"));

		Document stored = this.mongo.getCollection("framework_state").find(new Document("scope", "tenant-m")).first();
		assertThat(stored).isNotNull();
		assertThat(stored.get("_id")).isEqualTo(body(saved).path("id").asString());
		assertThat(stored.get("state", Document.class)).containsEntry("theme", "dark").containsEntry("seats", 3);
	}

	@Test
	void aDuplicateKvKeyIsAConflictInTheKitsWords() {
		assertThat(call("POST", "/api/kv/flags/mongo", "true").statusCode()).isEqualTo(201);
		HttpResponse<String> duplicate = call("POST", "/api/kv/flags/mongo", "false");
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(body(duplicate).path("detail").asString()).isEqualTo("The framework key already exists.");
		assertThat(this.mongo.getCollection("kv_items")
			.find(new Document("namespace", "flags").append("key", "mongo"))
			.into(new ArrayList<>())).singleElement().satisfies((item) -> assertThat(item.get("value")).isEqualTo(true));
	}

	@Test
	void concurrentRequestsOnANewKeyNeverGetMoreThanTheCapacity() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<Integer>> requests = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				requests.add(() -> call("POST", "/api/rate-limit/mongo-burst", null).statusCode());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : pool.invokeAll(requests)) {
				statuses.add(status.get());
			}
			assertThat(statuses).containsOnly(200, 429);
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(5);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.mongo.getCollection("rate_limit_buckets").countDocuments(new Document("key", "mongo-burst")))
			.isEqualTo(1);
	}

	@Test
	void aBillingAccountKeepsTheScaleOfItsBalanceAndItsPlanChangeIsAudited() {
		HttpResponse<String> opened = call("POST", "/api/billing/owner-m", "{\"plan\":\"free\"}");
		assertThat(opened.statusCode()).isEqualTo(201);
		assertThat(body(opened).path("balance").decimalValue()).isEqualTo(new BigDecimal("0.00")).hasScaleOf(2);
		assertThat(call("PUT", "/api/billing/owner-m/plan", "{\"plan\":\"pro\",\"actorId\":\"admin\"}").statusCode())
			.isEqualTo(200);
		assertThat(this.mongo.getCollection("billing_accounts").find(new Document("ownerId", "owner-m")).first())
			.containsEntry("plan", "pro");
		assertThat(this.mongo.getCollection("audit_logs").find(new Document("scope", "billing:owner-m")).first())
			.containsEntry("actorId", "admin");
	}

	private HttpResponse<String> call(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
	}

	private static JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
