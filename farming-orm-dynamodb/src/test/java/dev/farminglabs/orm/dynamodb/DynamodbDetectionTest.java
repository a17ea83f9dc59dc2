package dev.farminglabs.orm.dynamodb;

import java.net.URI;
import java.time.Duration;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.runtime.RuntimeInspection;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which DynamoDB clients are used, which are explained, and what an unreachable endpoint gives. */
class DynamodbDetectionTest {

	static final DynamoDbClient CLIENT = TestDynamo.dynalite();

	@AfterAll
	static void close() {
		CLIENT.close();
	}

	private static RuntimeCandidate dynamodb(RuntimeInspection inspection) {
		return inspection.candidates()
			.stream()
			.filter((candidate) -> candidate.kind().equals("dynamodb"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aDynamoDbClientIsDetectedWithWhatTheEndpointOffers() {
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(CLIENT);
		assertThat(inspection.runtime()).hasValueSatisfying((runtime) -> {
			assertThat(runtime.kind()).isEqualTo("dynamodb");
			assertThat(runtime.serverVersion()).isEqualTo("2012-08-10");
			assertThat(runtime.source()).isEqualTo(CLIENT.getClass().getSimpleName());
		});
		assertThat(dynamodb(inspection).reasons()).anySatisfy((reason) -> assertThat(reason)
			.contains("without TransactWriteItems").contains("without TTL"));
	}

	@Test
	void dynaliteGetsTheStepwiseCapabilities() {
		OrmClient orm = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA,
				DynamoDbRuntime.of(CLIENT, TestDynamo.uniquePrefix()));
		assertThat(orm.driver().kind()).isEqualTo("dynamodb");
		assertThat(orm.driver().capabilities().supportsTransactions()).isFalse();
		assertThat(orm.driver().capabilities().nativeExpiry()).isFalse();
		assertThat(orm.driver().capabilities().maxAtomicWrites()).isBetween(1, 100);
	}

	@Test
	void aRuntimeWithAPrefixKeepsIt() {
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(DynamoDbRuntime.of(CLIENT, "app_one_"));
		assertThat(dynamodb(inspection).reasons())
			.anySatisfy((reason) -> assertThat(reason).contains("prefix 'app_one_'"));
	}

	@Test
	void anAsyncClientIsRecognisedAndExplainedNotUsed() {
		try (DynamoDbAsyncClient async = DynamoDbAsyncClient.builder()
			.endpointOverride(URI.create(TestDynamo.ENDPOINT))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build()) {
			RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(async);
			assertThat(inspection.runtime()).isEmpty();
			RuntimeCandidate candidate = dynamodb(inspection);
			assertThat(candidate.reasons()).anySatisfy((reason) -> assertThat(reason).contains("asynchronous"));
			assertThat(candidate.hint()).contains("DynamoDbClient");
			assertThatThrownBy(() -> FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, async))
				.isInstanceOfSatisfying(OrmException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.UNSUPPORTED_OPERATION));
		}
	}

	@Test
	void anEnhancedClientIsRecognisedAndExplainedNotUsed() {
		DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(CLIENT).build();
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(enhanced);
		assertThat(inspection.runtime()).isEmpty();
		RuntimeCandidate candidate = dynamodb(inspection);
		assertThat(candidate.reasons()).anySatisfy((reason) -> assertThat(reason).contains("enhanced"));
		assertThat(candidate.hint()).contains("dynamoDbClient(");
	}

	@Test
	void anUnreachableEndpointIsAConnectionFailureAtDetect() {
		try (DynamoDbClient nowhere = DynamoDbClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:1"))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.overrideConfiguration((config) -> config.apiCallTimeout(Duration.ofSeconds(5)))
			.build()) {
			RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(nowhere);
			assertThat(inspection.runtime()).isEmpty();
			assertThat(dynamodb(inspection).unreachable()).isTrue();
			assertThatThrownBy(() -> FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, nowhere))
				.isInstanceOfSatisfying(OrmException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE));
		}
	}

}
