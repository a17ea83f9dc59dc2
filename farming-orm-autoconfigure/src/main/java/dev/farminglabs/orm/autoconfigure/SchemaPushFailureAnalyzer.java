package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.RuntimeSetupException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a failed {@code farming.orm.push-schema}: the runtime, the error code the exception carries, the
 * statement that failed and the backend's error.
 */
class SchemaPushFailureAnalyzer extends AbstractFailureAnalyzer<RuntimeSetupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RuntimeSetupException cause) {
		StringBuilder description = new StringBuilder(String.valueOf(cause.getMessage()));
		description.append(System.lineSeparator())
			.append(System.lineSeparator())
			.append("Error code: ")
			.append(cause.code())
			.append(cause.retryable() ? " (retryable)" : "");
		if (cause.statement() != null) {
			description.append(System.lineSeparator())
				.append(System.lineSeparator())
				.append("Statement: ")
				.append(cause.statement());
		}
		String action;
		if (cause.code() == OrmErrorCode.CONNECTION_FAILURE || cause.code() == OrmErrorCode.TIMEOUT) {
			action = "Check that the runtime's client bean is configured and its database reachable.";
		}
		else if (cause.stage() == RuntimeSetupException.Stage.PUSH || cause.stage() == RuntimeSetupException.Stage.PLAN) {
			action = "Fix the database (or the rights of the user the application connects as) so that the statement "
					+ "can run, or create the schema with Flyway or Liquibase (render its DDL with SqlRenderer) and "
					+ "set farming.orm.push-schema=false.";
		}
		else {
			action = "Check that the runtime's client bean is configured and its database reachable.";
		}
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
