package dev.farminglabs.orm.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.client.IsolationLevel;
import dev.farminglabs.orm.client.TransactionOptions;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect;
import dev.farminglabs.orm.jdbc.dialect.SqlDialect.StatementKind;
import dev.farminglabs.orm.query.Operator;
import dev.farminglabs.orm.query.SortDirection;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.Arithmetic;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.JoinedRelation;
import dev.farminglabs.orm.spi.JoinedRow;
import dev.farminglabs.orm.spi.PinnedKey;
import dev.farminglabs.orm.spi.ReadQuery;
import dev.farminglabs.orm.spi.SchemaManager;
import dev.farminglabs.orm.spi.Sort;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The JDBC driver: one statement per operation where SQL allows, several in one transaction where it does not
 * ("first match" updates and deletes, upserts read back by key), JDBC batches for {@code createMany}.
 */
public final class JdbcDriver implements Driver {

	private final JdbcContext context;

	private final boolean inOwnTransaction;

	private final JdbcSchemaManager schemaManager;

	private final JoinedReader joinedReader;

	public JdbcDriver(JdbcContext context) {
		this(context, false);
	}

	private JdbcDriver(JdbcContext context, boolean inOwnTransaction) {
		this.context = context;
		this.inOwnTransaction = inOwnTransaction;
		this.schemaManager = new JdbcSchemaManager(context);
		this.joinedReader = new JoinedReader(context);
	}

	@Override
	public Driver withOperationTimeout(Duration timeout) {
		return new JdbcDriver(this.context.withOperationTimeout(timeout), this.inOwnTransaction);
	}

	@Override
	public DriverHandle handle() {
		return this.context.handle();
	}

	@Override
	public List<Map<String, @Nullable Object>> find(ModelDefinition model, ReadQuery query) {
		List<FieldDefinition> fields = query.fields().isEmpty() ? model.fields() : query.fields();
		query = lean(model, query);
		if (query.lock()) {
			return lockedQuery(model, renderer().select(model, fields, query, true), fields);
		}
		return this.context.query(model, renderer().select(model, fields, query, false), fields);
	}

	/** A locking stream reads (and locks) every row first, as a locking cursor would by the end. */
	@Override
	public Stream<Map<String, @Nullable Object>> stream(ModelDefinition model, ReadQuery query) {
		if (query.lock()) {
			return find(model, query).stream();
		}
		List<FieldDefinition> fields = query.fields().isEmpty() ? model.fields() : query.fields();
		return RowStream.open(this.context, model, renderer().select(model, fields, query, false), fields);
	}

	/** Loads simple relation selects with one statement; see {@link JoinedReader}. */
	@Override
	public Optional<List<JoinedRow>> findJoined(ModelDefinition model, ReadQuery query,
			List<JoinedRelation> relations) {
		return Optional.of(this.joinedReader.read(model, query, relations));
	}

