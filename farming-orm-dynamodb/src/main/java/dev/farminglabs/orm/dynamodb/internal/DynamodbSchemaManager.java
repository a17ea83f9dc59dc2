package dev.farminglabs.orm.dynamodb.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.IndexDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.setup.PushResult;
import dev.farminglabs.orm.setup.SetupAction;
import dev.farminglabs.orm.setup.SetupActionType;
import dev.farminglabs.orm.setup.SetupPlan;
import dev.farminglabs.orm.setup.SetupSubject;
import dev.farminglabs.orm.spi.RecordedSchema;
import dev.farminglabs.orm.spi.RenderedPlan;
import dev.farminglabs.orm.spi.SchemaManager;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Push on DynamoDB. A model's table is created {@code PAY_PER_REQUEST} with the id's column as the partition key,
 * and push waits until it is {@code ACTIVE}; the lock table with it. DynamoDB has no catalog of columns, unique keys
 * or indexes, so the lock table's item <code>schema:&lt;table&gt;</code> records what push created ({@code table},
 * {@code field:<name>}, {@code unique:<name>}, {@code index:<name>}); unique keys are kept by the lock items every
 * write moves and an index is recorded only (filters other than unique lookups are scans). An added field is written
 * into existing items with its default, as {@code ADD COLUMN ... DEFAULT} does. A model's expiry field gets native
 * TTL on its {@code :ttl} attribute where the endpoint has {@code UpdateTimeToLive}.
 */
final class DynamodbSchemaManager implements SchemaManager {

	private static final Duration ACTIVE_WITHIN = Duration.ofMinutes(2);

	private final DynamodbDriver driver;

	private final boolean nativeExpiry;

	DynamodbSchemaManager(DynamodbDriver driver, boolean nativeExpiry) {
		this.driver = driver;
		this.nativeExpiry = nativeExpiry;
	}

	@Override
	public SetupPlan plan(FrameworkSchema schema) {
		List<SetupAction> actions = new ArrayList<>();
		for (ModelDefinition model : schema.models()) {
			RecordedSchema.missing(model, recorded(this.driver.layout(model)).keySet(),
					(type, owner, target, subject) -> action(schema, type, owner, target, subject), actions);
		}
		return new SetupPlan(schema.name(), DynamodbErrors.KIND, actions);
	}

	private Map<String, AttributeValue> recorded(DynamodbModel layout) {
		try {
			GetItemResponse response = client().getItem((get) -> get.tableName(this.driver.lockTable())
				.key(schemaKey(layout))
				.consistentRead(true));
			return response.hasItem() ? response.item() : Map.of();
		}
		catch (ResourceNotFoundException ex) {
			return Map.of();
		}
		catch (RuntimeException ex) {
			throw DynamodbErrors.map(ex, layout.model.name());
		}
	}

	private static Map<String, AttributeValue> schemaKey(DynamodbModel layout) {
		return Map.of(DynamodbWrite.LOCK, AttributeValue.fromS("schema:" + layout.model.qualifiedTable()));
	}

	private SetupAction action(FrameworkSchema schema, SetupActionType type, ModelDefinition model, String target,
			SetupSubject subject) {
		return new SetupAction(type, model.name(), target, render(schema, subject), subject);
	}

	/** What a subject does, shown in plans; fails for what the schema does not declare. */
	private String render(FrameworkSchema schema, SetupSubject subject) {
		if (subject instanceof SetupSubject.Table table) {
			ModelDefinition model = schema.model(table.model());
			DynamodbModel layout = this.driver.layout(model);
			return "CreateTable " + layout.tableName + " (partition key " + layout.idColumn + " "
					+ (layout.id.isIntegral() ? "N" : "S") + ", PAY_PER_REQUEST)"
					+ ((layout.expiry != null && this.nativeExpiry) ? "; UpdateTimeToLive " + DynamodbModel.EXPIRES
							: "");
		}
		if (subject instanceof SetupSubject.Column column) {
			ModelDefinition model = schema.model(column.model());
			FieldDefinition field = model.field(column.field());
			return "record field:" + field.name() + " in schema:" + model.qualifiedTable() + " (and SET "
					+ field.column() + " to its default on every item without it)";
		}
		if (subject instanceof SetupSubject.UniqueKey unique) {
			ModelDefinition model = schema.model(unique.model());
			UniqueConstraint key = uniqueKey(model, unique.fields());
			return "record unique:" + key.name() + " " + key.fields() + " in schema:" + model.qualifiedTable()
					+ " (lock items in " + this.driver.lockTable() + ")";
		}
		if (subject instanceof SetupSubject.Index wanted) {
			ModelDefinition model = schema.model(wanted.model());
			IndexDefinition index = index(model, wanted.fields());
			return "record index:" + index.name() + " " + index.fields() + " in schema:" + model.qualifiedTable();
		}
		throw new IllegalArgumentException("DynamoDB has no " + subject);
	}

