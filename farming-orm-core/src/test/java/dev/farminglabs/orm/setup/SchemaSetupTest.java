package dev.farminglabs.orm.setup;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.RuntimeSetupException;
import dev.farminglabs.orm.memory.MemoryDatabase;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import org.junit.jupiter.api.Test;

/**
 * Setup on the memory runtime: it adds what is missing (fields included, with their defaults in existing rows) and
 * refuses what the backend's capabilities rule out before touching it.
 */
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
	void addsMissingFieldsToAnExistingTableFillingExistingRowsWithTheDefault() {
		MemoryDatabase database = new MemoryDatabase();
		FrameworkSchema before = FrameworkSchema.builder("s")
			.model("note", model("notes").field("id", id()).field("title", string()))
			.build();
		FrameworkSchema after = FrameworkSchema.builder("s")
			.model("note", model("notes").field("id", id()).field("title", string())
				.field("rank", integer().defaultValue(5).column("note_rank"))
				.field("summary", string().nullable()))
			.build();
		Row note = SchemaSetup.bootstrapDatabase(before, database).model("note").create(Data.of("title", "t"));
		SetupPlan plan = SchemaSetup.plan(after, database);
		assertThat(plan.actions()).extracting(SetupAction::type)
			.containsExactly(SetupActionType.ADD_COLUMN, SetupActionType.ADD_COLUMN);
		assertThat(plan.actions()).extracting(SetupAction::target).containsExactly("note_rank", "summary");
		PushResult result = SchemaSetup.applySchema(after, database, plan);
		assertThat(result.describe()).contains("added 2 columns");
		Row read = FarmingOrm.createOrmFromRuntime(after, database).model("note")
			.findUnique((q) -> q.where("id", note.get("id")))
			.orElseThrow();
		assertThat(read.getLong("rank")).isEqualTo(5L);
		assertThat(read.get("summary")).isNull();
		assertThat(SchemaSetup.plan(after, database).isEmpty()).isTrue();
	}

	@Test
	void createsNamespacedTablesOnABackendWithNamespaces() {
		MemoryDatabase database = new MemoryDatabase();
		PushResult result = SchemaSetup.pushSchema(NAMESPACED, database);
		assertThat(result.count(SetupActionType.CREATE_NAMESPACE)).isEqualTo(1);
		assertThat(database.tableNames()).containsExactly("ns.notes");
	}

}
