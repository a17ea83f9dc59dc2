package dev.farminglabs.orm.autoconfigure;

import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.mongodb.MongoDriverProvider;
import dev.farminglabs.orm.mongodb.MongoRuntime;
import dev.farminglabs.orm.tck.FrameworkStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter on Boot's own MongoDB auto-configuration ({@code spring.mongodb.uri}), against the in-process
 * mongo-java-server: the {@code MongoTemplate} of {@code spring-boot-starter-data-mongodb}, or the
 * {@code MongoClient} of {@code spring-boot-starter-mongodb} with the database of the URI or of
 * {@code farming.orm.mongodb.database}.
 */
class MongoAutoConfigurationTests {

	private static MongoServer server;

	private static String uri;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, DataMongoAutoConfiguration.class,
				FarmingOrmAutoConfiguration.class))
		.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class)
		.withPropertyValues("farming.orm.push-schema=true");

	@BeforeAll
	static void startServer() {
		server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
	}

	@AfterAll
	static void stopServer() {
		server.shutdownNow();
	}

	@Test
	void theMongoTemplateOfBootsDataMongoAutoConfigurationIsUsed() {
		this.contextRunner.withPropertyValues("spring.mongodb.uri=" + uri + "/boot_template").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(OrmClient.class).doesNotHaveBean(MongoRuntime.class);
			OrmClient client = context.getBean(OrmClient.class);
			assertThat(client.driver().kind()).isEqualTo("mongodb");
			assertThat(client.driver().capabilities().supportsTransactions()).isFalse();
			new FrameworkStore(client).putKvItem("ns", "k", Map.of("v", 1));
			assertThat(context.getBean(MongoTemplate.class).getCollection("kv_items").countDocuments()).isEqualTo(1);
			assertThat(context.getBean(FarmingOrmClients.class).client("frameworkSchema")).hasValueSatisfying(
					(entry) -> assertThat(entry.runtimeBeanName()).isEqualTo("mongoTemplate"));
		});
	}

	@Test
	void aMongoClientWithoutTemplateRunsOnTheDatabaseOfTheUri() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MongoTemplate.class))
			.withPropertyValues("spring.mongodb.uri=" + uri + "/boot_client_uri")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(OrmClient.class);
				assertThat(context.getBean(MongoRuntime.class).database()).isEqualTo("boot_client_uri");
				assertThat(context.getBean(FarmingOrmClients.class).client("frameworkSchema")).hasValueSatisfying(
						(entry) -> assertThat(entry.runtimeBeanName()).isEqualTo("farmingOrmMongoRuntime"));
				new FrameworkStore(context.getBean(OrmClient.class)).saveFrameworkState("tenant", Map.of("a", 1));
				assertThat(context.getBean(com.mongodb.client.MongoClient.class)
					.getDatabase("boot_client_uri")
					.getCollection("framework_state")
					.countDocuments()).isEqualTo(1);
			});
	}

	@Test
	void farmingOrmMongodbDatabaseChoosesTheDatabaseOfAMongoClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MongoTemplate.class))
			.withPropertyValues("spring.mongodb.uri=" + uri + "/ignored", "farming.orm.mongodb.database=boot_chosen")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MongoRuntime.class).database()).isEqualTo("boot_chosen");
				assertThat(context.getBean(OrmClient.class).model("kvItem").count()).isZero();
			});
	}

	@Test
	void withoutTheDriverModuleTheMongoTemplateIsNamedWithTheModuleToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MongoDriverProvider.class))
			.withPropertyValues("spring.mongodb.uri=" + uri + "/boot_no_module")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(OrmRuntimeSelectionException.class)
					.hasMessageContaining("'mongoTemplate' (MongoTemplate), which needs dev.farminglabs:farming-orm-mongodb");
			});
	}

	@Test
	void withADataSourceTooTheRuntimePropertyPicksMongodb() {
		this.contextRunner.withUserConfiguration(TestConfigurations.H2Configuration.class)
			.withPropertyValues("spring.mongodb.uri=" + uri + "/boot_two", "farming.orm.runtime=mongodb")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(OrmClient.class).driver().kind()).isEqualTo("mongodb");
			});
	}

	@Test
	void withADataSourceTooAndNoPropertyStartupFailsListingBoth() {
		this.contextRunner.withUserConfiguration(TestConfigurations.H2Configuration.class)
			.withPropertyValues("spring.mongodb.uri=" + uri + "/boot_three")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(OrmRuntimeSelectionException.class)
					.hasMessageContaining("'mongoTemplate' (mongodb: MongoTemplate)")
					.hasMessageContaining("'dataSource' (jdbc");
			});
	}

}