	private static UniqueConstraint uniqueKey(ModelDefinition model, List<String> fields) {
		return model.uniqueConstraints()
			.stream()
			.filter((key) -> !key.primaryKey() && key.fields().equals(fields))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("model '" + model.name() + "' has no unique key " + fields));
	}

	private static IndexDefinition index(ModelDefinition model, List<String> fields) {
		return model.indexes()
			.stream()
			.filter((index) -> index.fields().equals(fields))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("model '" + model.name() + "' has no index " + fields));
	}

	@Override
	public PushResult apply(FrameworkSchema schema, SetupPlan plan) {
		Instant started = Instant.now();
		long start = System.nanoTime();
		RenderedPlan.render(plan, DynamodbErrors.KIND, (action) -> render(schema, action.subject()));
		if (!plan.actions().isEmpty()) {
			createTable(this.driver.lockTable(), DynamodbWrite.LOCK, ScalarAttributeType.S, null);
		}
		// What push records, one write per model at the end (after its table and fills are done).
		Map<DynamodbModel, Map<String, AttributeValue>> records = new java.util.LinkedHashMap<>();
		for (SetupAction action : plan.actions()) {
			SetupSubject subject = action.subject();
			if (subject instanceof SetupSubject.Table table) {
				ModelDefinition model = schema.model(table.model());
				DynamodbModel layout = this.driver.layout(model);
				createTable(layout.tableName, layout.idColumn,
						layout.id.isIntegral() ? ScalarAttributeType.N : ScalarAttributeType.S, model.name());
				if (layout.expiry != null && this.nativeExpiry) {
					enableTtl(layout);
				}
				Map<String, AttributeValue> entries = new HashMap<>();
				entries.put(RecordedSchema.TABLE, AttributeValue.fromS(model.qualifiedTable()));
				model.fieldNames()
					.forEach((name) -> entries.put(RecordedSchema.field(name), AttributeValue.fromS("1")));
				records.computeIfAbsent(layout, (key) -> new HashMap<>()).putAll(entries);
			}
			else if (subject instanceof SetupSubject.Column column) {
				ModelDefinition model = schema.model(column.model());
				FieldDefinition field = model.field(column.field());
				DynamodbModel layout = this.driver.layout(model);
				AttributeValue fill = this.driver.codec().encode(field, fillValue(field));
				if (fill != null) {
					fill(layout, field, fill);
				}
				records.computeIfAbsent(layout, (key) -> new HashMap<>())
					.put(RecordedSchema.field(field.name()), AttributeValue.fromS("1"));
			}
			else if (subject instanceof SetupSubject.UniqueKey unique) {
				ModelDefinition model = schema.model(unique.model());
				records.computeIfAbsent(this.driver.layout(model), (key) -> new HashMap<>())
					.put(RecordedSchema.unique(uniqueKey(model, unique.fields()).name()), AttributeValue.fromS("1"));
			}
			else if (subject instanceof SetupSubject.Index wanted) {
				ModelDefinition model = schema.model(wanted.model());
				records.computeIfAbsent(this.driver.layout(model), (key) -> new HashMap<>())
					.put(RecordedSchema.index(index(model, wanted.fields()).name()), AttributeValue.fromS("1"));
			}
		}
		records.forEach(this::record);
		return new PushResult(schema.name(), DynamodbErrors.KIND, started, Duration.ofNanos(System.nanoTime() - start),
				plan.actions());
	}

	/** Creates a table unless it exists, and waits until it is active. */
	private void createTable(String name, String keyColumn, ScalarAttributeType keyType, @Nullable String model) {
		try {
			client().createTable((create) -> create.tableName(name)
				.billingMode(BillingMode.PAY_PER_REQUEST)
				.attributeDefinitions((attribute) -> attribute.attributeName(keyColumn).attributeType(keyType))
				.keySchema((key) -> key.attributeName(keyColumn).keyType(KeyType.HASH)));
		}
		catch (ResourceInUseException ex) {
			// Created already (by an earlier push or a concurrent one): wait for it like for a new one.
		}
		catch (RuntimeException ex) {
			throw DynamodbErrors.map(ex, model);
		}
		long deadline = System.nanoTime() + ACTIVE_WITHIN.toNanos();
		long pause = 20;
		while (true) {
			TableStatus status;
			try {
				status = client().describeTable((describe) -> describe.tableName(name)).table().tableStatus();
			}
			catch (ResourceNotFoundException ex) {
				status = TableStatus.CREATING;
			}
			catch (RuntimeException ex) {
				throw DynamodbErrors.map(ex, model);
			}
			if (status == TableStatus.ACTIVE) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw OrmException.builder(dev.farminglabs.orm.error.OrmErrorCode.TIMEOUT,
						"DynamoDB table '" + name + "' is not ACTIVE after " + ACTIVE_WITHIN.toSeconds() + " s: " + status)
					.backend(DynamodbErrors.KIND, DynamodbErrors.KIND)
					.model(model)
					.build();
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw DynamodbErrors.map(new IllegalStateException("interrupted while waiting for " + name), model);
			}
			pause = Math.min(1000, pause * 2);
		}
	}

	private void enableTtl(DynamodbModel layout) {
		try {
			client().updateTimeToLive((ttl) -> ttl.tableName(layout.tableName)
				.timeToLiveSpecification((spec) -> spec.attributeName(DynamodbModel.EXPIRES).enabled(true)));
		}
		catch (RuntimeException ex) {
			String code = DynamodbErrors.errorCode(ex);
			// Enabled already: UpdateTimeToLive refuses to enable it twice.
			if (!"ValidationException".equals(code)) {
				throw DynamodbErrors.map(ex, layout.model.name());
			}
		}
	}

	/** Writes a new field's default into every item that lacks it. */
	private void fill(DynamodbModel layout, FieldDefinition field, AttributeValue value) {
		Map<String, AttributeValue> after = null;
		try {
			do {
				Map<String, AttributeValue> start = after;
				ScanResponse page = client().scan((scan) -> scan.tableName(layout.tableName)
					.consistentRead(true)
					.projectionExpression("#id")
					.expressionAttributeNames(Map.of("#id", layout.idColumn))
					.exclusiveStartKey(start));
				for (Map<String, AttributeValue> key : page.items()) {
					try {
						client().updateItem((update) -> update.tableName(layout.tableName)
							.key(key)
							.updateExpression("SET #f = :f")
							.conditionExpression("attribute_exists(#id) AND attribute_not_exists(#f)")
							.expressionAttributeNames(Map.of("#f", field.column(), "#id", layout.idColumn))
							.expressionAttributeValues(Map.of(":f", value)));
					}
					catch (ConditionalCheckFailedException ex) {
						// Deleted, or written with the field meanwhile.
					}
				}
				after = (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) ? page.lastEvaluatedKey()
						: null;
			}
			while (after != null);
		}
		catch (RuntimeException ex) {
			throw DynamodbErrors.map(ex, layout.model.name());
		}
	}

	private void record(DynamodbModel layout, Map<String, AttributeValue> entries) {
		Map<String, String> names = new HashMap<>();
		Map<String, AttributeValue> values = new HashMap<>();
		List<String> sets = new ArrayList<>();
		entries.forEach((name, value) -> {
			String n = "#e" + names.size();
			String v = ":e" + values.size();
			names.put(n, name);
			values.put(v, value);
			sets.add(n + " = " + v);
		});
		try {
			client().updateItem((update) -> update.tableName(this.driver.lockTable())
				.key(schemaKey(layout))
				.updateExpression("SET " + String.join(", ", sets))
				.expressionAttributeNames(names)
				.expressionAttributeValues(values));
		}
		catch (RuntimeException ex) {
			throw DynamodbErrors.map(ex, layout.model.name());
		}
	}

	private @Nullable Object fillValue(FieldDefinition field) {
		if (field.defaultNow()) {
			ChronoUnit precision = this.driver.handle().capabilities().datetimePrecision();
			return Instant.now().truncatedTo(precision);
		}
		return field.defaultValue();
	}

	private DynamoDbClient client() {
		return this.driver.client();
	}

}
