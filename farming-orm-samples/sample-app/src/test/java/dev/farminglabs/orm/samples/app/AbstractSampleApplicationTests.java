package dev.farminglabs.orm.samples.app;

import java.math.BigDecimal;
import java.math.BigInteger;
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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application as a user runs it: started on a random port with its own {@code application.yml} (and the
 * backend's profile), driven over HTTP only, its data checked in the database with the backend's own JDBC driver
 * (not through the application), and its actuator endpoints read. One subclass per backend.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AbstractSampleApplicationTests {

	/** Reads decimals as they are written, so that {@code 0.00} keeps its scale. */
	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	/** The backend's dialect, as the application reports it. */
	abstract String dialect();

	/** A connection to the application's database that does not go through the application. */
	abstract JdbcTemplate database();

	/** An identifier quoted the backend's way (the kit's columns keep their camelCase names). */
	abstract String quote(String identifier);

	static String uniqueName() {
		return "sample_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	@Test
	void frameworkStateIsSavedAndReadOverHttpAndStoredAsJson() {
		assertThat(call("GET", "/api/state/tenant-a", null).statusCode()).isEqualTo(404);
		call("PUT", "/api/state/tenant-a", "{\"theme\":\"light\"}");
		HttpResponse<String> saved = call("PUT", "/api/state/tenant-a", "{\"theme\":\"dark\",\"seats\":3}");
		assertThat(saved.statusCode()).isEqualTo(200);
		JsonNode read = body(call("GET", "/api/state/tenant-a", null));
		assertThat(read.path("state")).isEqualTo(json.readTree("{\"theme\":\"dark\",\"seats\":3}"));
		assertThat(read.path("id").asString()).isEqualTo(body(saved).path("id").asString());

		String stored = database().queryForObject(
				"SELECT " + quote("state") + " FROM " + quote("framework_state") + " WHERE " + quote("scope") + " = ?",
				String.class, "tenant-a");
		assertThat(json.readTree(stored)).isEqualTo(json.readTree("{\"seats\":3,\"theme\":\"dark\"}"));
	}

	@Test
	void aCacheEntryIsUpsertedInPlace() {
		call("PUT", "/api/cache/sessions/abc", "{\"value\":{\"user\":1}}");
		HttpResponse<String> second = call("PUT", "/api/cache/sessions/abc", "{\"value\":{\"user\":2},\"ttlSeconds\":600}");
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(body(call("GET", "/api/cache/sessions/abc", null)).path("value").path("user").asInt()).isEqualTo(2);

		assertThat(database().query("SELECT " + quote("value") + ", " + quote("expiresAt") + " FROM "
				+ quote("cache_entries") + " WHERE " + quote("namespace") + " = ? AND " + quote("key") + " = ?",
				(row, n) -> Map.entry(row.getString(1), row.getObject(2) != null), "sessions", "abc"))
			.singleElement()
			.satisfies((row) -> {
				assertThat(json.readTree(row.getKey()).path("user").asInt()).isEqualTo(2);
				assertThat(row.getValue()).as("expiresAt is set").isTrue();
			});
	}

	@Test
	void aDuplicateKvKeyIsAConflictInTheKitsWordsAndTheFirstValueStays() {
		HttpResponse<String> created = call("POST", "/api/kv/flags/beta", "true");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/kv/flags/beta");
		HttpResponse<String> duplicate = call("POST", "/api/kv/flags/beta", "false");
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(body(duplicate).path("detail").asString()).isEqualTo("The framework key already exists.");

		assertThat(database().queryForList("SELECT " + quote("value") + " FROM " + quote("kv_items") + " WHERE "
				+ quote("namespace") + " = ? AND " + quote("key") + " = ?", String.class, "flags", "beta"))
			.singleElement()
			.satisfies((value) -> assertThat(json.readTree(value).asBoolean()).isTrue());
	}

	@Test
	void auditLogEntriesAreAppendedAndListedNewestFirst() throws InterruptedException {
		call("POST", "/api/audit/admin", "{\"action\":\"login\",\"actorId\":\"u1\",\"payload\":{\"ip\":\"10.0.0.1\"}}");
		Thread.sleep(5);
		HttpResponse<String> second = call("POST", "/api/audit/admin", "{\"action\":\"logout\"}");
		assertThat(second.statusCode()).isEqualTo(201);
		JsonNode list = body(call("GET", "/api/audit/admin?limit=10", null));
		assertThat(list.size()).isEqualTo(2);
		assertThat(list.get(0).path("action").asString()).isEqualTo("logout");
		assertThat(list.get(1).path("payload").path("ip").asString()).isEqualTo("10.0.0.1");

		assertThat(database().queryForObject("SELECT COUNT(*) FROM " + quote("audit_logs") + " WHERE "
				+ quote("scope") + " = ? AND " + quote("actorId") + " IS NULL", Long.class, "admin"))
			.isEqualTo(1L);
	}

	@Test
	void snapshotsKeepSequencesAboveTwoToTheFiftyThird() {
		long sequence = (1L << 53) + 1;
		HttpResponse<String> recorded = call("POST", "/api/snapshots/api",
				"{\"sequence\":" + sequence + ",\"metrics\":{\"p99\":12.5}}");
		assertThat(recorded.statusCode()).isEqualTo(201);
		assertThat(body(call("GET", "/api/snapshots/api?limit=1", null)).get(0).path("sequence").asLong())
			.isEqualTo(sequence);

		assertThat(database().queryForObject("SELECT " + quote("sequence") + " FROM "
				+ quote("observability_snapshots") + " WHERE " + quote("source") + " = ?", BigInteger.class, "api"))
			.isEqualTo(BigInteger.valueOf(sequence));
	}

	@Test
	void theRateLimitAllowsItsCapacityThenAnswers429WithRetryAfter() {
		for (int remaining = 4; remaining >= 0; remaining--) {
			HttpResponse<String> allowed = call("POST", "/api/rate-limit/client-1", null);
			assertThat(allowed.statusCode()).isEqualTo(200);
			assertThat(body(allowed).path("remaining").asInt()).isEqualTo(remaining);
		}
		HttpResponse<String> limited = call("POST", "/api/rate-limit/client-1", null);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 12L));

		Map<String, Object> bucket = database().queryForMap("SELECT " + quote("tokens") + ", " + quote("capacity")
				+ " FROM " + quote("rate_limit_buckets") + " WHERE " + quote("key") + " = ?", "client-1");
		assertThat(bucket.values()).map((value) -> ((Number) value).longValue()).containsExactly(0L, 5L);
	}

	@Test
	void concurrentRequestsOnANewKeyNeverGetMoreThanTheCapacity() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<Integer>> requests = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				requests.add(() -> call("POST", "/api/rate-limit/burst", null).statusCode());
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
		assertThat(database().queryForObject("SELECT COUNT(*) FROM " + quote("rate_limit_buckets") + " WHERE "
				+ quote("key") + " = ?", Long.class, "burst"))
			.isEqualTo(1L);
	}

	@Test
	void aBillingAccountOpensOnceAndItsPlanChangeIsAudited() {
		HttpResponse<String> opened = call("POST", "/api/billing/owner-1", "{\"plan\":\"free\"}");
		assertThat(opened.statusCode()).isEqualTo(201);
		assertThat(body(opened).path("balance").decimalValue()).isEqualTo(new BigDecimal("0.00")).hasScaleOf(2);
		assertThat(call("POST", "/api/billing/owner-1", "{\"plan\":\"pro\"}").statusCode()).isEqualTo(409);
		HttpResponse<String> invalid = call("PUT", "/api/billing/owner-1/plan", "{\"plan\":\"gold\"}");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(body(invalid).path("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(body(invalid).path("detail").asString()).isEqualTo("The request holds a value that is not valid.");
		assertThat(body(invalid).path("fields").get(0).asString()).isEqualTo("plan");
		assertThat(call("PUT", "/api/billing/owner-1/plan", "{\"plan\":\"pro\",\"actorId\":\"admin\"}").statusCode())
			.isEqualTo(200);
		assertThat(call("PUT", "/api/billing/nobody/plan", "{\"plan\":\"pro\"}").statusCode()).isEqualTo(404);

		assertThat(database().queryForObject("SELECT " + quote("plan") + " FROM " + quote("billing_accounts")
				+ " WHERE " + quote("ownerId") + " = ?", String.class, "owner-1"))
			.isEqualTo("pro");
		assertThat(database().queryForObject("SELECT " + quote("actorId") + " FROM " + quote("audit_logs")
				+ " WHERE " + quote("scope") + " = ?", String.class, "billing:owner-1"))
			.isEqualTo("admin");
	}

	@Test
	void theActuatorShowsTheKitsSchemaOnThisBackendAndHealthIsUp() {
		JsonNode schema = body(call("GET", "/actuator/farmingorm", null)).path("schemas").path("frameworkSchema");
		assertThat(schema.path("name").asString()).isEqualTo("framework");
		assertThat(schema.path("models").size()).isEqualTo(7);
		assertThat(schema.path("runtime").path("dialect").asString()).isEqualTo(dialect());
		assertThat(schema.path("lastPush").path("description").asString()).isEqualTo("created 7 tables and 7 indexes");
		assertThat(body(call("GET", "/api/backend", null)).path("dialect").asString()).isEqualTo(dialect());

		JsonNode health = body(call("GET", "/actuator/health", null));
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("farmingorm").path("status").asString()).isEqualTo("UP");
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
