package dev.farminglabs.orm.jdbc.internal;

import java.sql.Connection;
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
import dev.farminglabs.orm.jdbc.dialect.IdentifierSpelling;
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
			JdbcCatalog catalog = new JdbcCatalog(connection, this.context.dialect());
			learnSpellings(schema, catalog);
			return new SetupPlan(schema.name(), label(), plan(schema, catalog));
		});
	}

	/** The full plan against an empty database: what {@code SqlRenderer} hands to migration tools. */
	public static List<SetupAction> planEmpty(FrameworkSchema schema, SqlDialect dialect) {
		return new JdbcSchemaManagerPlanner(schema, dialect, null).actions();
	}

	/**
	 * How the schema's existing tables and columns are spelled in the database, for a driver's statements to name
	 * them as they are; where a name is spelled both ways the exact spelling stays (a plan reports the conflict).
	 */
	public static IdentifierSpelling spellings(Connection connection, SqlDialect dialect, FrameworkSchema schema) {
		IdentifierSpelling spelling = new IdentifierSpelling();
		try {
			spelling.learn(new JdbcCatalog(connection, dialect).respellings(schema).respelled());
		}
		catch (SQLException ex) {
			// A catalogue this driver cannot read must not stop the client: it names tables as the schema does, as
			// before, and a plan (which needs the catalogue) reports the failure.
		}
		return spelling;
	}

	/** Learns the spellings of the existing tables, so this plan's DDL and the driver's statements name them so. */
	private void learnSpellings(FrameworkSchema schema, JdbcCatalog catalog) throws SQLException {
		JdbcCatalog.Respellings found = catalog.respellings(schema);
		if (!found.conflicts().isEmpty()) {
			throw OrmException.unsupported(null, "The names " + found.conflicts() + " of schema '" + schema.name()
					+ "' exist both as written and in the case the database gives unquoted names (one table created "
					+ "with quoted names, another without), and statements can name each only one way: rename the "
					+ "tables' columns to one spelling");
		}
		this.context.spelling().learn(found.respelled());
	}

	private List<SetupAction> plan(FrameworkSchema schema, JdbcCatalog catalog) {
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

	/** Compares the schema with the catalog (or with nothing) and lists the actions. */
	static final class JdbcSchemaManagerPlanner {

		private final FrameworkSchema schema;

		private final SqlDialect dialect;

		private final DdlRenderer ddl;

		private final @Nullable JdbcCatalog catalog;

		JdbcSchemaManagerPlanner(FrameworkSchema schema, SqlDialect dialect, @Nullable JdbcCatalog catalog) {
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
				boolean exists = this.catalog != null && this.catalog.table(model) != null;
				Set<String> indexes = exists ? this.catalog.indexes(model) : Set.of();
				if (!exists) {
					actions.add(new SetupAction(SetupActionType.CREATE_TABLE, model.name(), model.qualifiedTable(),
							this.ddl.createTable(this.schema, model), new SetupSubject.Table(model.name())));
				}
				else {
					Set<String> columns = this.catalog.columns(model);
					for (FieldDefinition field : model.fields()) {
						if (this.catalog.column(field, columns) == null) {
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
