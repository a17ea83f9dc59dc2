package dev.farminglabs.orm.autoconfigure.slice;

import java.util.Map;
import java.util.UUID;

import dev.farminglabs.orm.autoconfigure.LocalDynalite;
import dev.farminglabs.orm.autoconfigure.test.AutoConfigureFarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.tck.FrameworkModels;
import dev.farminglabs.orm.tck.FrameworkStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot has no DynamoDB test slice: {@code @AutoConfigureFarmingOrm} next to the test's own {@code DynamoDbClient}
 * bean (the local dynalite, 127.0.0.1:8000) gives the client, with tables under a prefix of this test's own that it
 * deletes afterwards.
 */
@SpringJUnitConfig(AutoConfigureFarmingOrmDynamoDbTests.Beans.class)
@AutoConfigureFarmingOrm
class AutoConfigureFarmingOrmDynamoDbTests {

	private static final String PREFIX = "slice" + UUID.randomUUID().toString().substring(0, 8) + "_";

	@Autowired
	OrmClient client;

	@Autowired
	DynamoDbClient dynamo;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("farming.orm.push-schema", () -> "true");
		registry.add("farming.orm.dynamodb.table-prefix", () -> PREFIX);
	}

	@AfterEach
	void deleteTheTablesOfThisTest() {
		this.dynamo.listTables()
			.tableNames()
			.stream()
			.filter((name) -> name.startsWith(PREFIX))
			.forEach((name) -> this.dynamo.deleteTable((delete) -> delete.tableName(name)));
	}

	@Test
	void theClientRunsOnTheTestsDynamoDbClientWithTablesUnderItsPrefix() {
		assertThat(this.client.driver().kind()).isEqualTo("dynamodb");
		new FrameworkStore(this.client).putKvItem("flags", "dark-mode", Map.of("on", true));
		assertThat(this.dynamo.scan((scan) -> scan.tableName(PREFIX + "kv_items")).count()).isEqualTo(1);
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		FrameworkSchema frameworkSchema() {
			return FrameworkModels.FRAMEWORK;
		}

		@Bean(destroyMethod = "close")
		DynamoDbClient dynamoDbClient() {
			return LocalDynalite.client();
		}

	}

}
