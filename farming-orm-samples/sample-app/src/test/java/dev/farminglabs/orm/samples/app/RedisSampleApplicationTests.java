package dev.farminglabs.orm.samples.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with the {@code redis} profile on the local Redis server (127.0.0.1:6379), under a key prefix of its own
 * that is deleted afterwards. Driven over HTTP; what is stored is read with a {@code StringRedisTemplate}, not
 * through farming-orm.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("redis")
class RedisSampleApplicationTests {

	static final String PREFIX = "sample-" + UUID.randomUUID().toString().substring(0, 8);

	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private StringRedisTemplate redis;

	@DynamicPropertySource
	static void prefix(DynamicPropertyRegistry registry) {
		registry.add("farming.orm.redis.key-prefix", () -> PREFIX);
	}

	@AfterAll
	static void deleteKeys() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 6379));
		factory.afterPropertiesSet();
		factory.start();
		try {
			StringRedisTemplate template = new StringRedisTemplate(factory);
			for (String key : keys(template)) {
				template.delete(key);
			}
		}
		finally {
			factory.destroy();
		}
	}

	private static List<String> keys(StringRedisTemplate template) {
		List<String> keys = new ArrayList<>();
		try (Cursor<String> cursor = template.scan(ScanOptions.scanOptions().match("{" + PREFIX + ":*").build())) {
			cursor.forEachRemaining(keys::add);
		}
		return keys;
	}

	@Test
	void theApplicationRunsOnBootsRedisConnectionFactoryAndHealthIsUp() {
		JsonNode schema = body(call("GET", "/actuator/farmingorm", null)).path("schemas").path("frameworkSchema");
		assertThat(schema.path("runtime").path("kind").asString()).isEqualTo("redis");
		assertThat(schema.path("capabilities").path("supportsTransactions").asBoolean()).isFalse();
		assertThat(schema.path("lastPush").path("description").asString()).isEqualTo("created 7 tables and 7 indexes");
		assertThat(body(call("GET", "/api/backend", null)).path("dialect").asString()).isEqualTo("redis");
		JsonNode health = body(call("GET", "/actuator/health", null));
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("farmingorm").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void frameworkStateIsSavedAsAHashUnderTheModelsHashTag() {
		call("PUT", "/api/state/tenant-r", "{\"theme\":\"light\"}");
		HttpResponse<String> saved = call("PUT", "/api/state/tenant-r", "{\"theme\":\"dark\",\"seats\":3}");
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(body(call("GET", "/api/state/tenant-r", null)).path("state"))
			.isEqualTo(json.readTree("{\"theme\":\"dark\",\"seats\":3}"));
		String id = body(saved).path("id").asString();
		Map<Object, Object> stored = this.redis.opsForHash().entries("{" + PREFIX + ":framework_state}:record:" + id);
		assertThat(stored).containsEntry("scope", "tenant-r");
		assertThat(json.readTree((String) stored.get("state"))).isEqualTo(json.readTree("{\"seats\":3,\"theme\":\"dark\"}"));
		assertThat(this.redis.opsForValue().get("{" + PREFIX + ":framework_state}:unique:scope:'tenant-r"))
			.isEqualTo(id);
	}

	@Test
	void aDuplicateKvKeyIsAConflictAndTheFirstValueStays() {
		assertThat(call("POST", "/api/kv/flags/beta", "true").statusCode()).isEqualTo(201);
		HttpResponse<String> duplicate = call("POST", "/api/kv/flags/beta", "false");
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(body(duplicate).path("detail").asString()).isEqualTo("The framework key already exists.");
		assertThat(body(call("GET", "/api/kv/flags/beta", null)).path("value").asBoolean()).isTrue();
	}

	@Test
	void aCacheEntryIsUpsertedInPlaceUnderItsCompoundLock() {
		call("PUT", "/api/cache/sessions/abc", "{\"value\":{\"user\":1}}");
		HttpResponse<String> put = call("PUT", "/api/cache/sessions/abc", "{\"value\":{\"user\":2},\"ttlSeconds\":600}");
		assertThat(put.statusCode()).isEqualTo(200);
		String id = body(put).path("id").asString();
		assertThat(this.redis.opsForValue().get("{" + PREFIX + ":cache_entries}:unique:namespace,key:'sessions:'abc"))
			.isEqualTo(id);
		Map<Object, Object> stored = this.redis.opsForHash().entries("{" + PREFIX + ":cache_entries}:record:" + id);
		assertThat(json.readTree((String) stored.get("value")).path("user").asInt()).isEqualTo(2);
		assertThat((String) stored.get("expiresAt")).as("expiresAt as UTC ISO-8601 text").endsWith("Z");
		assertThat(this.redis.opsForZSet().size("{" + PREFIX + ":cache_entries}:ids")).isEqualTo(1L);
	}

	@Test
	void theRateLimitAllowsItsCapacityThenAnswers429() {
		for (int remaining = 4; remaining >= 0; remaining--) {
			HttpResponse<String> allowed = call("POST", "/api/rate-limit/client-r", null);
			assertThat(allowed.statusCode()).isEqualTo(200);
			assertThat(body(allowed).path("remaining").asInt()).isEqualTo(remaining);
		}
		assertThat(call("POST", "/api/rate-limit/client-r", null).statusCode()).isEqualTo(429);
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
