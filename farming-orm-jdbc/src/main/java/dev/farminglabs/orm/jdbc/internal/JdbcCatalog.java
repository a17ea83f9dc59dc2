package dev.farminglabs.orm.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.jspecify.annotations.Nullable;

/**
 * What exists in the database, read through {@link DatabaseMetaData} and looked up the way the database spells
 * identifiers ({@link IdentifierFolding}): a model's table {@code cache_entries} is the table {@code CACHE_ENTRIES}
 * that {@code CREATE TABLE cache_entries} made on H2, unless a table spelled exactly {@code cache_entries} exists too.
 * Tables are listed once per namespace; columns and indexes are read per table when asked.
 */
final class JdbcCatalog {

	private final DatabaseMetaData metadata;

	private final SqlDialect dialect;

	private final IdentifierFolding folding;

	private final String escape;

	private final @Nullable String defaultCatalog;

	private final @Nullable String defaultSchema;

	private final List<String> namespaces = new ArrayList<>();

	private final Map<String, List<String>> tablesByNamespace = new HashMap<>();

	JdbcCatalog(Connection connection, SqlDialect dialect) throws SQLException {
		this.metadata = connection.getMetaData();
		this.dialect = dialect;
		this.folding = IdentifierFolding.of(this.metadata);
		this.escape = Objects.requireNonNullElse(this.metadata.getSearchStringEscape(), "");
		this.defaultCatalog = connection.getCatalog();
		this.defaultSchema = dialect.namespacesAreCatalogs() ? null : safeSchema(connection);
		try (ResultSet rows = dialect.namespacesAreCatalogs() ? this.metadata.getCatalogs() : this.metadata.getSchemas()) {
			while (rows.next()) {
				this.namespaces.add(rows.getString(1));
			}
		}
	}

	private static @Nullable String safeSchema(Connection connection) {
		try {
			return connection.getSchema();
		}
		catch (SQLException | AbstractMethodError ex) {
			return null;
		}
	}

	/** The existing namespace a model's namespace means, or {@code null} when it does not exist. */
	@Nullable String namespace(String namespace) {
		return this.folding.find(namespace, this.namespaces, false);
	}

	boolean hasNamespace(String namespace) {
		return namespace(namespace) != null;
	}

	/** The existing table of the model, as the catalogue spells it, or {@code null} when it has none. */
	@Nullable String table(ModelDefinition model) throws SQLException {
		String key = Objects.toString(catalogOf(model)) + "\u0000" + Objects.toString(schemaOf(model));
		List<String> tables = this.tablesByNamespace.get(key);
		if (tables == null) {
			tables = listTables(model);
			this.tablesByNamespace.put(key, tables);
		}
		return this.folding.find(model.table(), tables, false);
	}

	private List<String> listTables(ModelDefinition model) throws SQLException {
		String schema = schemaOf(model);
		List<String> tables = new ArrayList<>();
		try (ResultSet rows = this.metadata.getTables(catalogOf(model), pattern(schema), "%", null)) {
			while (rows.next()) {
				// The schema argument is a pattern ('_' matches any character): keep this namespace's tables only.
				if (schema == null || schema.equals(rows.getString("TABLE_SCHEM"))) {
					tables.add(rows.getString("TABLE_NAME"));
				}
			}
		}
		return tables;
	}

	/** The columns of the model's existing table, as the catalogue spells them; empty when it has none. */
	Set<String> columns(ModelDefinition model) throws SQLException {
		String table = table(model);
		Set<String> columns = new LinkedHashSet<>();
		if (table == null) {
			return columns;
		}
		String schema = schemaOf(model);
		try (ResultSet rows = this.metadata.getColumns(catalogOf(model), pattern(schema), pattern(table), "%")) {
			while (rows.next()) {
				if (table.equals(rows.getString("TABLE_NAME"))
						&& (schema == null || schema.equals(rows.getString("TABLE_SCHEM")))) {
					columns.add(rows.getString("COLUMN_NAME"));
				}
			}
		}
		return columns;
	}

