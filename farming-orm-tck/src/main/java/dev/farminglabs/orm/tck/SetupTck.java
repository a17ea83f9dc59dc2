package dev.farminglabs.orm.tck;

import static dev.farminglabs.orm.schema.SchemaDsl.datetime;
import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.integer;
import static dev.farminglabs.orm.schema.SchemaDsl.json;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.error.RuntimeSetupException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.IndexDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.SchemaDsl;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.setup.PushResult;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.setup.SetupAction;
import dev.farminglabs.orm.setup.SetupActionType;
import dev.farminglabs.orm.setup.SetupPlan;
import dev.farminglabs.orm.setup.SetupSubject;
import org.junit.jupiter.api.Test;

/**
 * Setup: push is idempotent and only adds, plan is a dry run that lists a table per model and a unique or index per
 * key and index, a reviewed plan can be applied, a schema can grow, and namespaced tables follow the capability.
 */
public abstract class SetupTck extends TckSupport {

	/** The fixture's framework models plus one new model with an index: what a framework's next release adds. */
	private static final FrameworkSchema EVOLVED = FrameworkModels.addTo(FrameworkSchema.builder("evolved"))
		.model("webhook", SchemaDsl.model("tck_webhooks")
			.field("id", id())
			.field("target", string())
			.field("secret", string().nullable())
			.field("createdAt", datetime().defaultNow())
			.index("target"))
		.build();

	/** The fixture's audit log model again, with one more index. */
	private static final FrameworkSchema AUDIT_WITH_ACTION_INDEX = FrameworkSchema.builder("audit")
		.model("auditLog", SchemaDsl.model("audit_logs")
			.field("id", id())
			.field("scope", string())
			.field("action", string())
			.field("actorId", string().nullable())
			.field("payload", json().nullable())
			.field("createdAt", datetime().defaultNow())
			.index("scope", "createdAt")
			.index("action"))
		.build();

	/** The fixture's audit log model again, with a nullable field and a field with a default. */
	private static final FrameworkSchema AUDIT_WITH_NEW_FIELDS = FrameworkSchema.builder("audit")
		.model("auditLog", SchemaDsl.model("audit_logs")
			.field("id", id())
			.field("scope", string())
			.field("action", string())
			.field("actorId", string().nullable())
			.field("payload", json().nullable())
			.field("createdAt", datetime().defaultNow())
			.field("source", string().nullable())
			.field("severity", integer().defaultValue(3))
			.index("scope", "createdAt"))
		.build();

	/** One model in a schema namespace. */
	private static final FrameworkSchema NAMESPACED = FrameworkSchema.builder("namespaced")
		.model("note", SchemaDsl.model("tck_notes").namespace("tck_ns")
			.field("id", id())
			.field("title", string().unique()))
		.build();

	protected SetupTck(TckBackend backend) {
		super(backend);
	}

	/** Runs work on a runtime of its own, fresh and empty, released afterwards. */
	private void onFreshRuntime(Consumer<Object> work) {
		Object fresh = backend().newRuntime();
		try {
			work.accept(fresh);
		}
		finally {
			backend().release(fresh);
		}
	}

	private static List<String> targets(SetupPlan plan, SetupActionType type) {
		return plan.actions(type).stream().map(SetupAction::target).toList();
	}

	private static List<String> uniqueNames(FrameworkSchema schema) {
		return schema.models()
			.stream()
			.flatMap((model) -> model.uniqueConstraints().stream())
			.filter((key) -> !key.primaryKey())
			.map(UniqueConstraint::name)
			.toList();
	}

	private static List<String> indexNames(FrameworkSchema schema) {
		return schema.models()
			.stream()
			.flatMap((model) -> model.indexes().stream())
			.map(IndexDefinition::name)
			.toList();
	}

	@Test
	void planIsEmptyAfterBootstrap() {
		SetupPlan plan = SchemaSetup.plan(TckSchema.SCHEMA, this.runtime);
		assertThat(plan.actions()).as("plan after bootstrap").isEmpty();
		assertThat(plan.isEmpty()).isTrue();
		assertThat(plan.schema()).isEqualTo(TckSchema.SCHEMA.name());
	}

