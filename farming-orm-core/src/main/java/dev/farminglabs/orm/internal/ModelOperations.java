package dev.farminglabs.orm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NumericIds;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.BatchAtomicity;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.FilterableQuery;
import dev.farminglabs.orm.query.CreateQuery;
import dev.farminglabs.orm.query.FindQuery;
import dev.farminglabs.orm.query.Selection;
import dev.farminglabs.orm.query.UpdateQuery;
import dev.farminglabs.orm.query.UpsertQuery;
import dev.farminglabs.orm.query.WhereQuery;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.spi.Arithmetic;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.CriteriaEvaluator;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.ReadQuery;
import org.jspecify.annotations.Nullable;

/**
 * The twelve operations of one model on one driver, on {@link Row}s: every input is checked and normalised here, so
 * the driver sees only valid, canonical requests.
 */
final class ModelOperations {

	private final ModelRuntime model;

	private final Driver driver;

	private final Capabilities capabilities;

	private final RelationLoader relations;

	ModelOperations(SchemaRuntime runtime, ModelRuntime model, Driver driver) {
		this.model = model;
		this.driver = driver;
		this.capabilities = driver.handle().capabilities();
		this.relations = new RelationLoader(runtime, driver);
	}

	private ModelDefinition definition() {
		return this.model.definition();
	}

	List<Row> findMany(FindQuery query) {
		requireLocking(query);
		return this.relations.read(this.model.planner().plan(query, query.take()));
	}

	Optional<Row> findFirst(FindQuery query) {
		requireLocking(query);
		Integer take = query.take();
		return first(this.relations.read(this.model.planner().plan(query, (take != null) ? Math.min(take, 1) : 1)));
	}

	Optional<Row> findUnique(FindQuery query) {
		requireLocking(query);
		Criteria where = this.model.criteria().resolve(query.filters());
		this.model.uniqueKeys().lookup(where, "findUnique");
		ReadPlan plan = this.model.planner().plan(query, where, 1, 0, List.of());
		return first(this.relations.read(plan));
	}

	Stream<Row> stream(FindQuery query) {
		requireLocking(query);
		ReadPlan plan = this.model.planner().plan(query, query.take());
		this.relations.check(plan);
		Stream<Map<String, @Nullable Object>> stored = this.driver.stream(definition(), plan.query());
		return stored.map((row) -> this.relations.shape(plan, List.of(row)).get(0));
	}

	long count(WhereQuery query) {
		return this.driver.count(definition(), this.model.expiry().live(this.model.criteria().resolve(query.filters())));
	}

	Row create(Object data) {
		return create(data, null);
	}

	Row create(CreateQuery query) {
		return create(requiredData(query.data(), "create"), query.selection());
	}

	Row create(Object data, @Nullable Selection selection) {
		ReadPlan shape = shape(selection);
		requireIntegerIds();
		Map<String, @Nullable Object> row = this.model.writer().createRow(data);
		requireIdGeneration(row);
		List<Map<String, @Nullable Object>> rows = List.of(row);
		if (!clearsHoldersOnConflict()) {
			clearExpiredHolders(rows);
			return shaped(this.driver.insert(definition(), row), shape);
		}
		return shaped(clearingHoldersOnConflict(this.driver, rows, () -> this.driver.insert(definition(), row)), shape);
	}

