package dev.farminglabs.orm.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.ModelDefinition;

/** The per-model runtimes of a schema on one backend, computed once when the client is created. */
final class SchemaRuntime {

	private final FrameworkSchema schema;

	private final Map<String, ModelRuntime> models;

	SchemaRuntime(FrameworkSchema schema, Capabilities capabilities, Clock clock) {
		this.schema = schema;
		ValueNormalizer values = new ValueNormalizer(capabilities.datetimePrecision(), clock);
		Map<String, ModelRuntime> byName = new LinkedHashMap<>();
		for (ModelDefinition model : schema.models()) {
			UniqueKeys uniqueKeys = new UniqueKeys(model);
			CriteriaResolver criteria = new CriteriaResolver(model, values, capabilities.textMatching(), uniqueKeys);
			RowExpiry expiry = new RowExpiry(model, values);
			byName.put(model.name(), new ModelRuntime(model, criteria, new ReadPlanner(model, criteria, expiry),
					new RowWriter(model, values), expiry, uniqueKeys));
		}
		this.models = Map.copyOf(byName);
	}

	FrameworkSchema schema() {
		return this.schema;
	}

	ModelRuntime model(String name) {
		if (name == null) {
			throw OrmException.validation(null, null, "Schema '" + this.schema.name() + "': the model name must not be"
					+ " null; models are " + this.schema.modelNames());
		}
		ModelRuntime model = this.models.get(name);
		if (model == null) {
			throw OrmException.validation(name, null, "Schema '" + this.schema.name() + "' has no model '" + name
					+ "'; models are " + this.schema.modelNames());
		}
		return model;
	}

}
