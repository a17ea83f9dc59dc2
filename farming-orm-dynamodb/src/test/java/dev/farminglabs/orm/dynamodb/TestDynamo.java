package dev.farminglabs.orm.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.farminglabs.orm.dynamodb.internal.DynamodbDriver;
import dev.farminglabs.orm.tck.TckBackend;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * DynamoDB for tests: a client on the local dynalite (127.0.0.1:8000, started by {@code scripts/start-services.sh}),
 * and TCK backends that give every test its own table prefix and delete that prefix's tables afterwards. An
 * unreachable endpoint fails the test.
 */
final class TestDynamo {

	static final String ENDPOINT = System.getProperty("farming.test.dynamodb.endpoint", "http://127.0.0.1:8000");

	private static final AtomicLong SEQUENCE = new AtomicLong();

	private TestDynamo() {
	}

	/** A client on the local dynalite. */
	static DynamoDbClient dynalite() {
		return client(ENDPOINT);
	}

	static DynamoDbClient client(String endpoint) {
		return DynamoDbClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.overrideConfiguration((config) -> config.apiCallTimeout(Duration.ofSeconds(30)))
			.build();
	}

	/** A prefix no other test or build uses. */
	static String uniquePrefix() {
		return "tck" + UUID.randomUUID().toString().substring(0, 8) + SEQUENCE.incrementAndGet() + "_";
	}

	/** A TCK backend on the client: a fresh table prefix per test, its tables deleted afterwards. */
	static TckBackend backend(DynamoDbClient client) {
		return new TckBackend() {
			@Override
			public Object newRuntime() {
				return DynamoDbRuntime.of(client, uniquePrefix());
			}

			@Override
			public void release(Object runtime) {
				deleteTables(client, ((DynamoDbRuntime) runtime).tablePrefix());
			}
		};
	}

	/** The tables whose name starts with the prefix. */
	static List<String> tables(DynamoDbClient client, String prefix) {
		List<String> tables = new ArrayList<>();
		String after = null;
		do {
			String start = after;
			ListTablesResponse page = client.listTables((list) -> list.exclusiveStartTableName(start).limit(100));
			page.tableNames().stream().filter((name) -> name.startsWith(prefix)).forEach(tables::add);
			after = page.lastEvaluatedTableName();
		}
		while (after != null);
		return tables;
	}

	/** The lock items of a prefix (by lock name, the holder's id), read by a consistent scan of its lock table. */
	static Map<String, String> lockItems(DynamoDbClient client, String prefix) {
		Map<String, String> locks = new HashMap<>();
		Map<String, AttributeValue> after = null;
		do {
			Map<String, AttributeValue> start = after;
			ScanResponse page = client.scan((scan) -> scan.tableName(DynamodbDriver.lockTable(prefix))
				.consistentRead(true)
				.exclusiveStartKey(start));
			for (Map<String, AttributeValue> item : page.items()) {
				AttributeValue holder = item.get("id");
				if (holder != null) {
					locks.put(item.get("lock").s(), holder.s());
				}
			}
			after = (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) ? page.lastEvaluatedKey() : null;
		}
		while (after != null);
		return locks;
	}

	static void deleteTables(DynamoDbClient client, String prefix) {
		for (String table : tables(client, prefix)) {
			try {
				client.deleteTable((delete) -> delete.tableName(table));
			}
			catch (ResourceNotFoundException ex) {
				// Gone already.
			}
		}
	}

}
