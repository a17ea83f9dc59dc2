package dev.farminglabs.orm.autoconfigure;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client the tests use: the local dynalite ({@code scripts/start-services.sh}), or the endpoint of the
 * system property {@code farming.test.dynamodb.endpoint}.
 */
public final class LocalDynalite {

	private LocalDynalite() {
	}

	/** A new client on the test endpoint; the caller closes it. */
	public static DynamoDbClient client() {
		return DynamoDbClient.builder()
			.endpointOverride(URI.create(System.getProperty("farming.test.dynamodb.endpoint", "http://127.0.0.1:8000")))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

}
