package dev.farminglabs.orm.autoconfigure;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.runtime.RuntimeInspection;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.IndexDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.RelationDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.setup.PushResult;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code farmingorm} actuator endpoint: per schema its models (fields with kinds, nullability and references,
 * constraints, relations), the runtime it runs on, the runtime's capabilities and the last push-schema result.
 * Enums are written by their names ({@code MICROS}), whatever the JSON mapper's settings. Credentials never appear: URLs and messages are
 * masked, and the raw client is described by its class only.
 */
@Endpoint(id = "farmingorm")
public class FarmingOrmEndpoint {

	private final FarmingOrmClients clients;

	public FarmingOrmEndpoint(FarmingOrmClients clients) {
		this.clients = clients;
	}

	/** Every schema, by schema bean name. */
	@ReadOperation
	public SchemasDescriptor schemas() {
		Map<String, SchemaDescriptor> schemas = new LinkedHashMap<>();
		this.clients.clients().forEach((name, entry) -> schemas.put(name, describe(entry)));
		return new SchemasDescriptor(schemas, this.clients.uncovered());
	}

	/** One schema, by schema bean name or schema name; {@code null} (404) when unknown. */
	@ReadOperation
	public @Nullable SchemaDescriptor schema(@Selector String schema) {
		return this.clients.client(schema).map(FarmingOrmEndpoint::describe).orElse(null);
	}

	static SchemaDescriptor describe(FarmingOrmClients.SchemaClient entry) {
		List<ModelDescriptor> models = entry.schema().models().stream().map(FarmingOrmEndpoint::describe).toList();
		DriverHandle handle = entry.client().driver();
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(entry.runtime());
		RuntimeDescriptor runtime = new RuntimeDescriptor(entry.runtimeBeanName(), handle.kind(), handle.dialect(),
				Secrets.redact(handle.serverVersion()), inspection.clientClass(),
				Secrets.redact(inspection.runtime().map((detected) -> detected.source()).orElse(null)),
				Secrets.redact(inspection.summary()));
		PushResult push = entry.lastPush();
		PushDescriptor lastPush = (push != null) ? new PushDescriptor(push.startedAt(), push.duration().toMillis(),
				push.describe(), push.applied().stream().map((action) -> action.type() + " " + action.target()).toList())
				: null;
		return new SchemaDescriptor(entry.schema().name(), entry.schemaBeanName(), entry.clientBeanName(),
				entry.userDefined(), models, runtime, RecordValues.toMap(handle.capabilities()), lastPush);
	}

	private static ModelDescriptor describe(ModelDefinition model) {
		return new ModelDescriptor(model.name(), model.qualifiedTable(), model.description(),
				model.fields().stream().map(FarmingOrmEndpoint::describe).toList(), model.idField().name(),
				model.uniqueConstraints().stream().map(FarmingOrmEndpoint::describe).toList(),
				model.indexes().stream().map(FarmingOrmEndpoint::describe).toList(),
				model.relations().values().stream().map(FarmingOrmEndpoint::describe).toList());
	}

	private static FieldDescriptor describe(FieldDefinition field) {
		return new FieldDescriptor(field.name(), field.column(), field.kind().name(),
				(field.idStrategy() != null) ? field.idStrategy().name() : null, field.nullable(), field.unique(),
				field.defaultNow() || field.defaultValue() != null,
				(field.references() != null) ? field.references().model() + "." + field.references().field() : null,
				field.maxLength(), field.enumValues().isEmpty() ? null : field.enumValues(), field.description());
	}

	private static RelationDescriptor describe(RelationDefinition relation) {
		return new RelationDescriptor(relation.name(), relation.kind().name(), relation.target(),
				relation.localField(), relation.targetField(), relation.through());
	}

	private static ConstraintDescriptor describe(UniqueConstraint unique) {
		return new ConstraintDescriptor(unique.name(), "unique", unique.fields(), unique.columns());
	}

	private static ConstraintDescriptor describe(IndexDefinition index) {
		return new ConstraintDescriptor(index.name(), "index", index.fields(), index.columns());
	}

