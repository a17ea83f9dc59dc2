package dev.farminglabs.orm.dynamodb;

import java.util.List;

import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.dynamodb.internal.DynamodbDriver;
import dev.farminglabs.orm.dynamodb.internal.DynamodbErrors;
import dev.farminglabs.orm.dynamodb.internal.EndpointProbe;
import dev.farminglabs.orm.runtime.DetectedRuntime;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.DriverProvider;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Registers the DynamoDB runtime: an AWS SDK v2 {@link DynamoDbClient} (with whatever endpoint, region and
 * credentials the application configured) or a {@link DynamoDbRuntime} that adds a table prefix. A
 * {@code DynamoDbAsyncClient} and a {@code DynamoDbEnhancedClient} are recognised and explained.
 */
public final class DynamoDbDriverProvider implements DriverProvider {

	/** The runtime kind and dialect. */
	public static final String KIND = DynamodbErrors.KIND;

	/** The API version every DynamoDB endpoint speaks; DynamoDB reports no server version. */
	static final String API_VERSION = "2012-08-10";

	private static final String ASYNC_CLIENT = "software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient";

	private static final String ENHANCED_CLIENT = "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient";

	private static final String ENHANCED_ASYNC_CLIENT = "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient";

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public List<String> beanTypes() {
		return List.of("software.amazon.awssdk.services.dynamodb.DynamoDbClient");
	}

	@Override
	public RuntimeCandidate inspect(Object client) {
		try {
			return inspectClient(client);
		}
		catch (LinkageError ex) {
			return RuntimeCandidate.rejected(KIND, "the AWS SDK's DynamoDB client is not on the class path");
		}
	}

	private RuntimeCandidate inspectClient(@Nullable Object client) {
		if (client == null) {
			return RuntimeCandidate.rejected(KIND, "not a DynamoDbClient or DynamoDbRuntime");
		}
		if (isA(client, ENHANCED_CLIENT) || isA(client, ENHANCED_ASYNC_CLIENT)) {
			return RuntimeCandidate.recognised(KIND, "is a " + simple(client) + " (the enhanced, table-schema client)",
					"farming-orm maps rows itself: pass the DynamoDbClient the enhanced client was built with "
							+ "(DynamoDbEnhancedClient.builder().dynamoDbClient(...)).");
		}
		if (isA(client, ASYNC_CLIENT)) {
			return RuntimeCandidate.recognised(KIND, "is a " + simple(client) + " (asynchronous)",
					"farming-orm's DynamoDB driver is blocking: pass a DynamoDbClient (DynamoDbClient.builder() with "
							+ "the same endpoint, region and credentials) instead.");
		}
		DynamoDbRuntime runtime;
		String source;
		if (client instanceof DynamoDbRuntime given) {
			runtime = given;
			source = "DynamoDbRuntime (" + simple(given.client()) + ", table prefix '" + given.tablePrefix() + "')";
		}
		else if (client instanceof DynamoDbClient dynamo) {
			runtime = DynamoDbRuntime.of(dynamo);
			source = simple(dynamo);
		}
		else {
			return RuntimeCandidate.rejected(KIND, "not a DynamoDbClient or DynamoDbRuntime");
		}
		EndpointProbe probe;
		try {
			probe = EndpointProbe.of(runtime.client());
		}
		catch (RuntimeException ex) {
			return RuntimeCandidate.unreachable(KIND,
					source + " found, but DynamoDB did not answer: " + DynamodbErrors.map(ex, null).getMessage(),
					"Check the client's endpoint, region and credentials (spring.cloud.aws.* or your own bean).");
		}
		String reason = source + " reaches DynamoDB (API " + API_VERSION + ", "
				+ (probe.transactions() ? "with" : "without") + " TransactWriteItems, "
				+ (probe.ttl() ? "with" : "without") + " TTL), tables under the prefix '" + runtime.tablePrefix() + "'";
		return RuntimeCandidate.matched(new DetectedRuntime(KIND, KIND, source, runtime, API_VERSION), reason);
	}

	@Override
	public Driver connect(DetectedRuntime runtime, FrameworkSchema schema) {
		DynamoDbRuntime dynamo = (runtime.client() instanceof DynamoDbRuntime given) ? given
				: DynamoDbRuntime.of((DynamoDbClient) runtime.client());
		EndpointProbe probe = EndpointProbe.of(dynamo.client());
		return new DynamodbDriver(dynamo.client(), dynamo.tablePrefix(),
				new DriverHandle(KIND, KIND, runtime.serverVersion(), DynamodbDriver.capabilities(schema, probe.ttl())),
				probe.transactions(), probe.ttl());
	}

	private static boolean isA(Object client, String type) {
		for (Class<?> c = client.getClass(); c != null; c = c.getSuperclass()) {
			if (c.getName().equals(type) || implementsType(c, type)) {
				return true;
			}
		}
		return false;
	}

	private static boolean implementsType(Class<?> type, String name) {
		for (Class<?> parent : type.getInterfaces()) {
			if (parent.getName().equals(name) || implementsType(parent, name)) {
				return true;
			}
		}
		return false;
	}

	private static String simple(Object object) {
		return object.getClass().getSimpleName();
	}

}
