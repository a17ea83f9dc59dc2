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
					actions.add(new SetupAction(SetupActionType.CREATE_NAMESPACE, null, namespace,
							"create namespace " + namespace));
				}
				MemoryTable table = this.database.table(model.qualifiedTable());
				if (table == null) {
					actions.add(new SetupAction(SetupActionType.CREATE_TABLE, model.name(), model.qualifiedTable(),
							"create table " + model.qualifiedTable() + " " + model.fieldNames()));
				}
				else {
					for (FieldDefinition field : model.fields()) {
						if (!table.hasField(field.name())) {
							actions.add(new SetupAction(SetupActionType.ADD_COLUMN, model.name(), field.column(),
									"alter table " + model.qualifiedTable() + " add column " + field.column()));
						}
					}
				}
				for (UniqueConstraint key : model.uniqueConstraints()) {
					if (!key.primaryKey() && (table == null || !table.hasIndex(key.name()))) {
						actions.add(new SetupAction(SetupActionType.CREATE_UNIQUE, model.name(), key.name(),
								"create unique index " + key.name() + " on " + model.qualifiedTable() + " "
										+ key.columns()));
					}
				}
				for (IndexDefinition index : model.indexes()) {
					if (table == null || !table.hasIndex(index.name())) {
						actions.add(new SetupAction(SetupActionType.CREATE_INDEX, model.name(), index.name(),
								"create index " + index.name() + " on " + model.qualifiedTable() + " "
										+ index.columns()));
					}
				}
			}
			return new SetupPlan(schema.name(), MemoryDriverProvider.KIND, actions);
		});
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
		this.database.write(() -> {
			for (SetupAction action : plan.actions()) {
				switch (action.type()) {
					case CREATE_NAMESPACE -> this.database.createNamespace(action.target());
					case CREATE_TABLE -> createTable(schema.model(action.model()));
					case ADD_COLUMN -> {
						ModelDefinition model = schema.model(action.model());
						FieldDefinition field = model.fields()
							.stream()
							.filter((candidate) -> candidate.column().equals(action.target()))
							.findFirst()
							.orElseThrow();
						createTable(model).addField(field.name(), fillValue(field));
					}
					case CREATE_UNIQUE, CREATE_INDEX -> createTable(schema.model(action.model())).addIndex(action.target());
					default -> {
					}
				}
			}
			return null;
		});
		return new PushResult(schema.name(), MemoryDriverProvider.KIND, started,
				Duration.ofNanos(System.nanoTime() - start), plan.actions());
	}

}
