package dev.farminglabs.orm.setup;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.RuntimeSetupException;
import dev.farminglabs.orm.memory.MemoryDatabase;
import dev.farminglabs.orm.schema.FrameworkSchema;
import org.junit.jupiter.api.Test;

/** Setup refuses what the backend's capabilities rule out, before touching the backend. */
class SchemaSetupTest {

	private static final FrameworkSchema NAMESPACED = FrameworkSchema.builder("s")
		.model("note", model("notes").namespace("ns").field("id", id()))
		.build();

	@Test
	void refusesNamespacedTablesOnABackendWithoutNamespaces() {
		MemoryDatabase database = new MemoryDatabase(
				MemoryDatabase.CAPABILITIES.toBuilder().supportsSchemaNamespaces(false).build());
		RuntimeSetupException error = catchThrowableOfType(RuntimeSetupException.class,
				() -> SchemaSetup.pushSchema(NAMESPACED, database));
		assertThat(error).isNotNull();
		assertThat(error.code()).isEqualTo(OrmErrorCode.UNSUPPORTED_OPERATION);
		assertThat(error.stage()).isEqualTo(RuntimeSetupException.Stage.PLAN);
		assertThat(error.getMessage()).contains("'note'", "ns", "supportsSchemaNamespaces");
		assertThat(database.tableNames()).isEmpty();
	}

	@Test
	void createsNamespacedTablesOnABackendWithNamespaces() {
		MemoryDatabase database = new MemoryDatabase();
		PushResult result = SchemaSetup.pushSchema(NAMESPACED, database);
		assertThat(result.count(SetupActionType.CREATE_NAMESPACE)).isEqualTo(1);
		assertThat(database.tableNames()).containsExactly("ns.notes");
	}

}
