package dev.farminglabs.orm.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.error.RuntimeSetupException;
import dev.farminglabs.orm.error.RuntimeSetupException.Stage;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.IndexDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.setup.PushResult;
import dev.farminglabs.orm.setup.SetupAction;
import dev.farminglabs.orm.setup.SetupActionType;
import dev.farminglabs.orm.setup.SetupPlan;
import dev.farminglabs.orm.setup.SetupSubject;
import dev.farminglabs.orm.spi.RenderedPlan;
import dev.farminglabs.orm.spi.SchemaManager;
import org.jspecify.annotations.Nullable;

/**
 * Plans a push by reading what exists through {@link DatabaseMetaData} (namespaces, tables, columns, indexes) and
 * applies it statement by statement. Only adds; a database that is up to date gets an empty plan and no DDL.
 */
public final class JdbcSchemaManager implements SchemaManager {

	private final JdbcContext context;

	JdbcSchemaManager(JdbcContext context) {
		this.context = context;
	}

	@Override
	public SetupPlan plan(FrameworkSchema schema) {
		return this.context.withConnection(null, null, (connection) -> {
			Catalog catalog = new Catalog(connection, this.context.dialect());
			return new SetupPlan(schema.name(), label(), plan(schema, catalog));
		});
	}

	/** The full plan against an empty database: what {@code SqlRenderer} hands to migration tools. */
	public static List<SetupAction> planEmpty(FrameworkSchema schema, SqlDialect dialect) {
		return new JdbcSchemaManagerPlanner(schema, dialect, null).actions();
	}

	private List<SetupAction> plan(FrameworkSchema schema, Catalog catalog) {
		return new JdbcSchemaManagerPlanner(schema, this.context.dialect(), catalog).actions();
	}

	@Override
	public PushResult apply(FrameworkSchema schema, SetupPlan plan) {
		Instant started = Instant.now();
		long start = System.nanoTime();
		DdlRenderer ddl = new DdlRenderer(this.context.dialect());
		// Only statements rendered here run; a plan whose text differs is refused before anything runs.
		List<String> statements = RenderedPlan.render(plan, label(),
				(action) -> render(schema, this.context.dialect(), ddl, action.subject()));
		List<SetupAction> applied = new ArrayList<>();
		for (int i = 0; i < statements.size(); i++) {
			String sql = statements.get(i);
			try {
				this.context.withConnection(null, sql, (connection) -> {
					try (Statement statement = connection.createStatement()) {
						statement.execute(sql);
					}
					return null;
				});
			}
			catch (OrmException ex) {
				throw new RuntimeSetupException(Stage.PUSH, label(), sql, ex);
			}
			applied.add(plan.actions().get(i));
		}
		return new PushResult(schema.name(), label(), started, Duration.ofNanos(System.nanoTime() - start), applied);
	}

