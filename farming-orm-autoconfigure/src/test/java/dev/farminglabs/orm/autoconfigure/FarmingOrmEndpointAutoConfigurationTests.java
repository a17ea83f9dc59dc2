package dev.farminglabs.orm.autoconfigure;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.tck.FrameworkStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class FarmingOrmEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FarmingOrmAutoConfiguration.class,
				FarmingOrmEndpointAutoConfiguration.class, FarmingOrmHealthContributorAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=farmingorm");

	@Test
	void theEndpointDescribesModelsRuntimeCapabilitiesAndTheLastPush() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				FarmingOrmEndpoint.SchemasDescriptor all = context.getBean(FarmingOrmEndpoint.class).schemas();
				assertThat(all.schemas()).containsOnlyKeys("frameworkSchema");
				FarmingOrmEndpoint.SchemaDescriptor schema = all.schemas().get("frameworkSchema");
				assertThat(schema.name()).isEqualTo("framework");
				assertThat(schema.models()).hasSize(7);
				assertThat(schema.models()).filteredOn((m) -> m.name().equals("cacheEntry"))
					.singleElement()
					.satisfies((model) -> {
						assertThat(model.table()).isEqualTo("cache_entries");
						assertThat(model.uniqueConstraints()).anySatisfy(
								(unique) -> assertThat(unique.fields()).containsExactly("namespace", "key"));
					});
				assertThat(schema.runtime().kind()).isEqualTo("jdbc");
				assertThat(schema.runtime().dialect()).isEqualTo("h2");
				assertThat(schema.runtime().bean()).isEqualTo("dataSource");
				assertThat(schema.runtime().clientClass()).isEqualTo(DriverManagerDataSource.class.getName());
				assertThat(schema.runtime().summary()).isNotBlank();
				assertThat(schema.capabilities()).containsEntry("supportsTransactions", true);
				assertThat(schema.lastPush()).isNotNull();
				assertThat(schema.lastPush().description()).startsWith("created 7 tables");
				assertThat(schema.lastPush().applied()).contains("CREATE_TABLE audit_logs");
				assertThat(context.getBean(FarmingOrmEndpoint.class).schema("framework")).isEqualTo(schema);
				assertThat(context.getBean(FarmingOrmEndpoint.class).schema("missing")).isNull();
				String json = JsonMapper.builder().findAndAddModules().build().writeValueAsString(all);
				assertThat(json).contains("\"frameworkSchema\"").contains("\"supportsTransactions\":true");
			});
	}

	@Test
	void theEndpointShowsNoCredentialOfTheDataSource() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					CredentialsInUrlConfiguration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String json = JsonMapper.builder().build()
					.writeValueAsString(context.getBean(FarmingOrmEndpoint.class).schemas());
				assertThat(json).contains("\"kind\":\"jdbc\"").doesNotContain("s3cr3t").doesNotContain("app_user");
			});
	}

	@Test
	void credentialsAreMaskedInUrlsAndParameters() {
		assertThat(Secrets.redact("jdbc:postgresql://app_user:s3cr3t@db:5432/app?password=s3cr3t&ssl=true"))
			.isEqualTo("jdbc:postgresql://******@db:5432/app?password=******&ssl=true");
		assertThat(Secrets.redact("redis://:s3cr3t@cache:6379/0")).isEqualTo("redis://******@cache:6379/0");
		assertThat(Secrets.redact("jdbc:h2:mem:x;USER=sa;PASSWORD=s3cr3t")).doesNotContain("s3cr3t");
		assertThat(Secrets.redact("aws.secretAccessKey=s3cr3t, aws.accessKeyId=AKIA1234 sessionToken: s3cr3t"))
			.doesNotContain("s3cr3t")
			.doesNotContain("AKIA1234");
	}

	@Test
	void theEndpointIsNotCreatedWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(OrmClient.class)
				.doesNotHaveBean(FarmingOrmEndpoint.class));
	}

	@Test
	void theEndpointIsNotCreatedWhenNotExposed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FarmingOrmAutoConfiguration.class,
					FarmingOrmEndpointAutoConfiguration.class))
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(FarmingOrmEndpoint.class));
	}

	@Test
	void theHealthIndicatorIsNotCreatedWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FarmingOrmHealthIndicator.class));
	}

	@Test
	void healthIsUpWhenEveryTableExists() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				Health health = context.getBean("farmingormHealthIndicator", FarmingOrmHealthIndicator.class)
					.health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void healthIsOutOfServiceWithTheMissingTablesWhenTheSchemaWasNotPushed() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.run((context) -> {
				Health health = context.getBean(FarmingOrmHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(health.getDetails()).containsKey("frameworkSchema");
				assertThat(health.getDetails().get("frameworkSchema").toString()).contains("audit_logs");
			});
	}

	@Test
	void theStoreRunsThroughTheClientTheEndpointDescribes() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				FrameworkStore store = new FrameworkStore(context.getBean(OrmClient.class));
				store.appendAuditLog("tenant", "login", "u1", Map.of("ip", "127.0.0.1"));
				assertThat(store.recentAuditLogs("tenant", 10)).hasSize(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class CredentialsInUrlConfiguration {

		@Bean
		DataSource dataSource() {
			return new DriverManagerDataSource(
					"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;USER=app_user;PASSWORD=s3cr3t");
		}

	}

}
