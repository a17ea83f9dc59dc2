package dev.farminglabs.orm.autoconfigure;

import java.util.Map;
import java.util.UUID;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.tck.FrameworkStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter on the application's own {@code DynamoDbClient} bean (as Spring Cloud AWS would define it), against the
 * local dynalite (127.0.0.1:8000, {@code scripts/start-services.sh}): the client is found through the DynamoDB
 * driver's provider and gets the table prefix of {@code farming.orm.dynamodb.table-prefix}.
 */
class DynamoDbAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FarmingOrmAutoConfiguration.class))
		.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class, DynamoDbClientConfiguration.class)
		.withPropertyValues("farming.orm.push-schema=true");

	@Test
	void aDynamoDbClientBeanIsUsedWithTheTablePrefixOfTheProperty() {
		String prefix = "starter" + UUID.randomUUID().toString().substring(0, 8) + "_";
		this.contextRunner.withPropertyValues("farming.orm.dynamodb.table-prefix=" + prefix).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(OrmClient.class);
			OrmClient client = context.getBean(OrmClient.class);
			assertThat(client.driver().kind()).isEqualTo("dynamodb");
			new FrameworkStore(client).putKvItem("ns", "k", Map.of("v", 1));
			DynamoDbClient dynamo = context.getBean(DynamoDbClient.class);
			try {
				assertThat(dynamo.scan((scan) -> scan.tableName(prefix + "kv_items")).count()).isEqualTo(1);
				assertThat(context.getBean(FarmingOrmClients.class).client("frameworkSchema")).hasValueSatisfying(
						(entry) -> assertThat(entry.runtimeBeanName()).isEqualTo("dynamoDbClient"));
			}
			finally {
				dynamo.listTables()
					.tableNames()
					.stream()
					.filter((name) -> name.startsWith(prefix))
					.forEach((name) -> dynamo.deleteTable((delete) -> delete.tableName(name)));
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class DynamoDbClientConfiguration {

		@Bean(destroyMethod = "close")
		DynamoDbClient dynamoDbClient() {
			return LocalDynalite.client();
		}

	}

}
