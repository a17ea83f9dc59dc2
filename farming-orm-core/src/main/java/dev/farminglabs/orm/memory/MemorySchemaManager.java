package dev.farminglabs.orm.memory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 * Creates namespaces, tables, fields and indexes in a {@link MemoryDatabase}; statements are descriptive only. An added
 * field gives existing rows its default (or null), as {@code ADD COLUMN ... DEFAULT} does on SQL.
 */
final class MemorySchemaManager implements SchemaManager {

	private final MemoryDatabase database;

	MemorySchemaManager(MemoryDatabase database) {
		this.database = database;
	}

	@Override
	public SetupPlan plan(FrameworkSchema schema) {
		return this.database.read(() -> {
			List<SetupAction> actions = new ArrayList<>();
			Set<String> plannedNamespaces = new HashSet<>();
			for (ModelDefinition model : schema.models()) {
				String namespace = model.namespace();
				if (namespace != null && !this.database.hasNamespace(namespace) && plannedNamespaces.add(namespace)) {
					actions.add(action(schema, SetupActionType.CREATE_NAMESPACE, null, namespace,
							new SetupSubject.Namespace(namespace)));
				}
				MemoryTable table = this.database.table(model.qualifiedTable());
				if (table == null) {
					actions.add(action(schema, SetupActionType.CREATE_TABLE, model.name(), model.qualifiedTable(),
							new SetupSubject.Table(model.name())));
				}
				else {
					for (FieldDefinition field : model.fields()) {
						if (!table.hasField(field.name())) {
							actions.add(action(schema, SetupActionType.ADD_COLUMN, model.name(), field.column(),
									new SetupSubject.Column(model.name(), field.name())));
						}
					}
				}
				for (UniqueConstraint key : model.uniqueConstraints()) {
					if (!key.primaryKey() && (table == null || !table.hasIndex(key.name()))) {
						actions.add(action(schema, SetupActionType.CREATE_UNIQUE, model.name(), key.name(),
								new SetupSubject.UniqueKey(model.name(), key.fields())));
					}
				}
				for (IndexDefinition index : model.indexes()) {
					if (table == null || !table.hasIndex(index.name())) {
						actions.add(action(schema, SetupActionType.CREATE_INDEX, model.name(), index.name(),
								new SetupSubject.Index(model.name(), index.fields())));
					}
				}
			}
			return new SetupPlan(schema.name(), MemoryDriverProvider.KIND, actions);
		});
	}

	private static SetupAction action(FrameworkSchema schema, SetupActionType type, @Nullable String model,
			String target, SetupSubject subject) {
		return new SetupAction(type, model, target, render(schema, subject), subject);
	}

	/** The (descriptive) statement of a subject; fails for what the schema does not declare. */
	private static String render(FrameworkSchema schema, SetupSubject subject) {
		if (subject instanceof SetupSubject.Namespace namespace) {
			return "create namespace " + namespace.name();
		}
		if (subject instanceof SetupSubject.Table table) {
			ModelDefinition model = schema.model(table.model());
			return "create table " + model.qualifiedTable() + " " + model.fieldNames();
		}
		if (subject instanceof SetupSubject.Column column) {
			ModelDefinition model = schema.model(column.model());
			return "alter table " + model.qualifiedTable() + " add column " + model.field(column.field()).column();
		}
		if (subject instanceof SetupSubject.UniqueKey unique) {
			ModelDefinition model = schema.model(unique.model());
			UniqueConstraint key = uniqueKey(model, unique.fields());
			return "create unique index " + key.name() + " on " + model.qualifiedTable() + " " + key.columns();
		}
		if (subject instanceof SetupSubject.Index wanted) {
			ModelDefinition model = schema.model(wanted.model());
			IndexDefinition index = index(model, wanted.fields());
			return "create index " + index.name() + " on " + model.qualifiedTable() + " " + index.columns();
		}
		throw new IllegalArgumentException("the memory database has no " + subject);
	}

	private static UniqueConstraint uniqueKey(ModelDefinition model, List<String> fields) {
		return model.uniqueConstraints()
			.stream()
			.filter((key) -> key.fields().equals(fields))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("model '" + model.name() + "' has no unique key " + fields));
	}

	private static IndexDefinition index(ModelDefinition model, List<String> fields) {
		return model.indexes()
			.stream()
			.filter((index) -> index.fields().equals(fields))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("model '" + model.name() + "' has no index " + fields));
	}

	private MemoryTable createTable(ModelDefinition model) {
		this.database.createTable(model.qualifiedTable(), model.fieldNames());
		return this.database.table(model.qualifiedTable());
	}

	/** What existing rows hold in an added field: its default, or null. */
	private @Nullable Object fillValue(FieldDefinition field) {
		if (field.defaultNow()) {
			ChronoUnit precision = this.database.capabilities().datetimePrecision();
			Instant now = Instant.now();
			return (precision == ChronoUnit.NANOS) ? now : now.truncatedTo(precision);
		}
		return field.defaultValue();
	}

	@Override
	public PushResult apply(FrameworkSchema schema, SetupPlan plan) {
		Instant started = Instant.now();
		long start = System.nanoTime();
		RenderedPlan.render(plan, MemoryDriverProvider.KIND, (action) -> render(schema, action.subject()));
		this.database.write(() -> {
			for (SetupAction action : plan.actions()) {
				SetupSubject subject = action.subject();
				if (subject instanceof SetupSubject.Namespace namespace) {
					this.database.createNamespace(namespace.name());
				}
				else if (subject instanceof SetupSubject.Table table) {
					createTable(schema.model(table.model()));
				}
				else if (subject instanceof SetupSubject.Column column) {
					ModelDefinition model = schema.model(column.model());
					FieldDefinition field = model.field(column.field());
					createTable(model).addField(field.name(), fillValue(field));
				}
				else if (subject instanceof SetupSubject.UniqueKey unique) {
					ModelDefinition model = schema.model(unique.model());
					createTable(model).addIndex(uniqueKey(model, unique.fields()).name());
				}
				else if (subject instanceof SetupSubject.Index wanted) {
					ModelDefinition model = schema.model(wanted.model());
					createTable(model).addIndex(index(model, wanted.fields()).name());
				}
			}
			return null;
		});
		return new PushResult(schema.name(), MemoryDriverProvider.KIND, started,
				Duration.ofNanos(System.nanoTime() - start), plan.actions());
	}

}
