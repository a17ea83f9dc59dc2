package dev.farminglabs.orm.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import dev.farminglabs.orm.dynamodb.internal.DynamodbErrors;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DynamoDB failures as the client sees them, on dynalite: never a raw SDK exception, always an {@link OrmException}
 * with the code the issue names and the service's error code as {@code originalCode}.
 */
class DynamodbErrorMappingTest {

	static final DynamoDbClient CLIENT = TestDynamo.dynalite();

	@AfterAll
	static void close() {
		CLIENT.close();
	}

	private static OrmException thrown(Runnable call) {
		try {
			call.run();
		}
		catch (OrmException ex) {
			return ex;
		}
		throw new AssertionError("expected an OrmException");
	}

	@Test
	void aModelWhoseTableIsMissingIsMissingTable() {
		OrmClient orm = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA,
				DynamoDbRuntime.of(CLIENT, TestDynamo.uniquePrefix()));
		OrmException error = thrown(() -> orm.model("user").findMany());
		assertThat(error.code()).isEqualTo(OrmErrorCode.MISSING_TABLE);
		assertThat(error.originalCode()).isEqualTo("ResourceNotFoundException");
		assertThat(error.model()).isEqualTo("user");
	}

	@Test
	void aTakenUniqueValueIsAUniqueViolationNamingTheConstraint() {
		String prefix = TestDynamo.uniquePrefix();
		try {
			OrmClient orm = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA, DynamoDbRuntime.of(CLIENT, prefix));
			orm.model("user").create(Data.of("email", "ada@example.com", "name", "Ada"));
			OrmException error = thrown(
					() -> orm.model("user").create(Data.of("email", "ada@example.com", "name", "Other")));
			assertThat(error.code()).isEqualTo(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION);
			assertThat(error.target()).containsExactly("email");
			assertThat(error.constraint()).isNotBlank();
			assertThat(error.originalCode()).isEqualTo("ConditionalCheckFailed");
		}
		finally {
			TestDynamo.deleteTables(CLIENT, prefix);
		}
	}

	@Test
	void anEndpointThatDoesNotAnswerInTimeIsATimeout() throws Exception {
		try (ServerSocket silent = new ServerSocket(0);
				DynamoDbClient slow = DynamoDbClient.builder()
					.endpointOverride(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
					.region(Region.US_EAST_1)
					.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
					.overrideConfiguration((config) -> config.apiCallTimeout(Duration.ofMillis(500)))
					.build()) {
			Thread acceptor = new Thread(() -> {
				try (Socket ignored = silent.accept()) {
					TimeUnit.SECONDS.sleep(3);
				}
				catch (Exception ex) {
					// closed by the test
				}
			});
			acceptor.start();
			RuntimeException raw = catchRaw(() -> slow.listTables());
			OrmException error = DynamodbErrors.map(raw, "user");
			assertThat(error.code()).isEqualTo(OrmErrorCode.TIMEOUT);
			assertThat(error.getCause()).isSameAs(raw);
			acceptor.interrupt();
		}
	}

	@Test
	void aRefusedConnectionIsAConnectionFailure() {
		try (DynamoDbClient nowhere = TestDynamo.client("http://127.0.0.1:1")) {
			OrmException error = DynamodbErrors.map(catchRaw(() -> nowhere.listTables()), null);
			assertThat(error.code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
			assertThat(error.retryable()).isTrue();
		}
	}

	@Test
	void serviceErrorsMapByTheirCode() {
		assertThat(mapped("TransactionConflictException", 400).code()).isEqualTo(OrmErrorCode.TRANSACTION_CONFLICT);
		assertThat(mapped("ThrottlingException", 400).retryable()).isTrue();
		assertThat(mapped("ProvisionedThroughputExceededException", 400).code())
			.isEqualTo(OrmErrorCode.TRANSACTION_CONFLICT);
		assertThat(mapped("ResourceNotFoundException", 400).code()).isEqualTo(OrmErrorCode.MISSING_TABLE);
		assertThat(mapped("InternalServerError", 500).code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
		assertThat(mapped("UnknownOperationException", 400).code()).isEqualTo(OrmErrorCode.UNSUPPORTED_OPERATION);
		assertThat(mapped("ThrottlingException", 400).originalCode()).isEqualTo("ThrottlingException");
	}

	private static OrmException mapped(String code, int status) {
		AwsServiceException service = DynamoDbException.builder()
			.message(code)
			.statusCode(status)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
			.build();
		return DynamodbErrors.map(service, "user");
	}

	private static RuntimeException catchRaw(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			return ex;
		}
		throw new AssertionError("expected the call to fail");
	}

}
