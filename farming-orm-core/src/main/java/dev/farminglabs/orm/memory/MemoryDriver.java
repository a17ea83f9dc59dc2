package dev.farminglabs.orm.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.client.TransactionOptions;
import dev.farminglabs.orm.error.OrmErrorCode;
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
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The reference driver: every operation evaluated in Java over a {@link MemoryDatabase}. */
final class MemoryDriver implements Driver {

	private final MemoryDatabase database;

	private final DriverHandle handle;

	private final MemoryConstraints constraints;

	private final MemorySchemaManager schemaManager;

	MemoryDriver(MemoryDatabase database, FrameworkSchema schema) {
		this.database = database;
		this.handle = new DriverHandle(MemoryDriverProvider.KIND, MemoryDriverProvider.KIND, null,
				database.capabilities());
		this.constraints = new MemoryConstraints(database, schema);
		this.schemaManager = new MemorySchemaManager(database);
	}

	@Override
	public DriverHandle handle() {
		return this.handle;
	}

	@Override
	public List<Map<String, @Nullable Object>> find(ModelDefinition model, ReadQuery query) {
		return this.database.read(() -> select(model, query));
	}

	@Override
	public Stream<Map<String, @Nullable Object>> stream(ModelDefinition model, ReadQuery query) {
		return find(model, query).stream();
	}

	@Override
	public long count(ModelDefinition model, Criteria where) {
		return this.database.read(() -> (long) matching(model, where).size());
	}

	@Override
	public Map<String, @Nullable Object> insert(ModelDefinition model, Map<String, @Nullable Object> row) {
		return detached(this.database.write(() -> insertRow(model, row)));
	}

	@Override
	public List<Map<String, @Nullable Object>> insertAll(ModelDefinition model,
			List<Map<String, @Nullable Object>> rows) {
		return this.database.write(() -> {
			List<Map<String, @Nullable Object>> stored = new ArrayList<>(rows.size());
			for (Map<String, @Nullable Object> row : rows) {
				stored.add(detached(insertRow(model, row)));
			}
			return stored;
		});
	}

	@Override
	public Optional<Map<String, @Nullable Object>> updateFirst(ModelDefinition model, Criteria where,
			Map<String, @Nullable Object> changes) {
		return this.database.write(() -> matching(model, where).stream()
			.findFirst()
			.map((row) -> detached(updateRow(model, row, changes))));
	}

	@Override
	public long updateAll(ModelDefinition model, Criteria where, Map<String, @Nullable Object> changes) {
		return this.database.write(() -> {
			List<Map<String, @Nullable Object>> rows = matching(model, where);
			rows.forEach((row) -> updateRow(model, row, changes));
			return (long) rows.size();
		});
	}

	@Override
	public Map<String, @Nullable Object> upsert(ModelDefinition model, UniqueConstraint key,
			Map<String, @Nullable Object> create, Map<String, @Nullable Object> changes) {
		return this.database.write(() -> {
			MemoryTable table = table(model);
			Object id = table.idHolding(model, key, create);
			Map<String, @Nullable Object> row = (id != null) ? table.get(id) : null;
			if (row != null) {
				return detached(changes.isEmpty() ? row : updateRow(model, row, changes));
			}
			return detached(insertRow(model, create));
		});
	}

	@Override
	public Optional<Map<String, @Nullable Object>> deleteFirst(ModelDefinition model, Criteria where) {
		return this.database.write(() -> matching(model, where).stream()
			.findFirst()
			.map((row) -> detached(deleteRow(model, row))));
	}

	@Override
	public long deleteAll(ModelDefinition model, Criteria where) {
		return this.database.write(() -> {
			List<Map<String, @Nullable Object>> rows = matching(model, where);
			rows.forEach((row) -> deleteRow(model, row));
			return (long) rows.size();
		});
	}

	@Override
	public <R> R transaction(Function<Driver, R> work) {
		// The write lock is held for the whole unit of work; a nested call takes a nested snapshot, like a savepoint.
		return this.database.write(() -> work.apply(this));
	}

	/**
	 * Every memory transaction holds the database's write lock from start to end, so it runs serializably whatever
	 * level is asked for, and reads in it ({@code forUpdate} or not) see rows no one else can change.
	 */
	@Override
	public <R> R transaction(TransactionOptions options, Function<Driver, R> work) {
		return transaction(work);
	}

