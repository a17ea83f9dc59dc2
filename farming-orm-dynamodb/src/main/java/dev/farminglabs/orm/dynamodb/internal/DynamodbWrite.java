package dev.farminglabs.orm.dynamodb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The items one write changes, in the order a write without transactions carries them out: the lock items it takes
 * (each on condition that nobody holds it), then the records (each on condition of the version read, or that the id
 * is free), then the lock items it frees (on condition that they are the row's). With transactions the same steps
 * are one {@code TransactWriteItems}; without, a step that fails undoes the steps before it in reverse, so a failed
 * write leaves no lock and no record behind.
 */
final class DynamodbWrite {

	/** What a step does, for reading a failure. */
	enum Role {

		/** Takes a unique value's lock: fails when another row holds it. */
		LOCK,

		/** Writes or deletes a record: fails when the id is taken or the version moved. */
		RECORD,

		/** Frees a lock the row held: never undone, a failure only means it was gone already. */
		RELEASE

	}

	/** One step, with what undoes it. */
	record Step(Role role, int row, @Nullable UniqueConstraint key, TransactWriteItem item,
			@Nullable TransactWriteItem undo) {
	}

	static final String LOCK = "lock";

	static final String OWNER = "id";

	static final String LOCK_TOKEN = "t";

	static final String LOCK_TABLE = "model";

	private final DynamodbModel layout;

	private final String lockTable;

	private final List<Step> steps = new ArrayList<>();

	DynamodbWrite(DynamodbModel layout, String lockTable) {
		this.layout = layout;
		this.lockTable = lockTable;
	}

	List<Step> steps() {
		return this.steps;
	}

	/** Takes the locks of a new row, then writes it if its id is free. */
	void create(int row, Map<String, @Nullable Object> values, String token) {
		Object id = values.get(this.layout.id.name());
		this.layout.lockNames(values).forEach((key, name) -> lock(row, key, name, id, token));
		Map<String, AttributeValue> key = this.layout.key(id);
		Put put = Put.builder()
			.tableName(this.layout.tableName)
			.item(this.layout.item(values, 1, token))
			.conditionExpression("attribute_not_exists(#id)")
			.expressionAttributeNames(Map.of("#id", this.layout.idColumn))
			.build();
		this.steps.add(new Step(Role.RECORD, row, null, TransactWriteItem.builder().put(put).build(),
				deleteRecordOf(key, token)));
	}

	/** Moves the locks whose values change, and writes the row if its version is still the one read. */
	void update(int row, DynamodbModel.Stored current, Map<String, @Nullable Object> changed) {
		Object id = current.id(this.layout);
		Map<UniqueConstraint, String> before = this.layout.lockNames(current.row());
		Map<UniqueConstraint, String> after = this.layout.lockNames(changed);
		after.forEach((key, name) -> {
			if (!name.equals(before.get(key))) {
				lock(row, key, name, id, current.token());
			}
		});
		Put put = Put.builder()
			.tableName(this.layout.tableName)
			.item(this.layout.item(changed, current.version() + 1, current.token()))
			.conditionExpression("#v = :v")
			.expressionAttributeNames(Map.of("#v", DynamodbModel.VERSION))
			.expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(current.version()))))
			.build();
		this.steps.add(new Step(Role.RECORD, row, null, TransactWriteItem.builder().put(put).build(), null));
		before.forEach((key, name) -> {
			if (!name.equals(after.get(key))) {
				release(row, key, name, current.token());
			}
		});
	}

	/** Deletes the row if its version is still the one read, then frees its locks. */
	void delete(int row, DynamodbModel.Stored current) {
		Delete delete = Delete.builder()
			.tableName(this.layout.tableName)
			.key(this.layout.key(current.id(this.layout)))
			.conditionExpression("#v = :v")
			.expressionAttributeNames(Map.of("#v", DynamodbModel.VERSION))
			.expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(current.version()))))
			.build();
		this.steps.add(new Step(Role.RECORD, row, null, TransactWriteItem.builder().delete(delete).build(), null));
		this.layout.lockNames(current.row()).forEach((key, name) -> release(row, key, name, current.token()));
	}

	private void lock(int row, UniqueConstraint key, String name, Object id, String token) {
		Put put = Put.builder()
			.tableName(this.lockTable)
			.item(Map.of(LOCK, AttributeValue.fromS(name), OWNER, AttributeValue.fromS(this.layout.idText(id)),
					LOCK_TOKEN, AttributeValue.fromS(token), LOCK_TABLE,
					AttributeValue.fromS(this.layout.model.qualifiedTable())))
			.conditionExpression("attribute_not_exists(#l)")
			.expressionAttributeNames(Map.of("#l", LOCK))
			.build();
		this.steps.add(new Step(Role.LOCK, row, key, TransactWriteItem.builder().put(put).build(),
				deleteLock(name, token)));
	}

	private void release(int row, UniqueConstraint key, String name, String token) {
		this.steps.add(new Step(Role.RELEASE, row, key, deleteLock(name, token), null));
	}

	/** Deletes a lock if it is the token's (or already gone). */
	private TransactWriteItem deleteLock(String name, String token) {
		return TransactWriteItem.builder()
			.delete(Delete.builder()
				.tableName(this.lockTable)
				.key(Map.of(LOCK, AttributeValue.fromS(name)))
				.conditionExpression("attribute_not_exists(#l) OR #t = :t")
				.expressionAttributeNames(Map.of("#l", LOCK, "#t", LOCK_TOKEN))
				.expressionAttributeValues(Map.of(":t", AttributeValue.fromS(token)))
				.build())
			.build();
	}

	private TransactWriteItem deleteRecordOf(Map<String, AttributeValue> key, String token) {
		return TransactWriteItem.builder()
			.delete(Delete.builder()
				.tableName(this.layout.tableName)
				.key(key)
				.conditionExpression("#tk = :t")
				.expressionAttributeNames(Map.of("#tk", DynamodbModel.TOKEN))
				.expressionAttributeValues(Map.of(":t", AttributeValue.fromS(token)))
				.build())
			.build();
	}

}
