package dev.farminglabs.orm.dynamodb;

import java.util.Objects;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A {@link DynamoDbClient} with the prefix farming-orm puts before every table name, so several applications (or
 * tests) share one account and region: pass it to {@code FarmingOrm.createOrmFromRuntime}. A bare client uses the
 * prefix of the system property {@value #PREFIX_PROPERTY}, else none; the starter sets it from the property of the
 * same name.
 *
 * @param client the application's client (its endpoint, region and credentials are used as configured)
 * @param tablePrefix put before every table name: letters, digits, {@code _ . -}, possibly empty
 */
public record DynamoDbRuntime(DynamoDbClient client, String tablePrefix) {

	/** The system property a bare client's prefix is read from. */
	public static final String PREFIX_PROPERTY = "farming.orm.dynamodb.table-prefix";

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]{0,200}");

	public DynamoDbRuntime {
		Objects.requireNonNull(client, "client");
		Objects.requireNonNull(tablePrefix, "tablePrefix");
		if (!PREFIX.matcher(tablePrefix).matches()) {
			throw new IllegalArgumentException("DynamoDB table prefix '" + tablePrefix
					+ "' must be at most 200 letters, digits, '_', '.' or '-' (the characters of a table name)");
		}
	}

	/** The client with a table prefix. */
	public static DynamoDbRuntime of(DynamoDbClient client, String tablePrefix) {
		return new DynamoDbRuntime(client, tablePrefix);
	}

	/** The client with the prefix of the system property, else none. */
	public static DynamoDbRuntime of(DynamoDbClient client) {
		return new DynamoDbRuntime(client, System.getProperty(PREFIX_PROPERTY, ""));
	}

}