	List<Row> createMany(List<?> data, BatchAtomicity atomicity) {
		requireIntegerIds();
		List<Map<String, @Nullable Object>> rows = new ArrayList<>(data.size());
		for (Object item : data) {
			Map<String, @Nullable Object> row = this.model.writer().createRow(item);
			requireIdGeneration(row);
			rows.add(row);
		}
		if (rows.isEmpty()) {
			return List.of();
		}
		if (!clearsHoldersOnConflict()) {
			clearExpiredHolders(rows);
		}
		int atomic = this.capabilities.maxAtomicWrites();
		if (rows.size() <= atomic) {
			return insertAtomically(rows).stream().map(this::full).toList();
		}
		if (atomicity != BatchAtomicity.IN_CHUNKS) {
			throw OrmException.unsupported(definition().name(), "Model '" + definition().name() + "' createMany of "
					+ rows.size() + " rows cannot be all or nothing on this backend (capabilities: maxAtomicWrites="
					+ atomic + "); pass BatchAtomicity.IN_CHUNKS to write it in atomic chunks");
		}
		List<Row> created = new ArrayList<>(rows.size());
		for (int start = 0; start < rows.size(); start += atomic) {
			List<Map<String, @Nullable Object>> chunk = rows.subList(start, Math.min(rows.size(), start + atomic));
			try {
				insertAtomically(chunk).forEach((row) -> created.add(full(row)));
			}
			catch (OrmException ex) {
				String id = definition().idField().name();
				throw ex.withWrittenIds(created.stream().map((row) -> (Object) row.get(id)).toList());
			}
		}
		return created;
	}

	/** Inserts rows the backend can write all or nothing: in a transaction where it has them. */
	private List<Map<String, @Nullable Object>> insertAtomically(List<Map<String, @Nullable Object>> rows) {
		if (clearsHoldersOnConflict()) {
			// Cleared and tried again inside the transaction: a failure that left it would mark a Spring transaction
			// the call joined rollback-only, although the second try succeeds.
			return this.capabilities.supportsTransactions()
					? this.driver.transaction((tx) -> clearingHoldersOnConflict(tx, rows,
							() -> tx.insertAll(definition(), rows)))
					: clearingHoldersOnConflict(this.driver, rows, () -> this.driver.insertAll(definition(), rows));
		}
		return this.capabilities.supportsTransactions()
				? this.driver.transaction((tx) -> tx.insertAll(definition(), rows))
				: this.driver.insertAll(definition(), rows);
	}

	/** Whether expired holders of unique values are deleted only when a create meets one (see the driver's SPI). */
	private boolean clearsHoldersOnConflict() {
		return this.model.expiry().applies() && this.driver.clearsExpiredHoldersOnConflict();
	}

	/**
	 * Runs a create; when it fails on a taken unique value, deletes the expired rows holding a value of these rows and,
	 * when there were some, runs it again. Without expired holders the create is as it would be after deleting none.
	 */
	private <R> R clearingHoldersOnConflict(Driver on, List<Map<String, @Nullable Object>> rows, Supplier<R> create) {
		try {
			return create.get();
		}
		catch (OrmException ex) {
			if (ex.code() != OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION || clearExpiredHolders(on, rows) == 0) {
				throw ex;
			}
			return create.get();
		}
	}

	Optional<Row> update(UpdateQuery query) {
		ReadPlan shape = shape(query.selection());
		Criteria where = requiredWhere(query, "update");
		Map<String, @Nullable Object> changes = this.model.writer().changes(requiredData(query.data(), "update"));
		requireAtomicUpdates(changes);
		if (changes.isEmpty()) {
			return first(this.driver.find(definition(), firstMatch(where)).stream().map((row) -> shaped(row, shape)).toList());
		}
		return this.driver.updateFirst(definition(), where, changes).map((row) -> shaped(row, shape));
	}

	long updateMany(UpdateQuery query) {
		Criteria where = requiredWhere(query, "updateMany");
		Map<String, @Nullable Object> changes = this.model.writer().changes(requiredData(query.data(), "updateMany"));
		requireAtomicUpdates(changes);
		if (changes.isEmpty()) {
			return this.driver.count(definition(), where);
		}
		return this.driver.updateAll(definition(), where, changes);
	}

