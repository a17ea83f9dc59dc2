package dev.farminglabs.orm.jdbc;

import java.util.List;

import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.jdbc.internal.JdbcSchemaManager;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SetupAction;

/**
 * The DDL a schema needs on an empty database of a dialect (upstream's {@code renderSafeSql}), for applications that
 * own their migrations: paste it into a Flyway or Liquibase script instead of letting push create the tables.
 */
public final class SqlRenderer {

	private SqlRenderer() {
	}

	/** The statements, in the order they must run. */
	public static List<String> statements(FrameworkSchema schema, SqlDialect dialect) {
		return JdbcSchemaManager.planEmpty(schema, dialect).stream().map(SetupAction::statement).toList();
	}

	/** The statements as one script, each ending with a semicolon. */
	public static String render(FrameworkSchema schema, SqlDialect dialect) {
		StringBuilder script = new StringBuilder();
		for (String statement : statements(schema, dialect)) {
			script.append(statement).append(";\n");
		}
		return script.toString();
	}

}
