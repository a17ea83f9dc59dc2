package dev.farminglabs.orm.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.tck.FrameworkStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter on a {@code RedisConnectionFactory} bean (the local server, 127.0.0.1:6379): found through the Redis
 * driver's {@code DriverProvider.beanTypes()}, keys under {@code farming.orm.redis.key-prefix}.
 */
class RedisAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FarmingOrmAutoConfiguration.class))
		.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class, RedisConfiguration.class);

	@Test
	void aRedisConnectionFactoryBeanGetsAClientWithKeysUnderTheConfiguredPrefix() {
		String prefix = "starter-" + UUID.randomUUID().toString().substring(0, 8);
		this.contextRunner.withPropertyValues("farming.orm.push-schema=true", "farming.orm.redis.key-prefix=" + prefix)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(OrmClient.class);
				OrmClient client = context.getBean(OrmClient.class);
				assertThat(client.driver().kind()).isEqualTo("redis");
				FrameworkStore store = new FrameworkStore(client);
				store.saveFrameworkState("tenant-1", Map.of("step", 2));
				assertThat(store.getFrameworkState("tenant-1"))
					.hasValueSatisfying((row) -> assertThat(row.get("scope")).isEqualTo("tenant-1"));
				LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
				try (RedisConnection connection = factory.getConnection()) {
					int found = 0;
					ScanOptions options = ScanOptions.scanOptions().match("{" + prefix + ":*").count(1000).build();
					try (Cursor<byte[]> cursor = connection.keyCommands().scan(options)) {
						while (cursor.hasNext()) {
							byte[] key = cursor.next();
							assertThat(new String(key, StandardCharsets.UTF_8)).startsWith("{" + prefix + ":");
							connection.keyCommands().del(key);
							found++;
						}
					}
					assertThat(found).as("keys under the prefix").isGreaterThan(7);
				}
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class RedisConfiguration {

		@Bean
		LettuceConnectionFactory redisConnectionFactory() {
			return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
		}

	}

}
