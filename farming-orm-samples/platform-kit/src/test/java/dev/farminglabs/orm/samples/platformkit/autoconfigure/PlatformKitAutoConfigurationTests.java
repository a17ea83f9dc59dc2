package dev.farminglabs.orm.samples.platformkit.autoconfigure;

import java.time.Duration;
import java.util.UUID;

import dev.farminglabs.orm.autoconfigure.FarmingOrmAutoConfiguration;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.samples.platformkit.PlatformKitSchema;
import dev.farminglabs.orm.samples.platformkit.PlatformKitStore;
import dev.farminglabs.orm.samples.platformkit.RateLimitPolicy;
import dev.farminglabs.orm.schema.FrameworkSchema;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformKitAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FarmingOrmAutoConfiguration.class,
				PlatformKitAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"farming.orm.push-schema=true");

	@Test
	void runWithADataSourceShouldStoreThroughTheStartersClientOnThatDatabase() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PlatformKitStore.class);
			assertThat(context.getBean(PlatformKitAutoConfiguration.SCHEMA_BEAN, FrameworkSchema.class))
				.isSameAs(PlatformKitSchema.FRAMEWORK);
			PlatformKitStore store = context.getBean(PlatformKitStore.class);
			store.putKvItem("flags", "beta", true);
			assertThat(store.getKvItem("flags", "beta")).isPresent();
			assertThat(store.describeBackend().dialect()).isEqualTo("h2");
			assertThat(context.getBean("frameworkSchemaOrmClient", OrmClient.class).model("kvItem").count())
				.isEqualTo(1);
		});
	}

	@Test
	void runWithItsOwnStoreShouldKeepTheApplications() {
		this.runner.withUserConfiguration(OwnStoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(PlatformKitStore.class);
			assertThat(context).hasBean("ownStore").doesNotHaveBean("platformKitStore");
		});
	}

	@Test
	void runShouldBindTheDefaultRateLimitAndItsOverrides() {
		this.runner.run((context) -> assertThat(context.getBean(PlatformKitProperties.class).rateLimit().policy())
			.isEqualTo(new RateLimitPolicy(10, Duration.ofMinutes(1))));
		this.runner.withPropertyValues("platform-kit.rate-limit.capacity=3", "platform-kit.rate-limit.window=30s")
			.run((context) -> assertThat(context.getBean(PlatformKitProperties.class).rateLimit().policy())
				.isEqualTo(new RateLimitPolicy(3, Duration.ofSeconds(30))));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStoreConfiguration {

		@Bean
		PlatformKitStore ownStore(OrmClient frameworkSchemaOrmClient) {
			return new PlatformKitStore(frameworkSchemaOrmClient);
		}

	}

}