	@Override
	public long count(ModelDefinition model, Criteria where) {
		SqlFragment sql = renderer().count(model, where);
		return this.context.withConnection(model, sql.sql(), (connection) -> {
			try (PreparedStatement statement = this.context.prepare(connection, sql);
					ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		});
	}

	@Override
	public Map<String, @Nullable Object> insert(ModelDefinition model, Map<String, @Nullable Object> row) {
		FieldDefinition id = model.idField();
		if (row.get(id.name()) != null) {
			Map<String, @Nullable Object> stored = insertComplete(model, row);
			if (id.isGeneratedByBackend()) {
				syncIdentity(model);
			}
			return stored;
		}
		return insertGenerated(model, row);
	}

	@Override
	public List<Map<String, @Nullable Object>> insertAll(ModelDefinition model,
			List<Map<String, @Nullable Object>> rows) {
		FieldDefinition id = model.idField();
		if (id.isGeneratedByBackend()) {
			return this.context.atomically(() -> {
				List<Map<String, @Nullable Object>> stored = new ArrayList<>(rows.size());
				for (Map<String, @Nullable Object> row : rows) {
					stored.add(insert(model, row));
				}
				return stored;
			});
		}
		SqlFragment shape = renderer().insert(model, model.fields(), rows.get(0), false);
		int batchSize = handle().capabilities().maxBatchSize();
		// All or nothing on its own (a savepoint inside the caller's transaction, which on PostgreSQL replaces the
		// statement's own): a batch that fails half way leaves nothing, so the client may clear expired holders of a
		// unique value and try again in the same transaction.
		this.context.atomically(() -> this.context.withConnection(model, shape.sql(), (connection) -> {
			try (PreparedStatement statement = this.context.timed(connection.prepareStatement(shape.sql()))) {
				int pending = 0;
				for (Map<String, @Nullable Object> row : rows) {
					// One statement for the batch: each row only binds its values.
					this.context.bind(statement, renderer().insertParams(model.fields(), row));
					statement.addBatch();
					if (++pending == batchSize) {
						statement.executeBatch();
						pending = 0;
					}
				}
				if (pending > 0) {
					statement.executeBatch();
				}
			}
			return null;
		}));
		if (dialect().returning(StatementKind.INSERT)) {
			// Rows as inserted: the client made them complete and canonical, and the dialect stores them unchanged.
			return rows.stream().map((row) -> complete(model, row)).toList();
		}
		return readBack(model, rows);
	}

	/** The rows as stored, read back by id in chunks, in the order given. */
	private List<Map<String, @Nullable Object>> readBack(ModelDefinition model, List<Map<String, @Nullable Object>> rows) {
		String id = model.idField().name();
		Map<Object, Map<String, @Nullable Object>> byId = new LinkedHashMap<>();
		int chunk = 500;
		for (int start = 0; start < rows.size(); start += chunk) {
			List<Object> ids = rows.subList(start, Math.min(rows.size(), start + chunk)).stream().map((row) -> row.get(id)).toList();
			ReadQuery read = new ReadQuery(new Criteria.Compare(model.idField(), Operator.IN, ids), List.of(), null, 0,
					model.fields());
			find(model, read).forEach((row) -> byId.put(row.get(id), row));
		}
		return rows.stream().map((row) -> byId.get(row.get(id))).toList();
	}

	@Override
	public Optional<Map<String, @Nullable Object>> updateFirst(ModelDefinition model, Criteria where,
			Map<String, @Nullable Object> changes) {
		Optional<PinnedKey> pinned = computed(model, changes) ? Optional.empty() : pinned(model, where);
		if (pinned.isPresent() && dialect().returning(StatementKind.UPDATE)) {
			// At most one row matches: one statement, atomic on its own, instead of locating the match by id first.
			return this.context.query(model, renderer().update(model, where, changes, true), model.fields())
				.stream()
				.findFirst();
		}
		if (pinned.isPresent() && !touchesKey(pinned.get(), changes)) {
			return updatePinned(model, where, pinned.get(), changes);
		}
		return this.context.atomically(() -> updateFirstLocked(model, where, changes));
	}

	/** Locks the first match in id order, updates it by id and returns it as written; in an operation's transaction. */
	private Optional<Map<String, @Nullable Object>> updateFirstLocked(ModelDefinition model, Criteria where,
			Map<String, @Nullable Object> changes) {
		Optional<Map<String, @Nullable Object>> current = firstLocked(model, where, changes);
		if (current.isEmpty()) {
			return Optional.empty();
		}
		Object id = current.get().get(model.idField().name());
		Criteria byId = byId(model, id);
		boolean returning = dialect().returning(StatementKind.UPDATE);
		SqlFragment sql = renderer().update(model, byId, concrete(model, changes, current.get()), returning);
		if (returning) {
			return this.context.query(model, sql, model.fields()).stream().findFirst();
		}
		this.context.update(model, sql);
		return readById(model, id, true);
	}

	/**
	 * Updates the one row a where that pins a unique key can match, then reads it back by that key in the same
	 * transaction: the update holds the row's lock, and the key it is found by is not changed, so the row read is the
	 * row written. Two statements instead of a locking read, the update and a read by id.
	 */
	private Optional<Map<String, @Nullable Object>> updatePinned(ModelDefinition model, Criteria where, PinnedKey pinned,
			Map<String, @Nullable Object> changes) {
		return this.context.atomically(() -> {
			long matched = this.context.update(model, renderer().update(model, where, changes, false));
			if (matched == 0) {
				// No row matched when the update ran (or the driver counts changed rather than matched rows and the
				// values were equal): the locking path decides, so a row created since is updated and returned as
				// written, never returned unchanged.
				return updateFirstLocked(model, where, changes);
			}
			return find(model, new ReadQuery(byKey(model, pinned), List.of(), null, 0, model.fields())).stream()
				.findFirst();
		});
	}

	@Override
	public long updateAll(ModelDefinition model, Criteria where, Map<String, @Nullable Object> changes) {
		if (!computed(model, changes)) {
			return this.context.update(model, renderer().update(model, where, changes, false));
		}
		// Atomic changes the database cannot compute (decimals kept as text): each row locked, computed, written.
		return this.context.atomically(() -> {
			List<FieldDefinition> fields = lockedFields(model, changes);
			ReadQuery all = new ReadQuery(where, idOrder(model), null, 0, fields, true);
			List<Map<String, @Nullable Object>> rows = lockedQuery(model, renderer().select(model, fields, all, true),
					fields);
			for (Map<String, @Nullable Object> row : rows) {
				this.context.update(model, renderer().update(model, byId(model, row.get(model.idField().name())),
						concrete(model, changes, row), false));
			}
			return (long) rows.size();
		});
	}

	@Override
	public Map<String, @Nullable Object> upsert(ModelDefinition model, UniqueConstraint key,
			Map<String, @Nullable Object> create, Map<String, @Nullable Object> changes) {
		Criteria byKey = byKey(model, key.fields(), create);
		if (handle().capabilities().upsert() == UpsertSupport.NATIVE && !computed(model, changes)) {
			boolean returning = dialect().returning(StatementKind.UPSERT);
			SqlFragment statement = renderer().upsert(model, key, create, changes, returning);
			if (returning) {
				return this.context.query(model, statement, model.fields()).get(0);
			}
			return this.context.atomically(() -> {
				this.context.update(model, statement);
				return find(model, new ReadQuery(byKey, List.of(), 1, 0, model.fields())).get(0);
			});
		}
		return emulatedUpsert(model, key, byKey, create, changes);
	}

	/**
	 * On PostgreSQL, first the upsert alone, guarded so that it changes no expired row: as a rule nothing expired holds
	 * the key, and that is all. When it returned no row (the key's row has expired) or failed on a taken value (an
	 * expired row may hold the id), the delete of expired holders and the plain upsert go together, in one round trip
	 * (several statements in one prepared statement; one implicit transaction outside a transaction): exactly what
	 * deleting first would have done. Elsewhere, delete first.
	 */
	@Override
	public Map<String, @Nullable Object> upsert(ModelDefinition model, UniqueConstraint key,
			Map<String, @Nullable Object> create, Map<String, @Nullable Object> changes, Criteria expiredHolders) {
		if (dialect().preparesSeveralStatements() && dialect().returning(StatementKind.UPSERT)
				&& handle().capabilities().upsert() == UpsertSupport.NATIVE && !computed(model, changes)) {
			List<Map<String, @Nullable Object>> upserted;
			try {
				upserted = this.context.query(model,
						renderer().upsertUnless(model, key, create, changes, expiredHolders), model.fields());
			}
			catch (OrmException ex) {
				if (ex.code() != OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION) {
					throw ex;
				}
				upserted = List.of();
			}
			if (!upserted.isEmpty()) {
				return upserted.get(0);
			}
			return this.context.queryAfter(model, renderer().delete(model, expiredHolders, false),
					renderer().upsert(model, key, create, changes, true), model.fields()).get(0);
		}
		return Driver.super.upsert(model, key, create, changes, expiredHolders);
	}

	/**
	 * A failed {@link #insert} is one statement or an operation of several in a savepoint, and {@link #insertAll} is
	 * atomic on its own: either leaves nothing and the transaction usable, and a taken unique value is
	 * {@code UNIQUE_CONSTRAINT_VIOLATION}.
	 */
	@Override
	public boolean clearsExpiredHoldersOnConflict() {
		return true;
	}

	/**
	 * Update the key's row if it exists (locked), otherwise insert; an insert that loses a race for the key runs the
	 * step again. Used where the native statement would act on any unique key rather than the one asked for (MySQL's
	 * ON DUPLICATE KEY UPDATE) or is not atomic under concurrency (H2's MERGE).
	 */

	private Map<String, @Nullable Object> emulatedUpsert(ModelDefinition model, UniqueConstraint key, Criteria byKey,
			Map<String, @Nullable Object> create, Map<String, @Nullable Object> changes) {
		boolean ownTransaction = !TransactionSynchronizationManager.isActualTransactionActive();
		for (int attempt = 1;; attempt++) {
			try {
				Optional<Map<String, @Nullable Object>> updated = this.context.atomically(() -> {
					// Locking reads see the latest committed row, not a REPEATABLE READ snapshot taken before a
					// concurrent insert of the key (MySQL, MariaDB), and hold it until the transaction ends.
					Optional<Map<String, @Nullable Object>> current = firstLocked(model, byKey, changes);
					if (current.isEmpty()) {
						return Optional.<Map<String, @Nullable Object>>empty();
					}
					Object id = current.get().get(model.idField().name());
					if (!changes.isEmpty()) {
						this.context.update(model,
								renderer().update(model, byId(model, id), concrete(model, changes, current.get()), false));
					}
					return readById(model, id, true);
				});
				if (updated.isPresent()) {
					return updated.get();
				}
				// Insert outside the read's lock: a missing key takes no row lock (only gap locks, which deadlock
				// concurrent inserts on InnoDB); a concurrent insert of the same key fails on the key and loops.
				return insert(model, create);
			}
			catch (OrmException ex) {
				boolean keyTaken = ex.code() == OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION && key.name().equals(ex.constraint());
				boolean lockLost = ownTransaction
						&& (ex.code() == OrmErrorCode.DEADLOCK || ex.code() == OrmErrorCode.TRANSACTION_CONFLICT);
				if (!(keyTaken || lockLost) || attempt >= 20) {
					throw ex;
				}
			}
		}
	}

	@Override
	public Optional<Map<String, @Nullable Object>> deleteFirst(ModelDefinition model, Criteria where) {
		if (dialect().returning(StatementKind.DELETE) && pinned(model, where).isPresent()) {
			return this.context.query(model, renderer().delete(model, where, true), model.fields()).stream().findFirst();
		}
		return this.context.atomically(() -> {
			// The first match, locked until the row is deleted; a where that pins a key needs no order or limit.
			ReadQuery first = lean(model, new ReadQuery(where, idOrder(model), 1, 0, model.fields(), true));
			Optional<Map<String, @Nullable Object>> row = lockedQuery(model,
					renderer().select(model, model.fields(), first, true), model.fields())
				.stream()
				.findFirst();
			row.ifPresent((found) -> this.context.update(model,
					renderer().delete(model, byId(model, found.get(model.idField().name())), false)));
			return row;
		});
	}

	@Override
	public long deleteAll(ModelDefinition model, Criteria where) {
		return this.context.update(model, renderer().delete(model, where, false));
	}

	@Override
	public <R> R transaction(Function<Driver, R> work) {
		JdbcDriver bound = new JdbcDriver(this.context, true);
		return this.context.transaction(this.inOwnTransaction, () -> work.apply(bound));
	}

	@Override
	public <R> R transaction(TransactionOptions options, Function<Driver, R> work) {
		IsolationLevel isolation = options.isolation();
		if (isolation == null) {
			return transaction(work);
		}
		JdbcDriver bound = new JdbcDriver(this.context, true);
		return this.context.transaction(this.inOwnTransaction, isolation, () -> work.apply(bound));
	}

	@Override
	public SchemaManager schemaManager() {
		return this.schemaManager;
	}

	private Map<String, @Nullable Object> insertComplete(ModelDefinition model, Map<String, @Nullable Object> row) {
		boolean returning = dialect().returning(StatementKind.INSERT);
		SqlFragment sql = renderer().insert(model, model.fields(), row, returning);
		if (returning) {
			return this.context.query(model, sql, model.fields()).get(0);
		}
		// Read back in the insert's transaction: the new row is locked by it, so a concurrent update or delete can
		// neither hide it nor change what is returned.
		return this.context.atomically(() -> {
			this.context.update(model, sql);
			return written(model, readById(model, row.get(model.idField().name()), false));
		});
	}

	private Map<String, @Nullable Object> insertGenerated(ModelDefinition model, Map<String, @Nullable Object> row) {
		FieldDefinition id = model.idField();
		List<FieldDefinition> columns = model.fields().stream().filter((field) -> !field.isId()).toList();
		boolean returning = dialect().returning(StatementKind.INSERT);
		SqlFragment sql = renderer().insert(model, columns, row, returning);
		if (returning) {
			return this.context.query(model, sql, model.fields()).get(0);
		}
		return this.context.atomically(() -> {
			long generated = this.context.withConnection(model, sql.sql(), (connection) -> {
				try (PreparedStatement statement = this.context
					.timed(connection.prepareStatement(sql.sql(), Statement.RETURN_GENERATED_KEYS))) {
					this.context.bind(statement, sql);
					statement.executeUpdate();
					try (ResultSet keys = statement.getGeneratedKeys()) {
						keys.next();
						return keys.getLong(1);
					}
				}
			});
			return written(model, readById(model, generated, false));
		});
	}

	/** The row just written, read back in the writing transaction, where no one else can have removed it. */
	private static Map<String, @Nullable Object> written(ModelDefinition model,
			Optional<Map<String, @Nullable Object>> row) {
		return row.orElseThrow(() -> OrmException.builder(OrmErrorCode.TRANSACTION_CONFLICT, "Model '" + model.name()
				+ "': the row just written was not found again in its own transaction")
			.model(model.name())
			.build());
	}

	private void syncIdentity(ModelDefinition model) {
		FieldDefinition id = model.idField();
		SqlFragment max = new SqlFragment("SELECT MAX(" + dialect().quote(id.column()) + ") FROM " + dialect().table(model),
				List.of());
		this.context.withConnection(model, max.sql(), (connection) -> {
			long highest;
			try (PreparedStatement statement = this.context.timed(connection.prepareStatement(max.sql()));
					ResultSet rows = statement.executeQuery()) {
				rows.next();
				highest = rows.getLong(1);
			}
			String sync = dialect().syncIdentity(model, highest);
			if (sync != null) {
				try (Statement statement = this.context.timed(connection.createStatement())) {
					statement.execute(sync);
				}
			}
			return null;
		});
	}

	/**
	 * The first match in id order, locked until the transaction ends, with its id and the current values of the
	 * fields whose atomic changes the driver computes.
	 */
	private Optional<Map<String, @Nullable Object>> firstLocked(ModelDefinition model, Criteria where,
			Map<String, @Nullable Object> changes) {
		List<FieldDefinition> fields = lockedFields(model, changes);
		ReadQuery first = lean(model, new ReadQuery(where, idOrder(model), 1, 0, fields, true));
		return lockedQuery(model, renderer().select(model, fields, first, true), fields).stream().findFirst();
	}

	/** Runs a locking select, taking the dialect's write lock first where SELECT cannot lock rows (SQLite). */
	private List<Map<String, @Nullable Object>> lockedQuery(ModelDefinition model, SqlFragment select,
			List<FieldDefinition> fields) {
		SqlFragment lock = renderer().writeLock(model);
		if (lock != null) {
			this.context.update(model, lock);
		}
		return this.context.query(model, select, fields);
	}

	/** The id and the fields whose atomic changes the database cannot compute itself. */
	private List<FieldDefinition> lockedFields(ModelDefinition model, Map<String, @Nullable Object> changes) {
		List<FieldDefinition> fields = new ArrayList<>();
		fields.add(model.idField());
		for (Map.Entry<String, @Nullable Object> change : changes.entrySet()) {
			FieldDefinition field = model.field(change.getKey());
			if (change.getValue() instanceof Arithmetic && !dialect().nativeArithmetic(field)) {
				fields.add(field);
			}
		}
		return fields;
	}

	/** Whether some atomic change is one the database cannot compute itself (a decimal kept as text). */
	private boolean computed(ModelDefinition model, Map<String, @Nullable Object> changes) {
		return lockedFields(model, changes).size() > 1;
	}

	/** The changes with the atomic ones the database cannot compute applied to the locked row's values. */
	private Map<String, @Nullable Object> concrete(ModelDefinition model, Map<String, @Nullable Object> changes,
			Map<String, @Nullable Object> locked) {
		if (!computed(model, changes)) {
			return changes;
		}
		Map<String, @Nullable Object> concrete = new LinkedHashMap<>(changes);
		for (Map.Entry<String, @Nullable Object> change : changes.entrySet()) {
			FieldDefinition field = model.field(change.getKey());
			if (change.getValue() instanceof Arithmetic arithmetic && !dialect().nativeArithmetic(field)) {
				concrete.put(field.name(), arithmetic.applyTo(model, field, locked.get(field.name())));
			}
		}
		return concrete;
	}

	private Optional<Map<String, @Nullable Object>> readById(ModelDefinition model, Object id, boolean lock) {
		ReadQuery read = new ReadQuery(byId(model, id), List.of(), 1, 0, model.fields(), lock);
		return find(model, read).stream().findFirst();
	}

	/**
	 * The query without order and paging when its where pins a unique key: at most one row matches, so sorting and
	 * limiting it is work for nothing. A query that skips rows or takes none keeps them (it returns no row).
	 */
	private ReadQuery lean(ModelDefinition model, ReadQuery query) {
		Integer take = query.take();
		boolean trimmable = !query.orderBy().isEmpty() || take != null;
		if (!trimmable || query.skip() > 0 || (take != null && take < 1) || pinned(model, query.where()).isEmpty()) {
			return query;
		}
		return new ReadQuery(query.where(), List.of(), null, 0, query.fields(), query.lock());
	}

	/**
	 * The unique key a where pins, when at most one stored row can match it: a key with a decimal kept as text can
	 * hold {@code 12.5} and {@code 12.50}, which both equal {@code 12.5}.
	 */
	private Optional<PinnedKey> pinned(ModelDefinition model, Criteria where) {
		return PinnedKey.of(model, where).filter((pinned) -> pinned.key()
			.fields()
			.stream()
			.allMatch((field) -> dialect().storesEqualValuesEqually(model.field(field))));
	}

	/** Whether a change writes one of the fields of the pinned key. */
	private static boolean touchesKey(PinnedKey pinned, Map<String, @Nullable Object> changes) {
		return pinned.key().fields().stream().anyMatch(changes::containsKey);
	}

	private static Criteria byKey(ModelDefinition model, PinnedKey pinned) {
		return byKey(model, pinned.key().fields(), pinned.values());
	}

	/** Equality with the given values on every field of a key. */
	private static Criteria byKey(ModelDefinition model, List<String> fields, Map<String, ?> values) {
		List<Criteria> equalities = new ArrayList<>(fields.size());
		for (String field : fields) {
			equalities.add(new Criteria.Compare(model.field(field), Operator.EQ, values.get(field)));
		}
		return new Criteria.And(equalities);
	}

	private static Criteria byId(ModelDefinition model, @Nullable Object id) {
		return new Criteria.Compare(model.idField(), Operator.EQ, id);
	}

	private static List<Sort> idOrder(ModelDefinition model) {
		return List.of(new Sort(model.idField(), SortDirection.ASC));
	}

	/** A row as inserted, with every field present. */
	private static Map<String, @Nullable Object> complete(ModelDefinition model, Map<String, @Nullable Object> row) {
		Map<String, @Nullable Object> stored = new LinkedHashMap<>();
		for (FieldDefinition field : model.fields()) {
			stored.put(field.name(), row.get(field.name()));
		}
		return stored;
	}

	private StatementRenderer renderer() {
		return this.context.renderer();
	}

	private SqlDialect dialect() {
		return this.context.dialect();
	}

}
