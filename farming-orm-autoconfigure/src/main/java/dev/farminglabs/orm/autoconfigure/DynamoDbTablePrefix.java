package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.dynamodb.DynamoDbRuntime;
import org.springframework.util.ClassUtils;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Gives a {@code DynamoDbClient} bean (Spring Cloud AWS's or the application's own) the table prefix of
 * {@code farming.orm.dynamodb.table-prefix} (a {@link DynamoDbRuntime}); any other runtime bean, or any bean when the
 * DynamoDB driver is not on the class path, is passed on as it is.
 */
final class DynamoDbTablePrefix {

	private static final boolean PRESENT = ClassUtils.isPresent("dev.farminglabs.orm.dynamodb.DynamoDbRuntime",
			DynamoDbTablePrefix.class.getClassLoader())
			&& ClassUtils.isPresent("software.amazon.awssdk.services.dynamodb.DynamoDbClient",
					DynamoDbTablePrefix.class.getClassLoader());

	private DynamoDbTablePrefix() {
	}

	static Object apply(Object runtime, FarmingOrmProperties properties) {
		return PRESENT ? Dynamo.apply(runtime, properties.getDynamodb().getTablePrefix()) : runtime;
	}

	/** Loaded only when the DynamoDB driver is present. */
	private static final class Dynamo {

		static Object apply(Object runtime, String prefix) {
			return (runtime instanceof DynamoDbClient client) ? DynamoDbRuntime.of(client, prefix) : runtime;
		}

	}

}
