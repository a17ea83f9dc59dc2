package dev.farminglabs.orm.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The storage a framework owns: a named set of models, declared once and registered as a Spring bean. Built with
 * {@link #builder(String)}, checked completely by {@link Builder#build()}, immutable and thread-safe after.
 */
public final class FrameworkSchema {

	private final String name;

	private final Map<String, ModelDefinition> models;

	FrameworkSchema(String name, List<ModelDefinition> models) {
		this.name = name;
		Map<String, ModelDefinition> byName = new LinkedHashMap<>();
		models.forEach((model) -> byName.put(model.name(), model));
		this.models = Collections.unmodifiableMap(byName);
	}

	/** Starts a schema with the given name (an identifier, as {@code "framework"}). */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	public String name() {
		return this.name;
	}

	/** The models in declaration order. */
	public List<ModelDefinition> models() {
		return List.copyOf(this.models.values());
	}

	/** The model names in declaration order. */
	public List<String> modelNames() {
		return List.copyOf(this.models.keySet());
	}

	/** The model with this name, if there is one. */
	public Optional<ModelDefinition> findModel(String modelName) {
		return Optional.ofNullable(this.models.get(modelName));
	}

	/** The model with this name; throws {@link IllegalArgumentException} naming the valid models otherwise. */
	public ModelDefinition model(String modelName) {
		ModelDefinition model = this.models.get(modelName);
		if (model == null) {
			throw new IllegalArgumentException(
					"Schema '" + this.name + "' has no model '" + modelName + "'; models are " + modelNames());
		}
		return model;
	}

	@Override
	public String toString() {
		return "FrameworkSchema[" + this.name + ", models=" + modelNames() + "]";
	}

	/** Collects models; {@link #build()} resolves and validates them. */
	public static final class Builder {

		private final String name;

		private final Map<String, ModelBuilder> models = new LinkedHashMap<>();

		private final List<String> duplicates = new ArrayList<>();

		private Builder(String name) {
			this.name = Objects.requireNonNull(name, "name");
		}

		/** Adds a model under the name used with {@code orm.model(name)}. */
		public Builder model(String modelName, ModelBuilder model) {
			Objects.requireNonNull(modelName, "modelName");
			Objects.requireNonNull(model, "model");
			if (this.models.putIfAbsent(modelName, model) != null) {
				this.duplicates.add(modelName);
			}
			return this;
		}

		/**
		 * Resolves and checks the schema.
		 * @throws InvalidSchemaException naming the model and field at fault and what would be valid
		 */
		public FrameworkSchema build() {
			if (!this.duplicates.isEmpty()) {
				throw new InvalidSchemaException(
						"Schema '" + this.name + "' declares model '" + this.duplicates.get(0) + "' twice");
			}
			return new FrameworkSchema(this.name, new SchemaResolver(this.name, this.models).resolve());
		}

	}

}
