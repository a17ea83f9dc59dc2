package dev.farminglabs.orm.dynamodb.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.NumericIds;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.capability.ReturningMode;
import dev.farminglabs.orm.capability.TextComparison;
import dev.farminglabs.orm.capability.TextMatching;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.Arithmetic;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.CriteriaEvaluator;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.PinnedKey;
import dev.farminglabs.orm.spi.ReadQuery;
import dev.farminglabs.orm.spi.RowPipeline;
import dev.farminglabs.orm.spi.SchemaManager;
import dev.farminglabs.orm.spi.ValueOrder;
import dev.farminglabs.orm.spi.ValueText;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The DynamoDB driver. Reads: a where that pins a unique key is a strongly consistent {@code GetItem} of the record,
 * through the lock item for a unique field; any other where is a strongly consistent {@code Scan} page by page
 * (always following {@code LastEvaluatedKey}) with the parts DynamoDB compares exactly as a {@code FilterExpression},
 * and the SPI's {@link RowPipeline} for the whole where, the order and the page. Writes: {@link DynamodbWrite} steps,
 * run by {@link WriteRunner}; a version that moved in between makes the driver read again and retry.
 */
public final class DynamodbDriver implements Driver {

	/** Items one {@code TransactWriteItems} holds. */
	public static final int TRANSACTION_ITEMS = 100;

	/** Keys one {@code BatchGetItem} reads. */
	static final int READ_BATCH = 100;

	/** How often a conditional write is retried after another client changed its rows. */
	static final int MAX_ATTEMPTS = 200;

	private final DynamoDbClient client;

	private final String prefix;

	private final String lockTable;

	private final DriverHandle handle;

	private final AttributeCodec codec;

	private final WriteRunner runner;

	private final Map<ModelDefinition, DynamodbModel> models = new ConcurrentHashMap<>();

	private final DynamodbSchemaManager schemaManager;

	public DynamodbDriver(DynamoDbClient client, String prefix, DriverHandle handle, boolean transactions,
			boolean nativeExpiry) {
		this.client = client;
		this.prefix = prefix;
		this.lockTable = lockTable(prefix);
		this.handle = handle;
		this.codec = new AttributeCodec(ValueText.of(handle.capabilities().datetimePrecision()));
		this.runner = new WriteRunner(client, transactions);
		this.schemaManager = new DynamodbSchemaManager(this, nativeExpiry);
	}

	/** The lock table of a prefix. */
	public static String lockTable(String prefix) {
		return prefix + "farming_orm_locks";
	}

	/**
	 * What DynamoDB offers through this driver, for a schema: a create and its locks must fit one transaction, so the
	 * rows one {@code createMany} writes all or nothing are 100 items divided by the most items a row of the schema
	 * takes. Without transactions the same limit holds, kept by compensation: a failed {@code createMany} deletes
	 * what it wrote, though readers may see its rows while it runs.
	 */
	public static Capabilities capabilities(FrameworkSchema schema, boolean nativeExpiry) {
		int itemsPerRow = 1;
		for (ModelDefinition model : schema.models()) {
			itemsPerRow = Math.max(itemsPerRow,
					1 + (int) model.uniqueConstraints().stream().filter((key) -> !key.primaryKey()).count());
		}
		int atomic = Math.max(1, TRANSACTION_ITEMS / itemsPerRow);
		return Capabilities.builder()
			.numericIds(NumericIds.GENERATED)
			.supportsJson(true)
			.supportsDates(false)
			.supportsBooleans(true)
			.supportsTransactions(false)
			.supportsSchemaNamespaces(false)
			.supportsTransactionalDdl(false)
			.supportsJoin(false)
			.nativeRelationLoading(false)
			.nativeRelations(NativeRelations.none())
			.textComparison(TextComparison.CASE_SENSITIVE)
			.textMatching(TextMatching.CASE_SENSITIVE)
			.upsert(UpsertSupport.EMULATED)
			.returning(Returning.all())
			.returningMode(ReturningMode.RECONSTRUCTED)
			.datetimePrecision(ChronoUnit.MICROS)
			.maxBatchSize(atomic)
			.supportsForeignKeys(false)
			.supportsLockingReads(false)
			.supportsAtomicUpdates(true)
			.supportsIsolationLevels(false)
			.maxAtomicWrites(atomic)
			.readBatchSize(READ_BATCH)
			.nativeExpiry(nativeExpiry)
			.build();
	}

