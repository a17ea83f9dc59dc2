package dev.farminglabs.orm.dynamodb;

import java.util.Map;

import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Record writes that DynamoDB refuses after the write's locks were taken (an item over the 400 KB limit) on dynalite,
 * the step-by-step path: the compensation deletes the locks, so no lock is orphaned and the values stay free.
 */
class DynamodbFailedWriteTest {

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("fault")
		.model("account", model("fault_accounts").field("id", id())
			.field("email", string().unique())
			.field("handle", string().unique())
			.field("bio", string().nullable()))
		.build();

	/** Over DynamoDB's item limit of 400 KB. */
	static final String TOO_LARGE = "x".repeat(410 * 1024);

	static final DynamoDbClient CLIENT = TestDynamo.dynalite();

	private String prefix;

	private ModelClient<Row> accounts;

	@BeforeEach
	void push() {
		this.prefix = TestDynamo.uniquePrefix();
		OrmClient orm = SchemaSetup.bootstrapDatabase(SCHEMA, DynamoDbRuntime.of(CLIENT, this.prefix));
		this.accounts = orm.model("account");
	}

	@AfterEach
	void drop() {
		TestDynamo.deleteTables(CLIENT, this.prefix);
	}

	@AfterAll
	static void close() {
		CLIENT.close();
	}

	@Test
	void aCreateWhoseRecordIsRefusedLeavesNoLock() {
		assertThatThrownBy(() -> this.accounts
			.create(Data.of("email", "ada@example.com", "handle", "ada", "bio", TOO_LARGE)))
			.isInstanceOf(OrmException.class);
		assertThat(TestDynamo.lockItems(CLIENT, this.prefix)).as("lock items after the failed create").isEmpty();
		assertThat(this.accounts.count()).isZero();
		this.accounts.create(Data.of("email", "ada@example.com", "handle", "ada"));
		assertThat(TestDynamo.lockItems(CLIENT, this.prefix)).hasSize(2);
	}

	@Test
	void aCreateManyWhoseLastRecordIsRefusedLeavesNoRowAndNoLock() {
		assertThatThrownBy(() -> this.accounts.createMany(java.util.List.of(
				Data.of("email", "a@example.com", "handle", "a"), Data.of("email", "b@example.com", "handle", "b"),
				Data.of("email", "c@example.com", "handle", "c", "bio", TOO_LARGE))))
			.isInstanceOf(OrmException.class);
		assertThat(TestDynamo.lockItems(CLIENT, this.prefix)).isEmpty();
		assertThat(this.accounts.count()).isZero();
	}

	@Test
	void anUpdateMovingAUniqueValueWhoseRecordIsRefusedKeepsTheOldLockOnly() {
		Row ada = this.accounts.create(Data.of("email", "ada@example.com", "handle", "ada"));
		Map<String, String> before = TestDynamo.lockItems(CLIENT, this.prefix);
		assertThatThrownBy(() -> this.accounts.update((u) -> u.where("id", ada.getString("id"))
			.data(Data.of("handle", "countess", "bio", TOO_LARGE)))).isInstanceOf(OrmException.class);
		assertThat(TestDynamo.lockItems(CLIENT, this.prefix)).isEqualTo(before);
		this.accounts.create(Data.of("email", "other@example.com", "handle", "countess"));
		assertThat(this.accounts.findUnique((f) -> f.where("handle", "ada")).orElseThrow().getString("id"))
			.isEqualTo(ada.getString("id"));
	}

}