	/**
	 * Every schema.
	 *
	 * @param schemas the schemas, by schema bean name
	 * @param uncovered the application's own client beans that push, the endpoint and health do not cover, with
	 * the reason
	 */
	public record SchemasDescriptor(Map<String, SchemaDescriptor> schemas,
			Map<String, String> uncovered) implements OperationResponseBody {
	}

	/**
	 * One schema.
	 *
	 * @param name the schema name
	 * @param bean the schema bean name
	 * @param client the client bean name
	 * @param applicationClient whether the application defined the client itself
	 * @param models its models
	 * @param runtime what it runs on
	 * @param capabilities what the runtime can do, enums by their names
	 * @param lastPush the last push-schema result, {@code null} when push-schema is off
	 */
	public record SchemaDescriptor(String name, String bean, String client, boolean applicationClient,
			List<ModelDescriptor> models, RuntimeDescriptor runtime, Map<String, Object> capabilities,
			@Nullable PushDescriptor lastPush) implements OperationResponseBody {
	}

	/**
	 * A model.
	 *
	 * @param name the model name
	 * @param table the table (or collection, key prefix), qualified by its namespace
	 * @param description the model's description, when it has one
	 * @param fields the fields
	 * @param id the id field
	 * @param uniqueConstraints the unique constraints
	 * @param indexes the indexes
	 * @param relations the relations
	 */
	public record ModelDescriptor(String name, String table, @Nullable String description,
			List<FieldDescriptor> fields, String id, List<ConstraintDescriptor> uniqueConstraints,
			List<ConstraintDescriptor> indexes, List<RelationDescriptor> relations) {
	}

	/**
	 * A field.
	 *
	 * @param name the field name
	 * @param column the column (or attribute)
	 * @param kind the field kind, as {@code STRING}
	 * @param idStrategy how an id is typed and produced, as {@code UUID}; {@code null} for other fields
	 * @param nullable whether it may hold null
	 * @param unique whether it alone is a unique key
	 * @param hasDefault whether a value is supplied when a create omits it
	 * @param references the referenced {@code model.field}, or {@code null}
	 * @param maxLength the maximum length of a string, or {@code null}
	 * @param enumValues the values of an enum field, or {@code null}
	 * @param description the field's description, or {@code null}
	 */
	public record FieldDescriptor(String name, String column, String kind, @Nullable String idStrategy,
			boolean nullable, boolean unique, boolean hasDefault, @Nullable String references,
			@Nullable Integer maxLength, @Nullable List<String> enumValues, @Nullable String description) {
	}

	/**
	 * A relation.
	 *
	 * @param name the relation name
	 * @param kind the relation kind, as {@code HAS_MANY}
	 * @param target the related model
	 * @param localField this model's field that is matched
	 * @param targetField the target's field that is matched
	 * @param through the join model of a many-to-many relation, or {@code null}
	 */
	public record RelationDescriptor(String name, String kind, String target, String localField,
			String targetField, @Nullable String through) {
	}

	/**
	 * A unique constraint or an index.
	 *
	 * @param name its name in the backend
	 * @param type {@code unique} or {@code index}
	 * @param fields the fields
	 * @param columns the columns
	 */
	public record ConstraintDescriptor(String name, String type, List<String> fields, List<String> columns) {
	}

	/**
	 * The runtime a schema runs on.
	 *
	 * @param bean the raw client bean name
	 * @param kind the runtime kind, as {@code jdbc}
	 * @param dialect the dialect, as {@code postgresql}
	 * @param serverVersion the server version, when known
	 * @param clientClass the raw client's class
	 * @param source how the client was reached
	 * @param summary what inspection found
	 */
	public record RuntimeDescriptor(String bean, String kind, String dialect, @Nullable String serverVersion,
			String clientClass, @Nullable String source, @Nullable String summary) {
	}

	/**
	 * The last push-schema.
	 *
	 * @param startedAt when it started
	 * @param durationMillis how long it took
	 * @param description what it did, as {@code created 7 tables and 9 indexes}
	 * @param applied each change, as {@code CREATE_TABLE audit_logs}
	 */
	public record PushDescriptor(Instant startedAt, long durationMillis, String description, List<String> applied) {
	}

}
