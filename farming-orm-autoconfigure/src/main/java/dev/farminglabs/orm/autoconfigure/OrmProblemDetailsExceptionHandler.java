package dev.farminglabs.orm.autoconfigure;

import java.net.URI;
import java.util.Locale;

import dev.farminglabs.orm.error.OrmException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers an {@link OrmException} that reaches Spring MVC (directly, or as the cause of the
 * {@code DataAccessException} a {@code @Repository} translated it to) with an RFC 9457 problem detail: 400 for bad
 * input, 409 for conflicts, 503 when the backend is unavailable, 500 otherwise. The detail is a fixed text per code
 * and the properties are the code, whether a retry may help and the fields involved: never SQL, values or backend
 * messages. Opt-in with {@code farming.orm.problem-details.enabled=true}. Ordered last, so that the application's
 * own handlers win, also for its exceptions that wrap an {@code OrmException} (Spring matches handlers on causes).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class OrmProblemDetailsExceptionHandler {

	@ExceptionHandler(OrmException.class)
	ResponseEntity<ProblemDetail> handleOrmException(OrmException ex) {
		return ResponseEntity.of(problemDetail(ex)).build();
	}

	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<ProblemDetail> handleTranslatedOrmException(DataAccessException ex) {
		if (!(ex.getCause() instanceof OrmException orm)) {
			// Rethrowing the exception itself leaves it to the resolvers after this one.
			throw ex;
		}
		return handleOrmException(orm);
	}

	/** The problem detail of an exception: status, fixed detail, code, retryable and fields. */
	public static ProblemDetail problemDetail(OrmException ex) {
		HttpStatus status = status(ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(ex));
		problem.setType(URI.create("urn:farming-orm:error:" + ex.code().name().toLowerCase(Locale.ROOT)));
		problem.setProperty("code", ex.code().name());
		problem.setProperty("retryable", ex.retryable());
		if (!ex.target().isEmpty() && status.is4xxClientError()) {
			problem.setProperty("fields", ex.target());
		}
		return problem;
	}

	static HttpStatus status(OrmException ex) {
		return switch (ex.code()) {
			case VALIDATION_ERROR, NOT_NULL_VIOLATION -> HttpStatus.BAD_REQUEST;
			case UNIQUE_CONSTRAINT_VIOLATION, FOREIGN_KEY_VIOLATION, TRANSACTION_CONFLICT, DEADLOCK ->
				HttpStatus.CONFLICT;
			case CONNECTION_FAILURE, TIMEOUT -> HttpStatus.SERVICE_UNAVAILABLE;
			default -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
	}

	private static String detail(OrmException ex) {
		return switch (ex.code()) {
			case VALIDATION_ERROR -> "The request holds a value that is not valid.";
			case NOT_NULL_VIOLATION -> "The request lacks a required value.";
			case UNIQUE_CONSTRAINT_VIOLATION -> "A record with the same unique key already exists.";
			case FOREIGN_KEY_VIOLATION -> "The request refers to a record that does not exist, or removes one that "
					+ "others still refer to.";
			case TRANSACTION_CONFLICT, DEADLOCK -> "The request collided with a concurrent change; retry it.";
			case CONNECTION_FAILURE, TIMEOUT -> "The storage is unavailable at the moment; retry later.";
			default -> "The request could not be completed.";
		};
	}

}
