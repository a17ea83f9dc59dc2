package dev.farminglabs.orm.autoconfigure;

import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.error.RuntimeSetupException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link OrmException} that stopped startup (a bean that reads or writes while it is created) by the
 * code it carries: what it means, the model, fields and constraint involved, and what to check. Setup failures
 * are left to {@link SchemaPushFailureAnalyzer}.
 */
class OrmExceptionFailureAnalyzer extends AbstractFailureAnalyzer<OrmException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OrmException cause) {
		if (cause instanceof RuntimeSetupException) {
			return null;
		}
		StringBuilder description = new StringBuilder("A farming-orm operation failed during startup with error code ")
			.append(cause.code())
			.append(cause.retryable() ? " (retryable)" : "")
			.append(": ")
			.append(Secrets.redact(cause.getMessage()));
		if (cause.model() != null) {
			description.append(System.lineSeparator()).append("Model: ").append(cause.model());
		}
		if (!cause.target().isEmpty()) {
			description.append(System.lineSeparator()).append("Fields: ").append(String.join(", ", cause.target()));
		}
		if (cause.constraint() != null) {
			description.append(System.lineSeparator()).append("Constraint: ").append(cause.constraint());
		}
		return new FailureAnalysis(description.toString(), action(cause), cause);
	}

	private static String action(OrmException cause) {
		return switch (cause.code()) {
			case MISSING_TABLE, MISSING_SCHEMA -> "Create the schema before it is used: set farming.orm.push-schema=true, "
					+ "or migrate the database with Flyway or Liquibase (SqlRenderer renders the DDL).";
			case CONNECTION_FAILURE, TIMEOUT -> "Check that the database is reachable with the configured client.";
			case UNSUPPORTED_OPERATION -> "The backend's capabilities do not cover this operation; check "
					+ "orm.driver().capabilities() before using it.";
			default -> "Check the operation the bean runs at startup against the error code " + cause.code() + ".";
		};
	}

}
