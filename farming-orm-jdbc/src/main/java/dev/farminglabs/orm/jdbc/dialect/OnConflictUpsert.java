package dev.farminglabs.orm.jdbc.dialect;

import java.util.List;
import java.util.stream.Collectors;

import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;

/** {@code INSERT ... ON CONFLICT (key) DO UPDATE SET ...}, shared by PostgreSQL and SQLite. */
final class OnConflictUpsert {

	private OnConflictUpsert() {
	}

	static String render(SqlDialect dialect, ModelDefinition model, UniqueConstraint key,
			List<FieldDefinition> columns, List<FieldDefinition> changed) {
		String placeholders = columns.stream().map(dialect::placeholder).collect(Collectors.joining(", "));
		String conflict = key.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
		String updates;
		if (changed.isEmpty()) {
			// A no-op update, so the existing row is returned like an updated one.
			String first = dialect.quote(key.columns().get(0));
			updates = first + " = EXCLUDED." + first;
		}
		else {
			updates = changed.stream()
				.map((field) -> dialect.quote(field.column()) + " = " + dialect.placeholder(field))
				.collect(Collectors.joining(", "));
		}
		return "INSERT INTO " + dialect.table(model) + " (" + dialect.columns(columns) + ") VALUES ("
				+ placeholders + ") ON CONFLICT (" + conflict + ") DO UPDATE SET " + updates;
	}

}