	Row upsert(UpsertQuery query) {
		if (this.capabilities.upsert() == UpsertSupport.NONE) {
			throw OrmException.unsupported(definition().name(), "This backend has no upsert (capabilities: upsert=NONE)");
		}
		ReadPlan shape = shape(query.selection());
		requireIntegerIds();
		Criteria where = this.model.criteria().resolve(query.filters());
		UniqueLookup lookup = this.model.uniqueKeys().lookup(where, "upsert");
		Map<String, @Nullable Object> createInput = WriteData.read(definition().name(),
				requiredData(query.create(), "upsert create"));
		Map<String, @Nullable Object> create = this.model.writer().createRow(withKey(createInput, lookup));
		requireIdGeneration(create);
		Map<String, @Nullable Object> changes = this.model.writer().changes(requiredData(query.update(), "upsert update"));
		requireAtomicUpdates(changes);
		for (Map.Entry<String, Object> key : lookup.values().entrySet()) {
			if (changes.containsKey(key.getKey()) && !CriteriaEvaluator.same(changes.get(key.getKey()), key.getValue())) {
				throw OrmException.validation(definition().name(), key.getKey(), "Model '" + definition().name()
						+ "' upsert update cannot change conflict field '" + key.getKey() + "' of unique key '"
						+ lookup.key().keyName() + "'");
			}
		}
		Criteria holders = expiredHolders(List.of(create));
		return shaped((holders != null) ? this.driver.upsert(definition(), lookup.key(), create, changes, holders)
				: this.driver.upsert(definition(), lookup.key(), create, changes), shape);
	}

	Optional<Row> delete(WhereQuery query) {
		return delete(query, null);
	}

	Optional<Row> delete(WhereQuery query, @Nullable Selection selection) {
		ReadPlan shape = shape(selection);
		return this.driver.deleteFirst(definition(), requiredWhere(query, "delete")).map((row) -> shaped(row, shape));
	}

	long deleteMany(WhereQuery query) {
		return this.driver.deleteAll(definition(), requiredWhere(query, "deleteMany"));
	}

	/** Refuses a locking read on a backend that cannot lock rows, before it reaches the driver. */
	private void requireLocking(FindQuery query) {
		if (query.isForUpdate() && !this.capabilities.supportsLockingReads()) {
			throw OrmException.unsupported(definition().name(), "Model '" + definition().name()
					+ "': this backend cannot lock the rows it reads (capabilities: supportsLockingReads=false);"
					+ " use Update.increment/decrement or a compare-and-set updateMany instead");
		}
	}

	/** Refuses atomic number updates on a backend that cannot apply them, before they reach the driver. */
	private void requireAtomicUpdates(Map<String, @Nullable Object> changes) {
		if (this.capabilities.supportsAtomicUpdates()) {
			return;
		}
		for (Map.Entry<String, @Nullable Object> change : changes.entrySet()) {
			if (change.getValue() instanceof Arithmetic) {
				throw OrmException.builder(dev.farminglabs.orm.error.OrmErrorCode.UNSUPPORTED_OPERATION, "Model '"
						+ definition().name() + "' field '" + change.getKey() + "': this backend cannot apply atomic"
						+ " updates (capabilities: supportsAtomicUpdates=false)")
					.model(definition().name())
					.target(List.of(change.getKey()))
					.build();
			}
		}
	}

	/** Refuses writes to a model with an integer id on a backend that has none ({@code numericIds=NONE}). */
	private void requireIntegerIds() {
		FieldDefinition id = definition().idField();
		if (id.isIntegral() && this.capabilities.numericIds() == NumericIds.NONE) {
			throw OrmException.unsupported(definition().name(), "Model '" + definition().name()
					+ "' has an integer id '" + id.name()
					+ "', but this backend has no integer ids (capabilities: numericIds=NONE)");
		}
	}

