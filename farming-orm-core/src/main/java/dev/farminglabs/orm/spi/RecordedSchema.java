package dev.farminglabs.orm.spi;

import java.util.List;
import java.util.Set;

import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.IndexDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.setup.SetupAction;
import dev.farminglabs.orm.setup.SetupActionType;
import dev.farminglabs.orm.setup.SetupSubject;

/**
 * What a store without a catalogue (Redis, DynamoDB) records of a model when push creates it: one name per table,
 * field, unique key and index. Push writes these names; {@link #missing} turns the names a model lacks into the setup
 * actions still to run, so every such driver plans the same way.
 */
public final class RecordedSchema {

	/** The name recorded once the model's table (or key space) exists. */
	public static final String TABLE = "table";

	private RecordedSchema() {
	}

	/** The name recorded for a field of the model. */
	public static String field(String fieldName) {
		return "field:" + fieldName;
	}

	/** The name recorded for a unique key, by its constraint name. */
	public static String unique(String constraintName) {
		return "unique:" + constraintName;
	}

	/** The name recorded for an index, by its name. */
	public static String index(String indexName) {
		return "index:" + indexName;
	}

	/**
	 * Adds to {@code actions} what push must still create for {@code model}, given the names recorded for it: the table
	 * (or, once it exists, each missing field), then each missing unique key (the id needs none) and index.
	 */
	public static void missing(ModelDefinition model, Set<String> recorded, ActionFactory action,
			List<SetupAction> actions) {
		if (!recorded.contains(TABLE)) {
			actions.add(action.create(SetupActionType.CREATE_TABLE, model, model.qualifiedTable(),
					new SetupSubject.Table(model.name())));
		}
		else {
			for (FieldDefinition field : model.fields()) {
				if (!recorded.contains(field(field.name()))) {
					actions.add(action.create(SetupActionType.ADD_COLUMN, model, field.column(),
							new SetupSubject.Column(model.name(), field.name())));
				}
			}
		}
		for (UniqueConstraint key : model.uniqueConstraints()) {
			if (!key.primaryKey() && !recorded.contains(unique(key.name()))) {
				actions.add(action.create(SetupActionType.CREATE_UNIQUE, model, key.name(),
						new SetupSubject.UniqueKey(model.name(), key.fields())));
			}
		}
		for (IndexDefinition index : model.indexes()) {
			if (!recorded.contains(index(index.name()))) {
				actions.add(action.create(SetupActionType.CREATE_INDEX, model, index.name(),
						new SetupSubject.Index(model.name(), index.fields())));
			}
		}
	}

	/** Builds one setup action, rendering its subject the driver's way. */
	@FunctionalInterface
	public interface ActionFactory {

		/** The action of this type on the model's target. */
		SetupAction create(SetupActionType type, ModelDefinition model, String target, SetupSubject subject);

	}

}
