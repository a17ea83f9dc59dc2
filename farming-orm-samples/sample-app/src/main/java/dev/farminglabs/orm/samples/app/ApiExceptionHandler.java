package dev.farminglabs.orm.samples.app;

import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.samples.platformkit.PlatformKitException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the kit's and the ORM's errors into RFC 9457 problem details with the right status. */
@RestControllerAdvice
class ApiExceptionHandler {

	@ExceptionHandler
	ProblemDetail alreadyExists(PlatformKitException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail storageError(OrmException ex) {
		HttpStatus status = switch (ex.code()) {
			case VALIDATION_ERROR -> HttpStatus.BAD_REQUEST;
			case UNSUPPORTED_OPERATION -> HttpStatus.NOT_IMPLEMENTED;
			case CONNECTION_FAILURE, TIMEOUT -> HttpStatus.SERVICE_UNAVAILABLE;
			default -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				(status == HttpStatus.INTERNAL_SERVER_ERROR) ? "The storage failed." : ex.getMessage());
		problem.setProperty("code", ex.code().name());
		return problem;
	}

}
