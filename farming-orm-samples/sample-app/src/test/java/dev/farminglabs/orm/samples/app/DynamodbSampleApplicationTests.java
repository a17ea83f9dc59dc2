package dev.farminglabs.orm.samples.app;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with the {@code dynamodb} profile on the local dynalite (127.0.0.1:8000, started by
 * {@code scripts/start-services.sh}; unreachable fails the test), under a table prefix of its own whose tables are
 * deleted afterwards. Driven over HTTP; the stored items are read with the application's {@code DynamoDbClient},
 * not through farming-orm.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dynamodb")
class DynamodbSampleApplicationTests {

	private static final String PREFIX = "sample" + UUID.randomUUID().toString().substring(0, 8) + "_";

	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static DynamoDbClient created;

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private DynamoDbClient dynamo;

	@DynamicPropertySource
	static void tablePrefix(DynamicPropertyRegistry registry) {
		registry.add("farming.orm.dynamodb.table-prefix", () -> PREFIX);
	}

	@AfterAll
	static void dropTables() {
		if (created != null) {
			created.listTables()
				.tableNames()
				.stream()
				.filter((name) -> name.startsWith(PREFIX))
				.forEach((name) -> created.deleteTable((delete) -> delete.tableName(name)));
		}
	}

	private List<Map<String, AttributeValue>> items(String table) {
		created = this.dynamo;
		return this.dynamo.scan((scan) -> scan.tableName(PREFIX + table).consistentRead(true)).items();
	}

	@Test
	void theApplicationRunsOnItsOwnDynamoDbClient() {
		created = this.dynamo;
		JsonNode schema = body(call("GET", "/actuator/farmingorm", null)).path("schemas").path("frameworkSchema");
		assertThat(schema.path("runtime").path("kind").asString()).isEqualTo("dynamodb");
		assertThat(schema.path("runtime").path("bean").asString()).isEqualTo("dynamoDbClient");
		assertThat(schema.path("capabilities").path("supportsTransactions").asBoolean()).isFalse();
		assertThat(schema.path("lastPush").path("description").asString()).startsWith("created 7 tables");
		assertThat(body(call("GET", "/api/backend", null)).path("dialect").asString()).isEqualTo("dynamodb");
		JsonNode health = body(call("GET", "/actuator/health", null));
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("farmingorm").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void frameworkStateIsSavedAndStoredAsAMap() {
		call("PUT", "/api/state/tenant-d", "{\"theme\":\"light\"}");
		HttpResponse<String> saved = call("PUT", "/api/state/tenant-d", "{\"theme\":\"dark\",\"seats\":3}");
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(body(call("GET", "/api/state/tenant-d", null)).path("state"))
			.isEqualTo(json.readTree("{\"theme\":\"dark\",\"seats\":3}"));
		assertThat(items("framework_state")).singleElement().satisfies((item) -> {
			assertThat(item.get("scope").s()).isEqualTo("tenant-d");
			assertThat(item.get("state").m()).containsEntry("theme", AttributeValue.fromS("dark"))
				.containsEntry("seats", AttributeValue.fromN("3"));
		});
	}

	@Test
	void aDuplicateKvKeyIsAConflictInTheKitsWords() {
		assertThat(call("POST", "/api/kv/flags/dynamo", "true").statusCode()).isEqualTo(201);
		HttpResponse<String> duplicate = call("POST", "/api/kv/flags/dynamo", "false");
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(body(duplicate).path("detail").asString()).isEqualTo("The framework key already exists.");
		assertThat(items("kv_items")).filteredOn((item) -> item.get("key").s().equals("dynamo"))
			.singleElement()
			.satisfies((item) -> assertThat(item.get("value")).isEqualTo(AttributeValue.fromBool(true)));
	}

	@Test
	void concurrentRequestsOnANewKeyNeverGetMoreThanTheCapacity() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<Integer>> requests = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				requests.add(() -> call("POST", "/api/rate-limit/dynamo-burst", null).statusCode());
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
		assertThat(items("rate_limit_buckets")).filteredOn((item) -> item.get("key").s().equals("dynamo-burst"))
			.hasSize(1);
	}

	@Test
	void aBillingAccountKeepsTheScaleOfItsBalance() {
		HttpResponse<String> opened = call("POST", "/api/billing/owner-d", "{\"plan\":\"free\"}");
		assertThat(opened.statusCode()).isEqualTo(201);
		assertThat(body(opened).path("balance").decimalValue()).isEqualTo(new BigDecimal("0.00")).hasScaleOf(2);
		assertThat(call("PUT", "/api/billing/owner-d/plan", "{\"plan\":\"pro\",\"actorId\":\"admin\"}").statusCode())
			.isEqualTo(200);
		assertThat(items("billing_accounts")).singleElement()
			.satisfies((item) -> assertThat(item.get("plan").s()).isEqualTo("pro"));
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