	/** Refuses a create that leaves an integer id to a backend that cannot generate one ({@code numericIds=MANUAL}). */
	private void requireIdGeneration(Map<String, @Nullable Object> row) {
		FieldDefinition id = definition().idField();
		if (id.isGeneratedByBackend() && row.get(id.name()) == null
				&& this.capabilities.numericIds() != NumericIds.GENERATED) {
			throw OrmException.unsupported(definition().name(), "Model '" + definition().name()
					+ "' create needs an explicit id '" + id.name()
					+ "': this backend cannot generate integer ids (capabilities: numericIds="
					+ this.capabilities.numericIds() + ")");
		}
	}

	private Map<String, @Nullable Object> withKey(Map<String, @Nullable Object> input, UniqueLookup lookup) {
		for (Map.Entry<String, Object> key : lookup.values().entrySet()) {
			String name = key.getKey();
			if (!input.containsKey(name) || input.get(name) == null) {
				input.put(name, key.getValue());
				continue;
			}
			FieldDefinition field = definition().field(name);
			Object given = this.model.writer().normalize(field, input.get(name));
			if (!CriteriaEvaluator.same(given, key.getValue())) {
				throw OrmException.validation(definition().name(), name, "Model '" + definition().name()
						+ "' upsert create sets '" + name + "' to " + given + " but its where looks up " + key.getValue());
			}
		}
		return input;
	}

	private Criteria requiredWhere(FilterableQuery<?> query, String operation) {
		if (query.filters().isEmpty()) {
			throw OrmException.validation(definition().name(), null, "Model '" + definition().name() + "' "
					+ operation + " needs a where; pass Where.all() to act on every row");
		}
		return this.model.expiry().live(this.model.criteria().resolve(query.filters()));
	}

	/**
	 * Deletes expired rows holding a unique value these rows take, so that a create or upsert reuses it on every
	 * backend, as on one that has already removed them (Redis, a DynamoDB TTL that has run).
	 */
	private void clearExpiredHolders(List<Map<String, @Nullable Object>> rows) {
		clearExpiredHolders(this.driver, rows);
	}

	/** Deletes expired rows holding a unique value these rows take, with the given driver; returns how many. */
	private long clearExpiredHolders(Driver on, List<Map<String, @Nullable Object>> rows) {
		Criteria holders = expiredHolders(rows);
		return (holders != null) ? on.deleteAll(definition(), holders) : 0;
	}

	/** Expired rows holding a unique value these rows take; null when the model has no expiry or no row names a key. */
	private @Nullable Criteria expiredHolders(List<Map<String, @Nullable Object>> rows) {
		if (!this.model.expiry().applies()) {
			return null;
		}
		Criteria holders = this.model.expiry().expiredHolders(rows);
		return (holders instanceof Criteria.Or none && none.criteria().isEmpty()) ? null : holders;
	}

	private Object requiredData(@Nullable Object data, String operation) {
		if (data == null) {
			throw OrmException.validation(definition().name(), null,
					"Model '" + definition().name() + "' " + operation + " needs data");
		}
		return data;
	}

	private ReadQuery firstMatch(Criteria where) {
		return new ReadQuery(where, this.model.planner().sorts(List.of()), 1, 0, definition().fields());
	}

	/**
	 * The plan shaping a written row as a read with this selection would, checked before the write; {@code null}
	 * for every field.
	 */
	private @Nullable ReadPlan shape(@Nullable Selection selection) {
		if (selection == null) {
			return null;
		}
		ReadPlan plan = this.model.planner().plan(selection.asFindQuery(), Criteria.ALL, null, 0, List.of());
		this.relations.check(plan);
		return plan;
	}

	/** A written row (every field) shaped by a selection: its fields narrowed, its relations loaded. */
	private Row shaped(Map<String, @Nullable Object> stored, @Nullable ReadPlan shape) {
		return (shape != null) ? this.relations.shape(shape, List.of(stored)).get(0) : full(stored);
	}

	private Row full(Map<String, @Nullable Object> stored) {
		return RowShaper.all(stored, definition().fields());
	}

	private static Optional<Row> first(List<Row> rows) {
		return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
	}

}