	@Override
	public DriverHandle handle() {
		return this.handle;
	}

	DynamoDbClient client() {
		return this.client;
	}

	String lockTable() {
		return this.lockTable;
	}

	AttributeCodec codec() {
		return this.codec;
	}

	DynamodbModel layout(ModelDefinition model) {
		return this.models.computeIfAbsent(model, (m) -> new DynamodbModel(this.prefix, m, this.codec));
	}

	// ---- reads

	@Override
	public List<Map<String, @Nullable Object>> find(ModelDefinition model, ReadQuery query) {
		DynamodbModel layout = layout(model);
		Optional<PinnedKey> pinned = PinnedKey.of(model, query.where());
		if (pinned.isPresent()) {
			DynamodbModel.Stored stored = lookup(layout, pinned.get());
			return RowPipeline.read((stored != null) ? List.of(stored.row()) : List.of(), query);
		}
		return RowPipeline.read(() -> rows(layout, scan(layout, query.where(), false)), query);
	}

	@Override
	public Stream<Map<String, @Nullable Object>> stream(ModelDefinition model, ReadQuery query) {
		DynamodbModel layout = layout(model);
		if (PinnedKey.of(model, query.where()).isPresent() || !RowPipeline.isIdOrder(query.orderBy())) {
			return find(model, query).stream();
		}
		// The ids first (a keys-only scan), sorted; then the rows a batch of ids at a time, in id order.
		List<Object> ids = new ArrayList<>();
		Iterator<Map<String, AttributeValue>> keys = scan(layout, query.where(), true);
		while (keys.hasNext()) {
			ids.add(this.codec.decode(layout.id, keys.next().get(layout.idColumn)));
		}
		ids.sort(ValueOrder::compare);
		Iterator<Map<String, @Nullable Object>> rows = new Iterator<>() {
			private final List<Map<String, @Nullable Object>> batch = new ArrayList<>();

			private int next;

			private int read;

			@Override
			public boolean hasNext() {
				while (this.next >= this.batch.size() && this.read < ids.size()) {
					List<Object> wanted = ids.subList(this.read, Math.min(ids.size(), this.read + READ_BATCH));
					this.read += wanted.size();
					this.batch.clear();
					this.next = 0;
					this.batch.addAll(batchGet(layout, wanted));
				}
				return this.next < this.batch.size();
			}

			@Override
			public Map<String, @Nullable Object> next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.batch.get(this.next++);
			}
		};
		return RowPipeline.stream(
				StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false), query);
	}

	@Override
	public long count(ModelDefinition model, Criteria where) {
		DynamodbModel layout = layout(model);
		Optional<PinnedKey> pinned = PinnedKey.of(model, where);
		if (pinned.isPresent()) {
			DynamodbModel.Stored stored = lookup(layout, pinned.get());
			return (stored != null && CriteriaEvaluator.matches(where, stored.row())) ? 1 : 0;
		}
		return RowPipeline.count(() -> rows(layout, scan(layout, where, false)), where);
	}

	/** The row a pinned key names, or {@code null}: the record by id, or the lock item then the record. */
	private DynamodbModel.@Nullable Stored lookup(DynamodbModel layout, PinnedKey pinned) {
		UniqueConstraint key = pinned.key();
		Object id;
		if (key.primaryKey()) {
			id = pinned.values().get(layout.id.name());
		}
		else {
			String name = layout.lockName(key, new LinkedHashMap<>(pinned.values()));
			if (name == null) {
				return null;
			}
			Map<String, AttributeValue> lock = getItem(this.lockTable,
					Map.of(DynamodbWrite.LOCK, AttributeValue.fromS(name)), layout.model.name());
			if (lock == null || !lock.containsKey(DynamodbWrite.OWNER)) {
				return null;
			}
			id = this.codec.text().decode(layout.id, lock.get(DynamodbWrite.OWNER).s());
		}
		if (id == null) {
			return null;
		}
		DynamodbModel.Stored stored = layout.decode(getItem(layout.tableName, layout.key(id), layout.model.name()));
		// A lock read while its row moves may name a row that no longer holds these values.
		if (stored == null || !CriteriaEvaluator.matches(pinnedValues(layout, pinned), stored.row())) {
			return null;
		}
		return stored;
	}

	private static Criteria pinnedValues(DynamodbModel layout, PinnedKey pinned) {
		List<Criteria> parts = new ArrayList<>();
		pinned.values().forEach((field, value) -> parts.add(
				new Criteria.Compare(layout.model.field(field), dev.farminglabs.orm.query.Operator.EQ, value)));
		return new Criteria.And(parts);
	}

	private @Nullable Map<String, AttributeValue> getItem(String table, Map<String, AttributeValue> key,
			String model) {
		try {
			GetItemResponse response = this.client.getItem((get) -> get.tableName(table).key(key).consistentRead(true));
			return response.hasItem() ? response.item() : null;
		}
		catch (RuntimeException ex) {
			throw DynamodbErrors.map(ex, model);
		}
	}

	/** Rows of the ids, in the order of the ids; ids without a row are left out. */
	private List<Map<String, @Nullable Object>> batchGet(DynamodbModel layout, List<Object> ids) {
		Map<Object, Map<String, @Nullable Object>> found = new HashMap<>();
		Map<String, KeysAndAttributes> wanted = Map.of(layout.tableName, KeysAndAttributes.builder()
			.keys(ids.stream().map(layout::key).toList())
			.consistentRead(true)
			.build());
		try {
			while (!wanted.isEmpty()) {
				Map<String, KeysAndAttributes> request = wanted;
				BatchGetItemResponse response = this.client.batchGetItem((batch) -> batch.requestItems(request));
				for (Map<String, AttributeValue> item : response.responses().getOrDefault(layout.tableName, List.of())) {
					DynamodbModel.Stored stored = layout.decode(item);
					if (stored != null) {
						found.put(stored.id(layout), stored.row());
					}
				}
				wanted = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
			}
		}
		catch (RuntimeException ex) {
			throw DynamodbErrors.map(ex, layout.model.name());
		}
		List<Map<String, @Nullable Object>> rows = new ArrayList<>(found.size());
		for (Object id : ids) {
			Map<String, @Nullable Object> row = found.get(id);
			if (row != null) {
				rows.add(row);
			}
		}
		return rows;
	}

	/**
	 * The items of a model that may match a where, read lazily a page per round trip, following
	 * {@code LastEvaluatedKey} until there is none; with {@code keysOnly} only the id of each.
	 */
	private Iterator<Map<String, AttributeValue>> scan(DynamodbModel layout, Criteria where, boolean keysOnly) {
		FilterExpressions.Filter filter = FilterExpressions.of(where, this.codec);
		return new Iterator<>() {
			private List<Map<String, AttributeValue>> page = List.of();

			private int next;

			private @Nullable Map<String, AttributeValue> after;

			private boolean last;

			@Override
			public boolean hasNext() {
				while (this.next >= this.page.size() && !this.last) {
					fetch();
				}
				return this.next < this.page.size();
			}

			@Override
			public Map<String, AttributeValue> next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.page.get(this.next++);
			}

			private void fetch() {
				ScanRequest.Builder request = ScanRequest.builder().tableName(layout.tableName).consistentRead(true);
				Map<String, String> names = new HashMap<>();
				if (filter != null) {
					request.filterExpression(filter.expression());
					names.putAll(filter.names());
					if (!filter.values().isEmpty()) {
						request.expressionAttributeValues(filter.values());
					}
				}
				if (keysOnly) {
					names.put("#key", layout.idColumn);
					request.projectionExpression("#key");
				}
				if (!names.isEmpty()) {
					request.expressionAttributeNames(names);
				}
				if (this.after != null) {
					request.exclusiveStartKey(this.after);
				}
				ScanResponse response;
				try {
					response = DynamodbDriver.this.client.scan(request.build());
				}
				catch (RuntimeException ex) {
					throw DynamodbErrors.map(ex, layout.model.name());
				}
				this.page = response.items();
				this.next = 0;
				this.after = (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty())
						? response.lastEvaluatedKey() : null;
				this.last = this.after == null;
			}
		};
	}

	/** The rows of items, decoded as they are read. */
	private static Iterator<Map<String, @Nullable Object>> rows(DynamodbModel layout,
			Iterator<Map<String, AttributeValue>> items) {
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				return items.hasNext();
			}

			@Override
			public Map<String, @Nullable Object> next() {
				return java.util.Objects.requireNonNull(layout.decode(items.next())).row();
			}
		};
	}

	/** The stored rows matching a where, in id order. */
	private List<DynamodbModel.Stored> matching(DynamodbModel layout, Criteria where) {
		Optional<PinnedKey> pinned = PinnedKey.of(layout.model, where);
		if (pinned.isPresent()) {
			DynamodbModel.Stored stored = lookup(layout, pinned.get());
			return (stored != null && CriteriaEvaluator.matches(where, stored.row())) ? List.of(stored) : List.of();
		}
		List<DynamodbModel.Stored> matched = new ArrayList<>();
		Iterator<Map<String, AttributeValue>> items = scan(layout, where, false);
		while (items.hasNext()) {
			DynamodbModel.Stored next = layout.decode(items.next());
			if (next != null && CriteriaEvaluator.matches(where, next.row())) {
				matched.add(next);
			}
		}
		matched.sort(Comparator.comparing((DynamodbModel.Stored row) -> row.id(layout), ValueOrder::compare));
		return matched;
	}

	private DynamodbModel.@Nullable Stored firstMatch(DynamodbModel layout, Criteria where) {
		List<DynamodbModel.Stored> all = matching(layout, where);
		return all.isEmpty() ? null : all.get(0);
	}

	// ---- writes

	@Override
	public Map<String, @Nullable Object> insert(ModelDefinition model, Map<String, @Nullable Object> row) {
		return insertAll(model, List.of(row)).get(0);
	}

	@Override
	public List<Map<String, @Nullable Object>> insertAll(ModelDefinition model,
			List<Map<String, @Nullable Object>> rows) {
		DynamodbModel layout = layout(model);
		List<Map<String, @Nullable Object>> stored = new ArrayList<>(rows.size());
		for (Map<String, @Nullable Object> row : rows) {
			Map<String, @Nullable Object> copy = new LinkedHashMap<>(row);
			if (copy.get(layout.id.name()) == null) {
				copy.put(layout.id.name(), nextId(layout));
			}
			else if (layout.id.isGeneratedByBackend()) {
				raiseSequence(layout, (Long) copy.get(layout.id.name()));
			}
			stored.add(copy);
		}
		requireDistinct(layout, stored);
		DynamodbWrite write = new DynamodbWrite(layout, this.lockTable);
		for (int i = 0; i < stored.size(); i++) {
			write.create(i, stored.get(i), UUID.randomUUID().toString());
		}
		DynamodbWrite.Step failed = this.runner.run(write, model.name());
		if (failed != null) {
			throw violation(layout, failed, stored);
		}
		return stored;
	}

	/** Two rows of one batch that collide fail before anything is written, as the second of them would. */
	private void requireDistinct(DynamodbModel layout, List<Map<String, @Nullable Object>> rows) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, @Nullable Object> row = rows.get(i);
			if (!seen.add("id:" + layout.idText(row.get(layout.id.name())))) {
				throw violation(layout, primaryKey(layout), row);
			}
			for (Map.Entry<UniqueConstraint, String> lock : layout.lockNames(row).entrySet()) {
				if (!seen.add(lock.getValue())) {
					throw violation(layout, lock.getKey(), row);
				}
			}
		}
	}

	private Object nextId(DynamodbModel layout) {
		try {
			Map<String, AttributeValue> updated = this.client.updateItem((update) -> update.tableName(this.lockTable)
				.key(Map.of(DynamodbWrite.LOCK, AttributeValue.fromS("seq:" + layout.model.qualifiedTable())))
				.updateExpression("ADD #n :one")
				.expressionAttributeNames(Map.of("#n", "n"))
				.expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
				.returnValues(ReturnValue.UPDATED_NEW)).attributes();
			return Long.valueOf(updated.get("n").n());
		}
		catch (RuntimeException ex) {
			throw DynamodbErrors.map(ex, layout.model.name());
		}
	}

	/** Moves the id sequence past an id given explicitly, so generated ids never collide with it. */
	private void raiseSequence(DynamodbModel layout, long id) {
		try {
			this.client.updateItem((update) -> update.tableName(this.lockTable)
				.key(Map.of(DynamodbWrite.LOCK, AttributeValue.fromS("seq:" + layout.model.qualifiedTable())))
				.updateExpression("SET #n = :id")
				.conditionExpression("attribute_not_exists(#n) OR #n < :id")
				.expressionAttributeNames(Map.of("#n", "n"))
				.expressionAttributeValues(Map.of(":id", AttributeValue.fromN(Long.toString(id)))));
		}
		catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException ex) {
			// The sequence is past it already.
		}
		catch (RuntimeException ex) {
			throw DynamodbErrors.map(ex, layout.model.name());
		}
	}

	@Override
	public Optional<Map<String, @Nullable Object>> updateFirst(ModelDefinition model, Criteria where,
			Map<String, @Nullable Object> changes) {
		DynamodbModel layout = layout(model);
		return retrying(layout, () -> {
			DynamodbModel.Stored current = firstMatch(layout, where);
			if (current == null) {
				return Optional.of(Optional.empty());
			}
			Map<String, @Nullable Object> changed = changed(layout, current, changes);
			return updateOne(layout, current, changed).map(Optional::of);
		});
	}

	/** The row after the update, or empty when its version moved (read again). */
	private Optional<Map<String, @Nullable Object>> updateOne(DynamodbModel layout, DynamodbModel.Stored current,
			Map<String, @Nullable Object> changed) {
		DynamodbWrite write = new DynamodbWrite(layout, this.lockTable);
		write.update(0, current, changed);
		DynamodbWrite.Step failed = this.runner.run(write, layout.model.name());
		if (failed == null) {
			return Optional.of(changed);
		}
		if (failed.role() == DynamodbWrite.Role.LOCK) {
			throw violation(layout, failed.key(), changed);
		}
		return Optional.empty();
	}

	@Override
	public long updateAll(ModelDefinition model, Criteria where, Map<String, @Nullable Object> changes) {
		DynamodbModel layout = layout(model);
		long updated = 0;
		for (DynamodbModel.Stored row : matching(layout, where)) {
			DynamodbModel.Stored first = row;
			boolean done = retrying(layout, new Supplier<Optional<Boolean>>() {
				private DynamodbModel.@Nullable Stored current = first;

				@Override
				public Optional<Boolean> get() {
					if (this.current == null) {
						this.current = layout.decode(getItem(layout.tableName, layout.key(first.id(layout)),
								model.name()));
						if (this.current == null || !CriteriaEvaluator.matches(where, this.current.row())) {
							return Optional.of(false);
						}
					}
					Optional<Map<String, @Nullable Object>> result = updateOne(layout, this.current,
							changed(layout, this.current, changes));
					this.current = null;
					return result.map((changed) -> true);
				}
			});
			if (done) {
				updated++;
			}
		}
		return updated;
	}

	@Override
	public Map<String, @Nullable Object> upsert(ModelDefinition model, UniqueConstraint key,
			Map<String, @Nullable Object> create, Map<String, @Nullable Object> changes) {
		DynamodbModel layout = layout(model);
		Map<String, Object> keyValues = new LinkedHashMap<>();
		for (String field : key.fields()) {
			keyValues.put(field, create.get(field));
		}
		PinnedKey pinned = new PinnedKey(key, keyValues, Criteria.ALL);
		return retrying(layout, () -> {
			DynamodbModel.Stored current = lookup(layout, pinned);
			if (current != null) {
				if (changes.isEmpty()) {
					return Optional.of(current.row());
				}
				return updateOne(layout, current, changed(layout, current, changes));
			}
			Map<String, @Nullable Object> row = new LinkedHashMap<>(create);
			if (row.get(layout.id.name()) == null) {
				row.put(layout.id.name(), nextId(layout));
			}
			DynamodbWrite write = new DynamodbWrite(layout, this.lockTable);
			write.create(0, row, UUID.randomUUID().toString());
			DynamodbWrite.Step failed = this.runner.run(write, model.name());
			if (failed == null) {
				return Optional.of(row);
			}
			boolean sameKey = (failed.role() == DynamodbWrite.Role.LOCK && key.equals(failed.key()))
					|| (failed.role() == DynamodbWrite.Role.RECORD && key.primaryKey());
			if (sameKey) {
				// Another writer took the key in between: read it again and update that row.
				return Optional.empty();
			}
			throw violation(layout, failed, List.of(row));
		});
	}

	@Override
	public Optional<Map<String, @Nullable Object>> deleteFirst(ModelDefinition model, Criteria where) {
		DynamodbModel layout = layout(model);
		return retrying(layout, () -> {
			DynamodbModel.Stored current = firstMatch(layout, where);
			if (current == null) {
				return Optional.of(Optional.empty());
			}
			return deleteOne(layout, current) ? Optional.of(Optional.of(current.row())) : Optional.empty();
		});
	}

	private boolean deleteOne(DynamodbModel layout, DynamodbModel.Stored current) {
		DynamodbWrite write = new DynamodbWrite(layout, this.lockTable);
		write.delete(0, current);
		return this.runner.run(write, layout.model.name()) == null;
	}

	@Override
	public long deleteAll(ModelDefinition model, Criteria where) {
		DynamodbModel layout = layout(model);
		long deleted = 0;
		for (DynamodbModel.Stored row : matching(layout, where)) {
			DynamodbModel.Stored first = row;
			boolean done = retrying(layout, new Supplier<Optional<Boolean>>() {
				private DynamodbModel.@Nullable Stored current = first;

				@Override
				public Optional<Boolean> get() {
					if (this.current == null) {
						this.current = layout.decode(getItem(layout.tableName, layout.key(first.id(layout)),
								model.name()));
						if (this.current == null || !CriteriaEvaluator.matches(where, this.current.row())) {
							return Optional.of(false);
						}
					}
					boolean deleted = deleteOne(layout, this.current);
					this.current = null;
					return deleted ? Optional.of(true) : Optional.empty();
				}
			});
			if (done) {
				deleted++;
			}
		}
		return deleted;
	}

	@Override
	public <R> R transaction(Function<Driver, R> work) {
		throw OrmException.unsupported(null, "DynamoDB has no interactive transactions (capabilities: "
				+ "supportsTransactions=false); every single write, with its unique locks, is atomic");
	}

	@Override
	public SchemaManager schemaManager() {
		return this.schemaManager;
	}

	/** The row after the changes; an {@link Arithmetic} applies to the value read, checked by the version. */
	private static Map<String, @Nullable Object> changed(DynamodbModel layout, DynamodbModel.Stored current,
			Map<String, @Nullable Object> changes) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>(current.row());
		for (Map.Entry<String, @Nullable Object> change : changes.entrySet()) {
			Object value = change.getValue();
			row.put(change.getKey(), (value instanceof Arithmetic arithmetic)
					? arithmetic.applyTo(layout.model, layout.model.field(change.getKey()), row.get(change.getKey()))
					: value);
		}
		return row;
	}

	private <T> T retrying(DynamodbModel layout, Supplier<Optional<T>> attempt) {
		for (int i = 0; i < MAX_ATTEMPTS; i++) {
			Optional<T> done = attempt.get();
			if (done.isPresent()) {
				return done.get();
			}
			if (i > 4) {
				try {
					Thread.sleep(Math.min(50, i));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		throw OrmException.builder(OrmErrorCode.TRANSACTION_CONFLICT, "Model '" + layout.model.name()
				+ "': rows kept changing under a write; gave up after " + MAX_ATTEMPTS + " attempts")
			.backend(DynamodbErrors.KIND, DynamodbErrors.KIND)
			.model(layout.model.name())
			.retryable(true)
			.build();
	}

	private static UniqueConstraint primaryKey(DynamodbModel layout) {
		return layout.model.uniqueConstraints().stream().filter(UniqueConstraint::primaryKey).findFirst().orElseThrow();
	}

	private static OrmException violation(DynamodbModel layout, DynamodbWrite.Step failed,
			List<Map<String, @Nullable Object>> rows) {
		UniqueConstraint key = (failed.role() == DynamodbWrite.Role.LOCK && failed.key() != null) ? failed.key()
				: primaryKey(layout);
		return violation(layout, key, rows.get(Math.min(failed.row(), rows.size() - 1)));
	}

	private static OrmException violation(DynamodbModel layout, @Nullable UniqueConstraint key,
			Map<String, @Nullable Object> row) {
		UniqueConstraint constraint = (key != null) ? key : primaryKey(layout);
		StringBuilder described = new StringBuilder();
		for (String field : constraint.fields()) {
			if (described.length() > 0) {
				described.append(", ");
			}
			described.append(field).append(" = ").append(row.get(field));
		}
		return OrmException.builder(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION, "Model '" + layout.model.name()
				+ "': a row with " + described + " already exists (unique key '" + constraint.keyName() + "')")
			.backend(DynamodbErrors.KIND, DynamodbErrors.KIND)
			.model(layout.model.name())
			.constraint(constraint.name())
			.target(constraint.fields())
			.originalCode("ConditionalCheckFailed")
			.build();
	}

}
