package dev.farminglabs.orm.mongodb.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.Criteria;
import dev.farminglabs.orm.spi.Driver;
import dev.farminglabs.orm.spi.ReadQuery;
import dev.farminglabs.orm.spi.SchemaManager;
import org.bson.BSONException;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The MongoDB driver: one collection per model, every filter, sort and page evaluated by the server, writes that act
 * on the first match in id order through {@code findOneAndUpdate}/{@code findOneAndDelete} sorted by {@code _id},
 * and transactions through a client session. A driver bound to a session is confined to its transaction.
 */
public final class MongoDriver implements Driver {

	/** Rows fetched per round trip by {@link #stream}. */
	static final int STREAM_BATCH_SIZE = 500;

	private static final Document ID_ORDER = new Document("_id", 1);

	private static final int UPSERT_ATTEMPTS = 8;

	private final MongoConnection connection;

	private final @Nullable MongoTransaction transaction;

	private final MongoSchemaManager schemaManager;

	public MongoDriver(MongoConnection connection, DriverHandle handle) {
		this(connection, null, new MongoSchemaManager(connection));
		connection.init(handle);
	}

	private MongoDriver(MongoConnection connection, @Nullable MongoTransaction transaction,
			MongoSchemaManager schemaManager) {
		this.connection = connection;
		this.transaction = transaction;
		this.schemaManager = schemaManager;
	}

	@Override
	public DriverHandle handle() {
		return this.connection.handle();
	}

	@Override
	public List<Map<String, @Nullable Object>> find(ModelDefinition model, ReadQuery query) {
		return call(model, () -> {
			List<Map<String, @Nullable Object>> rows = new ArrayList<>();
			if (query.take() != null && query.take() == 0) {
				return rows;
			}
			for (Document document : findIterable(model, query)) {
				rows.add(DocumentRows.toRow(model, document));
			}
			return rows;
		});
	}

