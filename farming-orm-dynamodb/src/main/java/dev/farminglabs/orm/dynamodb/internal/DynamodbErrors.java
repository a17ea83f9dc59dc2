package dev.farminglabs.orm.dynamodb.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * DynamoDB failures as {@link OrmException}s: a missing table ({@code ResourceNotFoundException}) is
 * {@code MISSING_TABLE}; {@code TransactionConflict}, {@code TransactionInProgress}, throttling and exceeded
 * throughput are retryable {@code TRANSACTION_CONFLICT}; call and attempt timeouts are {@code TIMEOUT}; a client
 * that cannot reach the endpoint, a 5xx and bad credentials are {@code CONNECTION_FAILURE}; an operation the endpoint
 * does not know or a request it refuses ({@code ValidationException}, an item over 400 KB) is
 * {@code UNSUPPORTED_OPERATION}. The service's error code is the {@code originalCode}; the SDK exception is the
 * cause. Conditional-check failures never get here: the write paths turn them into unique violations or retries.
 */
public final class DynamodbErrors {

	/** The runtime kind and dialect errors carry. */
	public static final String KIND = "dynamodb";

	private DynamodbErrors() {
	}

	/** The error for a failure of a call on a model ({@code null} for calls outside one). */
	public static OrmException map(RuntimeException failure, @Nullable String model) {
		if (failure instanceof OrmException orm) {
			return orm;
		}
		String code = errorCode(failure);
		OrmErrorCode mapped = classify(failure, code);
		String message = "DynamoDB " + describe(mapped) + ": " + deepestMessage(failure);
		return OrmException.builder(mapped, message)
			.cause(failure)
			.backend(KIND, KIND)
			.model(model)
			.retryable(mapped.retryable() || mapped == OrmErrorCode.TRANSACTION_CONFLICT)
			.originalCode(code)
			.build();
	}

	/** The service's error code ({@code ResourceNotFoundException}), or {@code null} for a client-side failure. */
	static @Nullable String errorCode(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof AwsServiceException service && service.awsErrorDetails() != null) {
				return service.awsErrorDetails().errorCode();
			}
		}
		return null;
	}

	private static OrmErrorCode classify(Throwable failure, @Nullable String code) {
		if (code != null) {
			switch (code) {
				case "ResourceNotFoundException" -> {
					return OrmErrorCode.MISSING_TABLE;
				}
				case "TransactionConflictException", "TransactionConflict", "TransactionInProgressException",
						"ThrottlingException", "Throttling", "ProvisionedThroughputExceededException",
						"RequestLimitExceeded", "LimitExceededException" -> {
					return OrmErrorCode.TRANSACTION_CONFLICT;
				}
				case "UnrecognizedClientException", "InvalidSignatureException", "MissingAuthenticationTokenException",
						"AccessDeniedException", "ExpiredTokenException", "InternalServerError",
						"ServiceUnavailable", "ServiceUnavailableException" -> {
					return OrmErrorCode.CONNECTION_FAILURE;
				}
				default -> {
					AwsServiceException service = (AwsServiceException) failure;
					if (service.statusCode() >= 500) {
						return OrmErrorCode.CONNECTION_FAILURE;
					}
					return OrmErrorCode.UNSUPPORTED_OPERATION;
				}
			}
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
					|| t instanceof SocketTimeoutException) {
				return OrmErrorCode.TIMEOUT;
			}
		}
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ConnectException || t instanceof IOException || t instanceof SdkClientException) {
				return OrmErrorCode.CONNECTION_FAILURE;
			}
		}
		return OrmErrorCode.CONNECTION_FAILURE;
	}

	private static String describe(OrmErrorCode code) {
		return switch (code) {
			case MISSING_TABLE -> "table does not exist";
			case TRANSACTION_CONFLICT -> "asked to try again";
			case TIMEOUT -> "call timed out";
			case UNSUPPORTED_OPERATION -> "refused the request";
			default -> "is unavailable";
		};
	}

	private static String deepestMessage(Throwable failure) {
		String message = failure.getMessage();
		for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
			if (t.getMessage() != null && message == null) {
				message = t.getMessage();
			}
		}
		return String.valueOf(message);
	}

}
