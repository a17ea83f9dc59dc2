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
		return render(dialect, model, key, columns, changed, changed.stream().map(dialect::placeholder).toList());
	}

	/** With the SET expression of each changed column (a placeholder, or an atomic change of the stored value). */
	static String render(SqlDialect dialect, ModelDefinition model, UniqueConstraint key,
			List<FieldDefinition> columns, List<FieldDefinition> changed, List<String> setExpressions) {
		String placeholders = columns.stream().map(dialect::placeholder).collect(Collectors.joining(", "));
		String conflict = key.columns().stream().map(dialect::quote).collect(Collectors.joining(", "));
		String updates;
		if (changed.isEmpty()) {
			// A no-op update, so the existing row is returned like an updated one.
			String first = dialect.quote(key.columns().get(0));
			updates = first + " = EXCLUDED." + first;
		}
		else {
			List<String> sets = new java.util.ArrayList<>(changed.size());
			for (int i = 0; i < changed.size(); i++) {
				sets.add(dialect.quote(changed.get(i).column()) + " = " + setExpressions.get(i));
			}
			updates = String.join(", ", sets);
		}
		return "INSERT INTO " + dialect.table(model) + " (" + dialect.columns(columns) + ") VALUES ("
				+ placeholders + ") ON CONFLICT (" + conflict + ") DO UPDATE SET " + updates;
	}

}