	@Test
	void secondPushIsUpToDateAndChangesNothing() {
		Row ada = user("ada@example.com", "Ada");
		PushResult again = SchemaSetup.pushSchema(TckSchema.SCHEMA, this.runtime);
		assertThat(again.applied()).isEmpty();
		assertThat(again.upToDate()).isTrue();
		assertThat(again.describe()).isEqualTo("up to date");
		assertThat(again.schema()).isEqualTo(TckSchema.SCHEMA.name());
		assertThat(model("user").findMany()).containsExactly(ada);
	}

	@Test
	void planOnAFreshRuntimeListsATablePerModelAndAnIndexPerKeyAndIndex() {
		onFreshRuntime((fresh) -> {
			SetupPlan plan = SchemaSetup.plan(TckSchema.SCHEMA, fresh);
			assertThat(plan.actions(SetupActionType.CREATE_TABLE)).extracting(SetupAction::model)
				.containsExactlyInAnyOrderElementsOf(TckSchema.SCHEMA.modelNames());
			assertThat(targets(plan, SetupActionType.CREATE_UNIQUE))
				.containsExactlyInAnyOrderElementsOf(uniqueNames(TckSchema.SCHEMA));
			assertThat(targets(plan, SetupActionType.CREATE_INDEX))
				.containsExactlyInAnyOrderElementsOf(indexNames(TckSchema.SCHEMA));
			assertThat(plan.actions(SetupActionType.ADD_COLUMN)).isEmpty();
			assertThat(plan.actions()).allSatisfy((action) -> assertThat(action.statement()).isNotBlank());
		});
	}

