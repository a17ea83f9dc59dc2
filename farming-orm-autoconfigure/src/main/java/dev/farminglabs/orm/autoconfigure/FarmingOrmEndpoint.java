package dev.farminglabs.orm.autoconfigure;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.runtime.RuntimeInspection;
import dev.farminglabs.orm.schema.IndexDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.setup.PushResult;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code farmingorm} actuator endpoint: per schema its models, tables and constraints, the runtime it runs on,
 * the runtime's capabilities and the last push-schema result. Credentials never appear: URLs and messages are
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
		return new SchemasDescriptor(schemas);
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
		return new SchemaDescriptor(entry.schema().name(), entry.schemaBeanName(), models, runtime,
				handle.capabilities(), lastPush);
	}

	private static ModelDescriptor describe(ModelDefinition model) {
		return new ModelDescriptor(model.name(), model.qualifiedTable(), model.fieldNames(),
				model.idField().name(),
				model.uniqueConstraints().stream().map(FarmingOrmEndpoint::describe).toList(),
				model.indexes().stream().map(FarmingOrmEndpoint::describe).toList());
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
	 */
	public record SchemasDescriptor(Map<String, SchemaDescriptor> schemas) implements OperationResponseBody {
	}

	/**
	 * One schema.
	 *
	 * @param name the schema name
	 * @param bean the schema bean name
	 * @param models its models
	 * @param runtime what it runs on
	 * @param capabilities what the runtime can do
	 * @param lastPush the last push-schema result, {@code null} when push-schema is off
	 */
	public record SchemaDescriptor(String name, String bean, List<ModelDescriptor> models, RuntimeDescriptor runtime,
			Capabilities capabilities, @Nullable PushDescriptor lastPush) implements OperationResponseBody {
	}

	/**
	 * A model.
	 *
	 * @param name the model name
	 * @param table the table (or collection, key prefix), qualified by its namespace
	 * @param fields the field names
	 * @param id the id field
	 * @param uniqueConstraints the unique constraints
	 * @param indexes the indexes
	 */
	public record ModelDescriptor(String name, String table, List<String> fields, String id,
			List<ConstraintDescriptor> uniqueConstraints, List<ConstraintDescriptor> indexes) {
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
