package dev.farminglabs.orm.autoconfigure.slice;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.tck.FrameworkStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.test.autoconfigure.DataRedisTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataRedisTest} includes the client of every schema bean, on the slice's {@code RedisConnectionFactory}
 * (the local server, 127.0.0.1:6379), with keys under a prefix of this test's own that it deletes afterwards. The
 * test resources exclude Boot's Redis auto-configuration for the JDBC end-to-end tests; this slice clears that
 * exclusion.
 */
@DataRedisTest(properties = { "farming.orm.push-schema=true", "spring.autoconfigure.exclude=" })
class DataRedisTestSliceTests {

	private static final String PREFIX = "data-redis-slice-" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	OrmClient client;

	@Autowired
	StringRedisTemplate redis;

	@DynamicPropertySource
	static void keyPrefix(DynamicPropertyRegistry registry) {
		registry.add("farming.orm.redis.key-prefix", () -> PREFIX);
	}

	@AfterEach
	void deleteTheKeysOfThisTest() {
		this.redis.delete(keysUnderThePrefix());
	}

	@Test
	void theClientRunsOnTheSlicesRedisWithKeysUnderItsPrefix() {
		assertThat(this.client.driver().kind()).isEqualTo("redis");
		FrameworkStore store = new FrameworkStore(this.client);
		store.putKvItem("flags", "dark-mode", Map.of("on", true));
		assertThat(this.client.model("kvItem").findUnique((q) -> q.where("namespace", "flags").where("key", "dark-mode")))
			.hasValueSatisfying((row) -> assertThat(row.get("value").toString()).contains("true"));
		assertThat(keysUnderThePrefix()).isNotEmpty().allSatisfy((key) -> assertThat(key).startsWith("{" + PREFIX + ":"));
	}

	private Set<String> keysUnderThePrefix() {
		return this.redis.keys("{" + PREFIX + ":*");
	}

}