	@Override
	public SchemaManager schemaManager() {
		return this.schemaManager;
	}

	private List<Map<String, @Nullable Object>> select(ModelDefinition model, ReadQuery query) {
		Optional<PinnedKey> pinned = PinnedKey.of(model, query.where());
		Iterable<Map<String, @Nullable Object>> candidates = pinned.isPresent()
				? lookup(model, pinned.get()).map(List::of).orElse(List.of()) : table(model).rows();
		List<Map<String, @Nullable Object>> page = new ArrayList<>(RowPipeline.read(candidates, query));
		page.replaceAll(MemoryDriver::detached);
		return page;
	}

	/** The matching rows in id order; a where that pins a unique key is one index lookup, not a scan. */
	private List<Map<String, @Nullable Object>> matching(ModelDefinition model, Criteria where) {
		Optional<PinnedKey> pinned = PinnedKey.of(model, where);
		if (pinned.isPresent()) {
			return lookup(model, pinned.get()).filter((row) -> CriteriaEvaluator.matches(pinned.get().remaining(), row))
				.map(List::of)
				.orElse(List.of());
		}
		return RowPipeline.matching(table(model).rows(), where);
	}

	private Optional<Map<String, @Nullable Object>> lookup(ModelDefinition model, PinnedKey pinned) {
		MemoryTable table = table(model);
		Object id = table.idHolding(model, pinned.key(), pinned.values());
		return Optional.ofNullable((id != null) ? table.get(id) : null);
	}

	private Map<String, @Nullable Object> insertRow(ModelDefinition model, Map<String, @Nullable Object> input) {
		MemoryTable table = table(model);
		String idName = model.idField().name();
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		for (var field : model.fields()) {
			row.put(field.name(), input.get(field.name()));
		}
		if (row.get(idName) == null) {
			row.put(idName, table.nextId());
		}
		this.constraints.checkUnique(model, table, row, null);
		this.constraints.checkReferences(model, row);
		Map<String, @Nullable Object> stored = Collections.unmodifiableMap(row);
		table.put(row.get(idName), stored);
		return stored;
	}

	private Map<String, @Nullable Object> updateRow(ModelDefinition model, Map<String, @Nullable Object> current,
			Map<String, @Nullable Object> changes) {
		MemoryTable table = table(model);
		Object id = current.get(model.idField().name());
		Map<String, @Nullable Object> row = new LinkedHashMap<>(current);
		for (Map.Entry<String, @Nullable Object> change : changes.entrySet()) {
			Object value = change.getValue();
			// Under the write lock: the stored value cannot change between this read and the put below.
			row.put(change.getKey(), (value instanceof Arithmetic arithmetic)
					? arithmetic.applyTo(model, model.field(change.getKey()), current.get(change.getKey())) : value);
		}
		this.constraints.checkUnique(model, table, row, id);
		this.constraints.checkReferences(model, row);
		Map<String, @Nullable Object> stored = Collections.unmodifiableMap(row);
		table.put(id, stored);
		return stored;
	}

	private Map<String, @Nullable Object> deleteRow(ModelDefinition model, Map<String, @Nullable Object> row) {
		this.constraints.checkNotReferenced(model, row);
		table(model).remove(row.get(model.idField().name()));
		return row;
	}

	/** A stored row as handed out: JSON trees copied, so a caller changing one cannot change the table. */
	private static Map<String, @Nullable Object> detached(Map<String, @Nullable Object> stored) {
		Map<String, @Nullable Object> copy = null;
		for (Map.Entry<String, @Nullable Object> entry : stored.entrySet()) {
			if (entry.getValue() instanceof JsonNode node && node.isContainer()) {
				if (copy == null) {
					copy = new LinkedHashMap<>(stored);
				}
				copy.put(entry.getKey(), node.deepCopy());
			}
		}
		return (copy != null) ? Collections.unmodifiableMap(copy) : stored;
	}

	private MemoryTable table(ModelDefinition model) {
		MemoryTable table = this.database.table(model.qualifiedTable());
		if (table == null) {
			throw MemoryConstraints.error(OrmErrorCode.MISSING_TABLE, model, model.qualifiedTable(), List.of(),
					"Model '" + model.name() + "': table '" + model.qualifiedTable()
							+ "' does not exist; push the schema first (SchemaSetup.pushSchema)");
		}
		return table;
	}

}