	@Test
	void planCreatesNothing() {
		onFreshRuntime((fresh) -> {
			SetupPlan first = SchemaSetup.plan(TckSchema.SCHEMA, fresh);
			SetupPlan second = SchemaSetup.plan(TckSchema.SCHEMA, fresh);
			assertThat(second.actions()).isEqualTo(first.actions());
			OrmClient unpushed = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, fresh);
			assertOrmError(OrmErrorCode.MISSING_TABLE, () -> unpushed.model("user").findMany());
			assertOrmError(OrmErrorCode.MISSING_TABLE,
					() -> unpushed.model("user").create(Data.of("email", "a@example.com", "name", "A")));
		});
	}

	@Test
	void applySchemaCarriesOutAReviewedPlan() {
		onFreshRuntime((fresh) -> {
			SetupPlan plan = SchemaSetup.plan(TckSchema.SCHEMA, fresh);
			PushResult result = SchemaSetup.applySchema(TckSchema.SCHEMA, fresh, plan);
			assertThat(result.applied()).containsExactlyElementsOf(plan.actions());
			assertThat(result.count(SetupActionType.CREATE_TABLE)).isEqualTo(TckSchema.SCHEMA.models().size());
			assertThat(SchemaSetup.plan(TckSchema.SCHEMA, fresh).actions()).isEmpty();
			OrmClient client = FarmingOrm.createOrmFromRuntime(TckSchema.SCHEMA, fresh);
			Row created = client.model("user").create(Data.of("email", "a@example.com", "name", "A"));
			assertThat(client.model("user").findMany()).containsExactly(created);
		});
	}

	@Test
	void bootstrapDatabaseReturnsAWorkingClient() {
		onFreshRuntime((fresh) -> {
			OrmClient client = SchemaSetup.bootstrapDatabase(TckSchema.SCHEMA, fresh);
			assertThat(client.schema()).isSameAs(TckSchema.SCHEMA);
			Row entry = client.model("cacheEntry")
				.create(Data.of("namespace", "n", "key", "k", "value", Map.of("hits", 1)));
			assertThat(client.model("cacheEntry").findUnique((q) -> q.where("id", entry.get("id")))).contains(entry);
			assertThat(SchemaSetup.pushSchema(TckSchema.SCHEMA, fresh).upToDate()).isTrue();
		});
	}

	@Test
	void pushDescribesTheTablesItCreated() {
		onFreshRuntime((fresh) -> {
			PushResult result = SchemaSetup.pushSchema(TckSchema.SCHEMA, fresh);
			assertThat(result.upToDate()).isFalse();
			assertThat(result.count(SetupActionType.CREATE_TABLE)).isEqualTo(TckSchema.SCHEMA.models().size());
			assertThat(result.describe()).contains(TckSchema.SCHEMA.models().size() + " tables");
			assertThat(result.duration().isNegative()).isFalse();
			assertThat(result.startedAt()).isNotNull();
			assertThat(result.runtime()).startsWith(this.orm.driver().kind());
		});
	}

	@Test
	void anEvolvedSchemaPlansOnlyTheNewModelAndItsIndex() {
		SetupPlan plan = SchemaSetup.plan(EVOLVED, this.runtime);
		ModelDefinition webhook = EVOLVED.model("webhook");
		assertThat(plan.actions(SetupActionType.CREATE_TABLE)).extracting(SetupAction::model).containsExactly("webhook");
		assertThat(targets(plan, SetupActionType.CREATE_INDEX)).containsExactly(webhook.indexes().get(0).name());
		assertThat(plan.actions(SetupActionType.CREATE_UNIQUE)).isEmpty();
		assertThat(plan.actions()).allSatisfy((action) -> assertThat(action.model()).isEqualTo("webhook"));

		PushResult pushed = SchemaSetup.pushSchema(EVOLVED, this.runtime);
		assertThat(pushed.applied()).containsExactlyElementsOf(plan.actions());
		assertThat(SchemaSetup.plan(EVOLVED, this.runtime).actions()).isEmpty();
		assertThat(SchemaSetup.plan(TckSchema.SCHEMA, this.runtime).actions()).isEmpty();
		OrmClient evolved = FarmingOrm.createOrmFromRuntime(EVOLVED, this.runtime);
		Row hook = evolved.model("webhook").create(Data.of("target", "https://example.com/hook"));
		assertThat(evolved.model("webhook").findMany((q) -> q.where("target", "https://example.com/hook")))
			.containsExactly(hook);
	}

	@Test
	void aNewIndexOnAnExistingModelPlansOnlyThatIndex() {
		Row log = model("auditLog").create(Data.of("scope", "s", "action", "login"));
		SetupPlan plan = SchemaSetup.plan(AUDIT_WITH_ACTION_INDEX, this.runtime);
		String actionIndex = AUDIT_WITH_ACTION_INDEX.model("auditLog").indexes().get(1).name();
		assertThat(plan.actions()).extracting(SetupAction::type).containsExactly(SetupActionType.CREATE_INDEX);
		assertThat(targets(plan, SetupActionType.CREATE_INDEX)).containsExactly(actionIndex);
		SchemaSetup.pushSchema(AUDIT_WITH_ACTION_INDEX, this.runtime);
		assertThat(SchemaSetup.plan(AUDIT_WITH_ACTION_INDEX, this.runtime).actions()).isEmpty();
		assertThat(model("auditLog").findMany()).containsExactly(log);
	}

	@Test
	void newFieldsOnAnExistingModelAreAddedAndExistingRowsReadTheirDefault() {
		Row log = model("auditLog").create(Data.of("scope", "s", "action", "login"));
		SetupPlan plan = SchemaSetup.plan(AUDIT_WITH_NEW_FIELDS, this.runtime);
		assertThat(plan.actions()).extracting(SetupAction::type)
			.doesNotContain(SetupActionType.CREATE_TABLE, SetupActionType.CREATE_INDEX, SetupActionType.CREATE_UNIQUE);
		SchemaSetup.pushSchema(AUDIT_WITH_NEW_FIELDS, this.runtime);
		assertThat(SchemaSetup.plan(AUDIT_WITH_NEW_FIELDS, this.runtime).actions()).isEmpty();
		OrmClient evolved = FarmingOrm.createOrmFromRuntime(AUDIT_WITH_NEW_FIELDS, this.runtime);
		Row old = evolved.model("auditLog").findUnique((q) -> q.where("id", log.get("id"))).orElseThrow();
		assertThat(old.get("source")).isNull();
		assertThat(old.getLong("severity")).isEqualTo(3L);
		assertThat(old.getString("action")).isEqualTo("login");
		Row added = evolved.model("auditLog").create(Data.of("scope", "s", "action", "logout", "source", "web"));
		assertThat(added.getString("source")).isEqualTo("web");
		assertThat(added.getLong("severity")).isEqualTo(3L);
		assertThat(model("auditLog").count()).isEqualTo(2);
	}

	@Test
	void pushNeverDropsData() {
		Row ada = user("ada@example.com", "Ada");
		Row entry = model("cacheEntry").create(Data.of("namespace", "n", "key", "k", "value", List.of(1, 2)));
		SchemaSetup.pushSchema(TckSchema.SCHEMA, this.runtime);
		SchemaSetup.pushSchema(EVOLVED, this.runtime);
		SchemaSetup.pushSchema(FrameworkModels.FRAMEWORK, this.runtime);
		SchemaSetup.pushSchema(AUDIT_WITH_ACTION_INDEX, this.runtime);
		assertThat(model("user").findMany()).containsExactly(ada);
		assertThat(model("cacheEntry").findMany()).containsExactly(entry);
		assertThat(SchemaSetup.plan(TckSchema.SCHEMA, this.runtime).actions()).isEmpty();
	}

	@Test
	void namespacedModelIsPushedWhereTheBackendHasNamespaces() {
		if (!this.caps.supportsSchemaNamespaces()) {
			assertOrmError(OrmErrorCode.UNSUPPORTED_OPERATION, () -> SchemaSetup.pushSchema(NAMESPACED, this.runtime));
			return;
		}
		PushResult pushed = SchemaSetup.pushSchema(NAMESPACED, this.runtime);
		assertThat(SchemaSetup.pushSchema(NAMESPACED, this.runtime).upToDate()).isTrue();
		assertThat(pushed.applied()).allSatisfy((action) -> assertThat(action.model()).isIn(null, "note"));
		OrmClient namespaced = FarmingOrm.createOrmFromRuntime(NAMESPACED, this.runtime);
		String title = "note-" + System.nanoTime();
		Row note = namespaced.model("note").create(Data.of("title", title));
		assertThat(namespaced.model("note").findUnique((q) -> q.where("title", title))).contains(note);
		assertOrmError(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION,
				() -> namespaced.model("note").create(Data.of("title", title)));
		assertThat(model("user").count()).isZero();
	}

	@Test
	void aPlanRunsOnlyWhatTheDriverRendersItself() {
		Row ada = user("ada@example.com", "Ada");
		SetupAction foreign = new SetupAction(SetupActionType.ADD_COLUMN, "user", "tck_users.nick_name",
				"DROP TABLE tck_users", new SetupSubject.Column("user", "nickname"));
		assertRefused(TckSchema.SCHEMA, new SetupPlan("tck", "hand-built", List.of(foreign)))
			.contains("is not what this driver renders");
		SetupAction genuine = SchemaSetup.plan(EVOLVED, this.runtime).actions(SetupActionType.CREATE_TABLE).get(0);
		SetupAction foreignLater = new SetupAction(SetupActionType.ADD_COLUMN, "webhook", "tck_webhooks.secret",
				"DROP TABLE tck_users", new SetupSubject.Column("webhook", "secret"));
		assertRefused(EVOLVED, new SetupPlan("evolved", "hand-built", List.of(genuine, foreignLater)))
			.contains("is not what this driver renders");
		assertThat(SchemaSetup.plan(EVOLVED, this.runtime).actions(SetupActionType.CREATE_TABLE))
			.as("nothing of a refused plan runs, not even the actions before the foreign one")
			.hasSize(1);
		SetupAction undeclared = new SetupAction(SetupActionType.CREATE_INDEX, "user", "x", genuine.statement(),
				new SetupSubject.Index("user", List.of("name", "email", "id")));
		assertRefused(TckSchema.SCHEMA, new SetupPlan("tck", "hand-built", List.of(undeclared)));
		SetupAction mismatched = new SetupAction(SetupActionType.CREATE_INDEX, genuine.model(), genuine.target(),
				genuine.statement(), genuine.subject());
		assertRefused(EVOLVED, new SetupPlan("evolved", "hand-built", List.of(mismatched)));
		assertThat(model("user").findMany()).containsExactly(ada);
		assertThat(SchemaSetup.applySchema(EVOLVED, this.runtime, new SetupPlan("evolved", "hand-built", List.of(genuine)))
			.applied()).containsExactly(genuine);
		assertThat(SchemaSetup.plan(EVOLVED, this.runtime).actions(SetupActionType.CREATE_TABLE)).isEmpty();
	}

	private org.assertj.core.api.AbstractStringAssert<?> assertRefused(FrameworkSchema schema, SetupPlan plan) {
		OrmException error = assertOrmError(OrmErrorCode.VALIDATION_ERROR,
				() -> SchemaSetup.applySchema(schema, this.runtime, plan));
		assertThat(error).isInstanceOf(RuntimeSetupException.class);
		return assertThat(error.getMessage()).contains("Refusing plan action");
	}

}
