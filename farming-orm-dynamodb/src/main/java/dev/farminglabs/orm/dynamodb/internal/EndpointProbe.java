package dev.farminglabs.orm.dynamodb.internal;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What an endpoint offers beyond the basic item operations, asked once per client: {@code TransactWriteItems}
 * (real DynamoDB and LocalStack have it; dynalite answers {@code UnknownOperationException}) and native TTL
 * ({@code UpdateTimeToLive}, likewise; dynalite knows only {@code DescribeTimeToLive}). An empty transaction and the TTL of a table that
 * does not exist are refused by an endpoint that knows the operation ({@code ValidationException},
 * {@code ResourceNotFoundException}) and unknown to one that does not, so the probe writes nothing.
 *
 * @param transactions whether the endpoint runs {@code TransactWriteItems}
 * @param ttl whether the endpoint has native TTL
 */
public record EndpointProbe(boolean transactions, boolean ttl) {

	private static final Map<DynamoDbClient, EndpointProbe> PROBED = Collections.synchronizedMap(new WeakHashMap<>());

	/** The probe of a client, asked on first use; a failure to reach the endpoint is thrown as the SDK raised it. */
	public static EndpointProbe of(DynamoDbClient client) {
		EndpointProbe known = PROBED.get(client);
		if (known != null) {
			return known;
		}
		client.listTables((list) -> list.limit(1));
		EndpointProbe probe = new EndpointProbe(knows(() -> client.transactWriteItems((tx) -> tx.transactItems(
				java.util.List.of()))), knows(() -> client.updateTimeToLive((ttl) -> ttl.tableName(
						"farming_orm_probe_" + Long.toHexString(System.nanoTime()))
					.timeToLiveSpecification((spec) -> spec.attributeName("probe").enabled(true)))));
		PROBED.put(client, probe);
		return probe;
	}

	private static boolean knows(Runnable call) {
		try {
			call.run();
			return true;
		}
		catch (RuntimeException ex) {
			String code = DynamodbErrors.errorCode(ex);
			if (code == null) {
				throw ex;
			}
			return !code.equals("UnknownOperationException") && !code.equals("UnknownOperation")
					&& !code.equals("InternalFailure") && !code.equals("NotImplementedException");
		}
	}

}
