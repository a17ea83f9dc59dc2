package dev.farminglabs.orm.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.dynamodb.DynamoDbRuntime;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.FrameworkModels;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The seed's {@code kvItem} model on DynamoDB (the local dynalite at 127.0.0.1:8000, or the endpoint of
 * {@code -Dfarming.bench.dynamodb.endpoint}): each operation as {@code orm*} (farming-orm's DynamoDB driver, rows
 * mapped to {@link KvItem}) and {@code raw*} ({@link DynamoRawKvItems}: the same requests on the same tables through
 * the AWS SDK's {@code DynamoDbClient}, items decoded to {@link KvItem}). Each fork works under a table prefix of its
 * own and deletes its tables afterwards.
 */
public class DynamoKvItemBenchmarks extends KvItemWorkload {

	private DynamoDbClient client;

	private String prefix;

	@Override
	@Setup(Level.Trial)
	public void open() {
		this.client = DynamoDbClient.builder()
			.endpointOverride(URI.create(System.getProperty("farming.bench.dynamodb.endpoint", "http://127.0.0.1:8000")))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
			.overrideConfiguration((config) -> config.apiCallTimeout(Duration.ofSeconds(30)))
			.build();
		this.prefix = "bench" + UUID.randomUUID().toString().substring(0, 8) + "_";
		OrmClient orm = SchemaSetup.bootstrapDatabase(FrameworkModels.FRAMEWORK,
				DynamoDbRuntime.of(this.client, this.prefix));
		this.items = orm.model("kvItem", KvItem.class);
		this.raw = new DynamoRawKvItems(this.client, this.prefix, "kv_items");
		// createMany writes as many rows at once as one write may hold all or nothing.
		seed(orm.driver().capabilities().maxBatchSize()).forEach(this.items::createMany);
	}

	@Override
	@TearDown(Level.Trial)
	public void close() {
		String after = null;
		List<String> tables = new ArrayList<>();
		do {
			String start = after;
			ListTablesResponse page = this.client.listTables((list) -> list.exclusiveStartTableName(start).limit(100));
			page.tableNames().stream().filter((name) -> name.startsWith(this.prefix)).forEach(tables::add);
			after = page.lastEvaluatedTableName();
		}
		while (after != null);
		for (String table : tables) {
			try {
				this.client.deleteTable((delete) -> delete.tableName(table));
			}
			catch (ResourceNotFoundException ex) {
				// Gone already.
			}
		}
		this.client.close();
	}

}