	/** The existing column of a field among the table's {@code columns}, or {@code null} when it has none. */
	@Nullable String column(FieldDefinition field, Set<String> columns) {
		return this.folding.find(field.column(), columns, this.dialect.columnNamesIgnoreCase());
	}

	/** The names of the indexes on the model's existing table, in lower case (index names are compared so). */
	Set<String> indexes(ModelDefinition model) throws SQLException {
		String table = table(model);
		Set<String> indexes = new HashSet<>();
		if (table == null) {
			return indexes;
		}
		try (ResultSet rows = this.metadata.getIndexInfo(catalogOf(model), schemaOf(model), table, false, true)) {
			while (rows.next()) {
				String name = rows.getString("INDEX_NAME");
				if (name != null) {
					indexes.add(name.toLowerCase(Locale.ROOT));
				}
			}
		}
		return indexes;
	}

	/**
	 * The identifiers of the schema (namespaces, tables, columns) that exist under another spelling which quoted SQL
	 * must use, and the identifiers that would need two spellings at once (one table created with quotes, another
	 * without), which one rendering cannot serve.
	 */
	Respellings respellings(FrameworkSchema schema) throws SQLException {
		Map<String, String> respelled = new HashMap<>();
		Set<String> exact = new HashSet<>();
		Set<String> conflicts = new LinkedHashSet<>();
		for (ModelDefinition model : schema.models()) {
			if (model.namespace() != null) {
				note(model.namespace(), namespace(model.namespace()), false, respelled, exact, conflicts);
			}
			String table = table(model);
			if (table == null) {
				continue;
			}
			note(model.table(), table, false, respelled, exact, conflicts);
			Set<String> columns = columns(model);
			for (FieldDefinition field : model.fields()) {
				note(field.column(), column(field, columns), this.dialect.columnNamesIgnoreCase(), respelled, exact,
						conflicts);
			}
		}
		// A name spelled both ways keeps its exact spelling: the tables created with quotes stay reachable.
		respelled.keySet().removeAll(conflicts);
		return new Respellings(Map.copyOf(respelled), List.copyOf(conflicts));
	}

	private void note(String wanted, @Nullable String found, boolean ignoreCase, Map<String, String> respelled,
			Set<String> exact, Set<String> conflicts) {
		if (found == null) {
			return;
		}
		if (!this.folding.mustRespell(wanted, found, ignoreCase)) {
			exact.add(wanted);
			if (respelled.containsKey(wanted)) {
				conflicts.add(wanted);
			}
			return;
		}
		String earlier = respelled.putIfAbsent(wanted, found);
		if (exact.contains(wanted) || (earlier != null && !earlier.equals(found))) {
			conflicts.add(wanted);
		}
	}

	private @Nullable String pattern(@Nullable String name) {
		if (name == null || this.escape.isEmpty()) {
			return name;
		}
		return name.replace(this.escape, this.escape + this.escape)
			.replace("_", this.escape + "_")
			.replace("%", this.escape + "%");
	}

	private @Nullable String catalogOf(ModelDefinition model) {
		if (this.dialect.namespacesAreCatalogs() && model.namespace() != null) {
			return Objects.requireNonNullElse(namespace(model.namespace()), model.namespace());
		}
		return this.defaultCatalog;
	}

	private @Nullable String schemaOf(ModelDefinition model) {
		if (this.dialect.namespacesAreCatalogs()) {
			return null;
		}
		if (model.namespace() != null) {
			return Objects.requireNonNullElse(namespace(model.namespace()), model.namespace());
		}
		return this.defaultSchema;
	}

	/**
	 * What the catalogue showed about spellings: identifiers to render in another spelling, and identifiers spelled
	 * both ways in different tables.
	 */
	record Respellings(Map<String, String> respelled, List<String> conflicts) {

	}

}
