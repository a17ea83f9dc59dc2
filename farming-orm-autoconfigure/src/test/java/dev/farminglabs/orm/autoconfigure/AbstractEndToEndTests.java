package dev.farminglabs.orm.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.tck.FrameworkStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user's flow, end to end: the starter, one schema bean, {@code farming.orm.push-schema: true}, a started web
 * application, {@code /actuator/farmingorm} and {@code /actuator/health/farmingorm} read over HTTP, and the seed's
 * store run through the auto-configured client. One subclass per database.
 */
@SpringBootTest(classes = EndToEndApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "farming.orm.push-schema=true",
				"management.endpoints.web.exposure.include=health,farmingorm",
				"management.endpoint.health.show-details=always", "farming.orm.problem-details.enabled=true" })
abstract class AbstractEndToEndTests {

	/** A secret that some subclasses put into the JDBC URL and that must never be shown. */
	static final String SECRET = "s3cr3t-e2e";

	abstract String expectedDialect();

	static String uniqueName() {
		return "boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	@Test
	void theEndpointShowsTheSchemaItsRuntimeCapabilitiesAndWhatPushCreated(@Autowired Environment environment)
			throws Exception {
		HttpResponse<String> response = get(environment, "/actuator/farmingorm");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain(SECRET).doesNotContainIgnoringCase("password=");
		JsonNode schema = JsonMapper.builder().build().readTree(response.body()).path("schemas").path("frameworkSchema");
		assertThat(schema.path("name").asString()).isEqualTo("framework");
		assertThat(schema.path("models").size()).isEqualTo(7);
		assertThat(schema.path("runtime").path("kind").asString()).isEqualTo("jdbc");
		assertThat(schema.path("runtime").path("dialect").asString()).isEqualTo(expectedDialect());
		assertThat(schema.path("runtime").path("bean").asString()).isEqualTo("dataSource");
		assertThat(schema.path("runtime").path("clientClass").asString()).isEqualTo("com.zaxxer.hikari.HikariDataSource");
		assertThat(schema.path("capabilities").path("supportsTransactions").asBoolean()).isTrue();
		assertThat(schema.path("lastPush").path("description").asString()).startsWith("created 7 tables");
	}

	@Test
	void oneSchemaIsReadByItsNameAndAnUnknownOneIsNotFound(@Autowired Environment environment) throws Exception {
		HttpResponse<String> one = get(environment, "/actuator/farmingorm/framework");
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(one.body()).contains("\"bean\":\"frameworkSchema\"").doesNotContain(SECRET);
		assertThat(get(environment, "/actuator/farmingorm/nothing").statusCode()).isEqualTo(404);
	}

	@Test
	void healthIsUpOnceTheSchemaIsPushed(@Autowired Environment environment) throws Exception {
		HttpResponse<String> response = get(environment, "/actuator/health/farmingorm");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain(SECRET);
	}

	@Test
	void theSeedsStoreRunsThroughTheAutoConfiguredClient(@Autowired OrmClient orm) {
		FrameworkStore store = new FrameworkStore(orm);
		store.saveFrameworkState("e2e", Map.of("step", 1));
		store.saveFrameworkState("e2e", Map.of("step", 2));
		assertThat(store.getFrameworkState("e2e")).hasValueSatisfying(
				(row) -> assertThat(row.get("state").toString()).contains("2"));
		store.appendAuditLog("e2e", "login", "u1", Map.of("ip", "127.0.0.1"));
		assertThat(store.recentAuditLogs("e2e", 5)).hasSize(1);
		assertThat(store.describeBackend().dialect()).isEqualTo(expectedDialect());
	}

	@Test
	void aControllerReturningRowsAnswersWithTheirValues(@Autowired Environment environment) throws Exception {
		String namespace = uniqueName();
		HttpResponse<String> created = post(environment, "/e2e/kv/" + namespace + "/k1", "{\"theme\":\"dark\"}");
		assertThat(created.statusCode()).isEqualTo(200);
		JsonNode row = JsonMapper.builder().build().readTree(created.body());
		assertThat(row.path("namespace").asString()).isEqualTo(namespace);
		assertThat(row.path("value").path("theme").asString()).isEqualTo("dark");
		assertThat(row.path("version").asLong()).isEqualTo(1);
		assertThat(row.path("id").asString()).isNotBlank();
		JsonNode list = JsonMapper.builder().build().readTree(get(environment, "/e2e/kv/" + namespace).body());
		assertThat(list.path("items").size()).isEqualTo(1);
		assertThat(list.path("items").get(0).path("key").asString()).isEqualTo("k1");
	}

	@Test
	void storageErrorsAreAnsweredWithClientSafeProblemDetails(@Autowired Environment environment) throws Exception {
		String namespace = uniqueName();
		assertThat(post(environment, "/e2e/kv/" + namespace + "/k", "\"s3cr3t-value\"").statusCode()).isEqualTo(200);
		HttpResponse<String> duplicate = post(environment, "/e2e/kv/" + namespace + "/k", "\"s3cr3t-value\"");
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(duplicate.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(duplicate.body()).contains("\"code\":\"UNIQUE_CONSTRAINT_VIOLATION\"")
			.doesNotContain("s3cr3t-value")
			.doesNotContainIgnoringCase("insert")
			.doesNotContain("kv_items");
		assertThat(JsonMapper.builder().build().readTree(duplicate.body()).path("detail").asString())
			.isEqualTo("A record with the same unique key already exists.");
		HttpResponse<String> badPlan = post(environment, "/e2e/billing/" + uniqueName() + "/platinum", "");
		assertThat(badPlan.statusCode()).isEqualTo(400);
		assertThat(badPlan.body()).contains("\"code\":\"VALIDATION_ERROR\"").contains("\"fields\":[\"plan\"]");
		assertThat(JsonMapper.builder().build().readTree(badPlan.body()).path("detail").asString())
			.isEqualTo("The request holds a value that is not valid.");
		HttpResponse<String> goodPlan = post(environment, "/e2e/billing/" + uniqueName() + "/enterprise", "");
		assertThat(goodPlan.statusCode()).isEqualTo(200);
		assertThat(goodPlan.body()).contains("\"plan\":\"enterprise\"").contains("\"balance\":0.00");
	}

	private static HttpResponse<String> post(Environment environment, String path, String json) throws Exception {
		String port = environment.getRequiredProperty("local.server.port");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(Environment environment, String path) throws Exception {
		String port = environment.getRequiredProperty("local.server.port");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