	@Override
	public Stream<Map<String, @Nullable Object>> stream(ModelDefinition model, ReadQuery query) {
		if (query.take() != null && query.take() == 0) {
			return Stream.empty();
		}
		MongoCursor<Document> cursor = call(model,
				() -> findIterable(model, query).batchSize(STREAM_BATCH_SIZE).cursor());
		Iterator<Map<String, @Nullable Object>> rows = new Iterator<>() {

			@Override
			public boolean hasNext() {
				return call(model, cursor::hasNext);
			}

			@Override
			public Map<String, @Nullable Object> next() {
				return DocumentRows.toRow(model, call(model, cursor::next));
			}

		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
			.onClose(cursor::close);
	}

	private FindIterable<Document> findIterable(ModelDefinition model, ReadQuery query) {
		FindIterable<Document> iterable = collection(model).find(MongoFilters.render(model.name(), query.where()));
		iterable.sort(DocumentRows.sort(query.orderBy()));
		if (query.skip() > 0) {
			iterable.skip(query.skip());
		}
		if (query.take() != null) {
			iterable.limit(query.take());
		}
		return iterable;
	}

	@Override
	public long count(ModelDefinition model, Criteria where) {
		return call(model, () -> collection(model).count(MongoFilters.render(model.name(), where)));
	}

	@Override
	public Map<String, @Nullable Object> insert(ModelDefinition model, Map<String, @Nullable Object> row) {
		return call(model, () -> {
			Document document = DocumentRows.toDocument(model, row);
			Sequences.assignIds(this.connection, session(), model, List.of(document));
			BoundCollection collection = collection(model);
			collection.insertOne(document);
			undoInsert(collection, document);
			return DocumentRows.toRow(model, document);
		});
	}

	@Override
	public List<Map<String, @Nullable Object>> insertAll(ModelDefinition model,
			List<Map<String, @Nullable Object>> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		return call(model, () -> {
			List<Document> documents = new ArrayList<>(rows.size());
			rows.forEach((row) -> documents.add(DocumentRows.toDocument(model, row)));
			Sequences.assignIds(this.connection, session(), model, documents);
			BoundCollection collection = collection(model);
			try {
				collection.insertMany(documents, new InsertManyOptions().ordered(true));
			}
			catch (MongoBulkWriteException ex) {
				int written = ex.getWriteResult().getInsertedCount();
				for (int i = 0; i < written; i++) {
					undoInsert(collection, documents.get(i));
				}
				if (session() == null && written > 0) {
					// No transaction to roll back: delete what this call wrote, so a failed createMany leaves no row
					// and no unique value behind, as in a transaction (without its isolation).
					List<Object> ids = new ArrayList<>(written);
					for (int i = 0; i < written; i++) {
						ids.add(documents.get(i).get("_id"));
					}
					collection.deleteMany(new Document("_id", new Document("$in", ids)));
				}
				OrmException error = this.connection.errors().translate(ex, model);
				throw OrmException.builder(error.code(), error.getMessage() + " (row " + (written + 1) + " of "
						+ rows.size() + "; " + ((session() != null) ? "the transaction writes none of them"
								: "the " + written + " rows before it were deleted again"))
					.cause(ex)
					.backend(MongoNames.KIND, handle().dialect())
					.model(error.model())
					.constraint(error.constraint())
					.target(error.target())
					.originalCode(error.originalCode())
					.build();
			}
			documents.forEach((document) -> undoInsert(collection, document));
			List<Map<String, @Nullable Object>> stored = new ArrayList<>(documents.size());
			documents.forEach((document) -> stored.add(DocumentRows.toRow(model, document)));
			return stored;
		});
	}

	@Override
	public Optional<Map<String, @Nullable Object>> updateFirst(ModelDefinition model, Criteria where,
			Map<String, @Nullable Object> changes) {
		return call(model, () -> {
			Document filter = MongoFilters.render(model.name(), where);
			if (changes.isEmpty()) {
				return Optional.ofNullable(first(model, filter)).map((document) -> DocumentRows.toRow(model, document));
			}
			Document updated = updateOne(model, filter, changes, true);
			return Optional.ofNullable(updated).map((document) -> DocumentRows.toRow(model, document));
		});
	}

	/** Updates the first match in id order; returns it after (or before) the change, or null. */
	private @Nullable Document updateOne(ModelDefinition model, Document filter, Map<String, @Nullable Object> changes,
			boolean after) {
		BoundCollection collection = collection(model);
		boolean recordUndo = recording();
		FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().sort(ID_ORDER)
			.returnDocument(ReturnDocument.BEFORE);
		Document update = DocumentRows.update(model, changes);
		Document result = collection.findOneAndUpdate(filter, update, options);
		if (result == null) {
			return null;
		}
		if (recordUndo) {
			this.transaction.recordReplace(collection.collection(), result);
		}
		return after ? DocumentRows.applied(result, filter, update) : result;
	}

	@Override
	public long updateAll(ModelDefinition model, Criteria where, Map<String, @Nullable Object> changes) {
		return call(model, () -> {
			Document filter = MongoFilters.render(model.name(), where);
			BoundCollection collection = collection(model);
			if (changes.isEmpty()) {
				return collection.count(filter);
			}
			recordReplaceAll(collection, filter);
			return collection.updateMany(filter, DocumentRows.update(model, changes));
		});
	}

	@Override
	public Map<String, @Nullable Object> upsert(ModelDefinition model, UniqueConstraint key,
			Map<String, @Nullable Object> create, Map<String, @Nullable Object> changes) {
		return call(model, () -> {
			Document filter = new Document();
			for (String name : key.fields()) {
				var field = model.field(name);
				filter.put(MongoNames.field(field), BsonValues.encode(model.name(), field, create.get(name)));
			}
			String index = key.primaryKey() ? "_id_" : key.name();
			// One findOneAndUpdate(upsert) where possible; not while a nested transaction records before-images.
			Document upsert = (recording() || model.idField().isGeneratedByBackend()) ? null
					: DocumentRows.upsert(model, key, create, changes);
			RuntimeException last = null;
			for (int attempt = 0; attempt < UPSERT_ATTEMPTS; attempt++) {
				if (upsert != null) {
					try {
						Document before = collection(model).findOneAndUpdate(filter, upsert,
								new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
						return DocumentRows.toRow(model, DocumentRows.applied(before, filter, upsert));
					}
					catch (MongoException ex) {
						if (this.transaction != null || !MongoErrors.isDuplicateKeyOn(ex, index)) {
							throw ex;
						}
						// Two upserts inserted the key at once and this one lost: it updates the winner's row now.
						last = ex;
						continue;
					}
				}
				Document existing = changes.isEmpty() ? first(model, filter) : updateOne(model, filter, changes, true);
				if (existing != null) {
					return DocumentRows.toRow(model, existing);
				}
				try {
					return insert(model, create);
				}
				catch (OrmException ex) {
					if (ex.code() != OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION || this.transaction != null
							|| !(ex.getCause() instanceof RuntimeException cause)
							|| !MongoErrors.isDuplicateKeyOn(cause, index)) {
						throw ex;
					}
					// A concurrent upsert inserted the key first: update that row instead.
					last = ex;
				}
			}
			throw last;
		});
	}

	@Override
	public Optional<Map<String, @Nullable Object>> deleteFirst(ModelDefinition model, Criteria where) {
		return call(model, () -> {
			BoundCollection collection = collection(model);
			Document deleted = collection.findOneAndDelete(MongoFilters.render(model.name(), where),
					new FindOneAndDeleteOptions().sort(ID_ORDER));
			if (deleted != null && recording()) {
				this.transaction.recordReplace(collection.collection(), deleted);
			}
			return Optional.ofNullable(deleted).map((document) -> DocumentRows.toRow(model, document));
		});
	}

	@Override
	public long deleteAll(ModelDefinition model, Criteria where) {
		return call(model, () -> {
			BoundCollection collection = collection(model);
			Document filter = MongoFilters.render(model.name(), where);
			recordReplaceAll(collection, filter);
			return collection.deleteMany(filter);
		});
	}

	@Override
	public <R> R transaction(Function<Driver, R> work) {
		if (!handle().capabilities().supportsTransactions()) {
			throw OrmException.unsupported(null,
					"This MongoDB server has no transactions (capabilities: supportsTransactions=false)");
		}
		if (this.transaction != null) {
			return this.transaction.nested(() -> work.apply(this));
		}
		ClientSession session;
		try {
			session = this.connection.startSession();
		}
		catch (RuntimeException ex) {
			throw this.connection.errors().translate(ex, null);
		}
		try (session) {
			MongoTransaction transaction = new MongoTransaction(session, this.connection.errors());
			return transaction.run(() -> work.apply(new MongoDriver(this.connection, transaction, this.schemaManager)));
		}
	}

	@Override
	public SchemaManager schemaManager() {
		return this.schemaManager;
	}

	private @Nullable ClientSession session() {
		return (this.transaction != null) ? this.transaction.session() : null;
	}

	private @Nullable Document first(ModelDefinition model, Document filter) {
		return collection(model).find(filter).sort(ID_ORDER).limit(1).first();
	}

	/** Whether writes must record how to undo them: inside a nested transaction. */
	private boolean recording() {
		return this.transaction != null && this.transaction.recording();
	}

	private void undoInsert(BoundCollection collection, Document document) {
		if (recording()) {
			this.transaction.recordInsert(collection.collection(), document.get("_id"));
		}
	}

	private void recordReplaceAll(BoundCollection collection, Document filter) {
		if (recording()) {
			for (Document before : collection.find(filter)) {
				this.transaction.recordReplace(collection.collection(), before);
			}
		}
	}

	/** The model's collection, bound to the transaction's session, after checking (once) that it exists. */
	private BoundCollection collection(ModelDefinition model) {
		if (!this.connection.knownToExist(model)) {
			if (!MongoSchemaManager.exists(this.connection.databaseOf(model), model)) {
				throw this.connection.errors().missingCollection(model);
			}
			this.connection.rememberExists(model);
		}
		return new BoundCollection(this.connection.collection(model), session());
	}

	private <T> T call(ModelDefinition model, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (OrmException ex) {
			throw ex;
		}
		catch (MongoException | IllegalStateException ex) {
			throw this.connection.errors().translate(ex, model);
		}
		catch (BSONException ex) {
			// A document the server cannot hold, such as one over 16 MB.
			throw OrmException.builder(OrmErrorCode.VALIDATION_ERROR,
					"Model '" + model.name() + "': MongoDB cannot store this document: " + ex.getMessage())
				.cause(ex)
				.backend(MongoNames.KIND, handle().dialect())
				.model(model.name())
				.build();
		}
	}

}
