package dev.farminglabs.orm.autoconfigure;

import java.util.Locale;

import dev.farminglabs.orm.setup.SetupAction;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a failed {@code farming.orm.validate-schema}: each missing table, column and index, and the ways to
 * create them.
 */
class SchemaValidationFailureAnalyzer extends AbstractFailureAnalyzer<SchemaValidationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SchemaValidationException cause) {
		StringBuilder description = new StringBuilder(cause.getMessage()).append(':');
		for (SetupAction action : cause.missing()) {
			description.append(System.lineSeparator()).append("\t- ").append(describe(action));
		}
		String action = "Create the missing objects with a migration (Flyway or Liquibase; SqlRenderer.render(schema, "
				+ "dialect) in farming-orm-jdbc renders the DDL), or set farming.orm.push-schema=true (or farming.orm."
				+ "schemas." + cause.schemaBeanName() + ".push-schema=true) to create them at startup.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

	private static String describe(SetupAction action) {
		String what = switch (action.type()) {
			case CREATE_TABLE -> "table";
			case ADD_COLUMN -> "column";
			case CREATE_UNIQUE -> "unique index";
			case CREATE_INDEX -> "index";
			default -> action.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		};
		return what + " " + action.target() + ((action.model() != null) ? " (model '" + action.model() + "')" : "");
	}

}
