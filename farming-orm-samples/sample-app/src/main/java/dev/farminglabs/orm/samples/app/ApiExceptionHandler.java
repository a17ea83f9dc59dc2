package dev.farminglabs.orm.samples.app;

import dev.farminglabs.orm.samples.platformkit.PlatformKitException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the kit's own errors into RFC 9457 problem details. Storage errors ({@code OrmException}) are answered by the
 * starter's problem details ({@code farming.orm.problem-details.enabled} in {@code application.yml}).
 */
@RestControllerAdvice
class ApiExceptionHandler {

	@ExceptionHandler
	ProblemDetail alreadyExists(PlatformKitException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

}