	/** The one statement of a setup subject; fails for a subject the schema does not declare. */
	static String render(FrameworkSchema schema, SqlDialect dialect, DdlRenderer ddl, SetupSubject subject) {
		if (subject instanceof SetupSubject.Namespace namespace) {
			boolean declared = schema.models().stream().anyMatch((model) -> namespace.name().equals(model.namespace()));
			String statement = declared ? dialect.createNamespace(namespace.name()) : null;
			if (statement == null) {
				throw new IllegalArgumentException("no namespace " + namespace.name() + " to create on " + dialect.name());
			}
			return statement;
		}
		if (subject instanceof SetupSubject.Table table) {
			return ddl.createTable(schema, schema.model(table.model()));
		}
		if (subject instanceof SetupSubject.Column column) {
			ModelDefinition model = schema.model(column.model());
			return ddl.addColumn(schema, model, model.field(column.field()));
		}
		if (subject instanceof SetupSubject.UniqueKey unique) {
			ModelDefinition model = schema.model(unique.model());
			UniqueConstraint key = model.uniqueConstraints()
				.stream()
				.filter((candidate) -> !candidate.primaryKey() && candidate.fields().equals(unique.fields()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("model '" + model.name() + "' has no unique key "
						+ unique.fields()));
			return ddl.createUnique(model, key);
		}
		if (subject instanceof SetupSubject.Index wanted) {
			ModelDefinition model = schema.model(wanted.model());
			IndexDefinition index = model.indexes()
				.stream()
				.filter((candidate) -> candidate.fields().equals(wanted.fields()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("model '" + model.name() + "' has no index "
						+ wanted.fields()));
			return ddl.createIndex(schema, model, index);
		}
		throw new IllegalArgumentException("SQL databases have no " + subject);
	}

	private String label() {
		return "jdbc/" + this.context.dialect().name();
	}

	/** What exists in the database, read lazily per table. */
	static final class Catalog {

		private final DatabaseMetaData metadata;

		private final SqlDialect dialect;

		private final @Nullable String defaultCatalog;

		private final @Nullable String defaultSchema;

		private final Set<String> namespaces = new HashSet<>();

		Catalog(Connection connection, SqlDialect dialect) throws SQLException {
			this.metadata = connection.getMetaData();
			this.dialect = dialect;
			this.defaultCatalog = connection.getCatalog();
			this.defaultSchema = dialect.namespacesAreCatalogs() ? null : safeSchema(connection);
			try (ResultSet rows = dialect.namespacesAreCatalogs() ? this.metadata.getCatalogs()
					: this.metadata.getSchemas()) {
				while (rows.next()) {
					this.namespaces.add(rows.getString(1).toLowerCase(Locale.ROOT));
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

		boolean hasNamespace(String namespace) {
			return this.namespaces.contains(namespace.toLowerCase(Locale.ROOT));
		}

		private @Nullable String catalogOf(ModelDefinition model) {
			return (this.dialect.namespacesAreCatalogs() && model.namespace() != null) ? model.namespace()
					: this.defaultCatalog;
		}

		private @Nullable String schemaOf(ModelDefinition model) {
			if (this.dialect.namespacesAreCatalogs()) {
				return null;
			}
			return (model.namespace() != null) ? model.namespace() : this.defaultSchema;
		}

		boolean hasTable(ModelDefinition model) throws SQLException {
			try (ResultSet rows = this.metadata.getTables(catalogOf(model), schemaOf(model), model.table(), null)) {
				while (rows.next()) {
					if (model.table().equalsIgnoreCase(rows.getString("TABLE_NAME"))) {
						return true;
					}
				}
			}
			return false;
		}

		Set<String> columns(ModelDefinition model) throws SQLException {
			Set<String> columns = new HashSet<>();
			try (ResultSet rows = this.metadata.getColumns(catalogOf(model), schemaOf(model), model.table(), null)) {
				while (rows.next()) {
					if (model.table().equalsIgnoreCase(rows.getString("TABLE_NAME"))) {
						columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
					}
				}
			}
			return columns;
		}

		Set<String> indexes(ModelDefinition model) throws SQLException {
			Set<String> indexes = new HashSet<>();
			try (ResultSet rows = this.metadata.getIndexInfo(catalogOf(model), schemaOf(model), model.table(), false,
					true)) {
				while (rows.next()) {
					String name = rows.getString("INDEX_NAME");
					if (name != null) {
						indexes.add(name.toLowerCase(Locale.ROOT));
					}
				}
			}
			return indexes;
		}

	}

	/** Compares the schema with the catalog (or with nothing) and lists the actions. */
	static final class JdbcSchemaManagerPlanner {

		private final FrameworkSchema schema;

		private final SqlDialect dialect;

		private final DdlRenderer ddl;

		private final @Nullable Catalog catalog;

		JdbcSchemaManagerPlanner(FrameworkSchema schema, SqlDialect dialect, @Nullable Catalog catalog) {
			this.schema = schema;
			this.dialect = dialect;
			this.ddl = new DdlRenderer(dialect);
			this.catalog = catalog;
		}

		List<SetupAction> actions() {
			try {
				return collect();
			}
			catch (SQLException ex) {
				throw new SqlErrorTranslator(this.dialect).translate(ex, null, null);
			}
		}

		private List<SetupAction> collect() throws SQLException {
			List<SetupAction> actions = new ArrayList<>();
			Set<String> namespaces = new HashSet<>();
			for (ModelDefinition model : DdlRenderer.creationOrder(this.schema)) {
				String namespace = model.namespace();
				if (namespace != null && namespaces.add(namespace)
						&& (this.catalog == null || !this.catalog.hasNamespace(namespace))) {
					String statement = this.dialect.createNamespace(namespace);
					if (statement != null) {
						actions.add(new SetupAction(SetupActionType.CREATE_NAMESPACE, null, namespace, statement,
								new SetupSubject.Namespace(namespace)));
					}
				}
				boolean exists = this.catalog != null && this.catalog.hasTable(model);
				Set<String> indexes = exists ? this.catalog.indexes(model) : Set.of();
				if (!exists) {
					actions.add(new SetupAction(SetupActionType.CREATE_TABLE, model.name(), model.qualifiedTable(),
							this.ddl.createTable(this.schema, model), new SetupSubject.Table(model.name())));
				}
				else {
					Set<String> columns = this.catalog.columns(model);
					for (FieldDefinition field : model.fields()) {
						if (!columns.contains(field.column().toLowerCase(Locale.ROOT))) {
							actions.add(new SetupAction(SetupActionType.ADD_COLUMN, model.name(),
									model.qualifiedTable() + "." + field.column(),
									this.ddl.addColumn(this.schema, model, field),
									new SetupSubject.Column(model.name(), field.name())));
						}
					}
				}
				for (UniqueConstraint key : model.uniqueConstraints()) {
					String name = this.ddl.physicalName(key.name());
					if (!key.primaryKey() && !indexes.contains(name.toLowerCase(Locale.ROOT))) {
						actions.add(new SetupAction(SetupActionType.CREATE_UNIQUE, model.name(), name,
								this.ddl.createUnique(model, key), new SetupSubject.UniqueKey(model.name(), key.fields())));
					}
				}
				for (IndexDefinition index : model.indexes()) {
					String name = this.ddl.physicalName(index.name());
					if (!indexes.contains(name.toLowerCase(Locale.ROOT))) {
						actions.add(new SetupAction(SetupActionType.CREATE_INDEX, model.name(), name,
								this.ddl.createIndex(this.schema, model, index),
								new SetupSubject.Index(model.name(), index.fields())));
					}
				}
			}
			return actions;
		}

	}

}
