package dev.farminglabs.orm.dynamodb.internal;

import java.util.List;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Carries out a {@link DynamodbWrite}: one {@code TransactWriteItems} where the endpoint has transactions, else step
 * by step with compensation. The result says which step's condition failed, if one did; any other failure is thrown
 * as an {@link OrmException} after the steps already done were undone.
 */
final class WriteRunner {

	private final DynamoDbClient client;

	private final boolean transactions;

	WriteRunner(DynamoDbClient client, boolean transactions) {
		this.client = client;
		this.transactions = transactions;
	}

	/** The step whose condition failed, or {@code null} when the write was applied. */
	DynamodbWrite.@Nullable Step run(DynamodbWrite write, String model) {
		List<DynamodbWrite.Step> steps = write.steps();
		if (steps.isEmpty()) {
			return null;
		}
		return this.transactions ? transactional(steps, model) : stepwise(steps, model);
	}

	private DynamodbWrite.@Nullable Step transactional(List<DynamodbWrite.Step> steps, String model) {
		try {
			this.client.transactWriteItems(TransactWriteItemsRequest.builder()
				.transactItems(steps.stream().map(DynamodbWrite.Step::item).toList())
				.build());
			return null;
		}
		catch (TransactionCanceledException ex) {
			List<CancellationReason> reasons = ex.hasCancellationReasons() ? ex.cancellationReasons() : List.of();
			for (int i = 0; i < reasons.size() && i < steps.size(); i++) {
				if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
					return steps.get(i);
				}
			}
			for (CancellationReason reason : reasons) {
				if ("TransactionConflict".equals(reason.code())) {
					throw conflict(ex, model);
				}
			}
			throw DynamodbErrors.map(ex, model);
		}
		catch (RuntimeException ex) {
			throw DynamodbErrors.map(ex, model);
		}
	}

	private DynamodbWrite.@Nullable Step stepwise(List<DynamodbWrite.Step> steps, String model) {
		for (int i = 0; i < steps.size(); i++) {
			DynamodbWrite.Step step = steps.get(i);
			try {
				execute(step.item());
			}
			catch (ConditionalCheckFailedException ex) {
				if (step.role() == DynamodbWrite.Role.RELEASE) {
					continue;
				}
				undo(steps, i);
				return step;
			}
			catch (RuntimeException ex) {
				if (step.role() == DynamodbWrite.Role.RELEASE) {
					// The record is written; a lock that could not be freed now is held by no row. Report it, since
					// only a retry of the same write frees it.
					throw DynamodbErrors.map(ex, model);
				}
				undo(steps, i);
				throw DynamodbErrors.map(ex, model);
			}
		}
		return null;
	}

	/** Undoes the steps before {@code failed}, last first; a step that cannot be undone is left as it is. */
	private void undo(List<DynamodbWrite.Step> steps, int failed) {
		for (int i = failed - 1; i >= 0; i--) {
			TransactWriteItem undo = steps.get(i).undo();
			if (undo != null) {
				try {
					execute(undo);
				}
				catch (RuntimeException ignored) {
					// The condition names the write's own token: a failure means the item is not ours any more.
				}
			}
		}
	}

	private void execute(TransactWriteItem item) {
		Put put = item.put();
		if (put != null) {
			this.client.putItem(PutItemRequest.builder()
				.tableName(put.tableName())
				.item(put.item())
				.conditionExpression(put.conditionExpression())
				.expressionAttributeNames(put.hasExpressionAttributeNames() ? put.expressionAttributeNames() : null)
				.expressionAttributeValues(put.hasExpressionAttributeValues() ? put.expressionAttributeValues() : null)
				.build());
			return;
		}
		Delete delete = item.delete();
		this.client.deleteItem(DeleteItemRequest.builder()
			.tableName(delete.tableName())
			.key(delete.key())
			.conditionExpression(delete.conditionExpression())
			.expressionAttributeNames(delete.hasExpressionAttributeNames() ? delete.expressionAttributeNames() : null)
			.expressionAttributeValues(
					delete.hasExpressionAttributeValues() ? delete.expressionAttributeValues() : null)
			.build());
	}

	static OrmException conflict(RuntimeException cause, String model) {
		return OrmException.builder(OrmErrorCode.TRANSACTION_CONFLICT,
				"DynamoDB cancelled a transaction of model '" + model + "' that conflicted with another one")
			.cause(cause)
			.backend(DynamodbErrors.KIND, DynamodbErrors.KIND)
			.model(model)
			.retryable(true)
			.originalCode("TransactionConflict")
			.build();
	}

}
