package dev.farminglabs.orm.mongodb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * One multi-document transaction on a client session. The work runs once: it is never re-run, because it may have
 * effects outside the database; only the commit is retried when its outcome is unknown, as the server allows. A
 * conflict surfaces as a retryable {@code TRANSACTION_CONFLICT} for the caller to decide.
 *
 * <p>MongoDB has no savepoints, so a nested transaction is a scope of the same transaction whose writes are undone
 * (inside the transaction, invisible to anyone else) when its work throws: while a nested scope is open every write
 * records the document as it was before.
 */
final class MongoTransaction {

	private static final int COMMIT_ATTEMPTS = 3;

	private final ClientSession session;

	private final MongoErrors errors;

	private final List<Undo> undo = new ArrayList<>();

	private int depth;

	MongoTransaction(ClientSession session, MongoErrors errors) {
		this.session = session;
		this.errors = errors;
	}

	ClientSession session() {
		return this.session;
	}

	/** Whether writes must record how to undo them: inside a nested scope. */
	boolean recording() {
		return this.depth > 0;
	}

	<R> R run(Supplier<R> work) {
		try {
			this.session.startTransaction();
		}
		catch (RuntimeException ex) {
			throw this.errors.translate(ex, null);
		}
		R result;
		try {
			result = work.get();
		}
		catch (RuntimeException | Error ex) {
			abortQuietly();
			throw ex;
		}
		commit();
		return result;
	}

	<R> R nested(Supplier<R> work) {
		int mark = this.undo.size();
		this.depth++;
		try {
			return work.get();
		}
		catch (RuntimeException | Error ex) {
			rollbackTo(mark);
			throw ex;
		}
		finally {
			this.depth--;
			if (this.depth == 0) {
				this.undo.clear();
			}
		}
	}

	void recordInsert(MongoCollection<Document> collection, @Nullable Object id) {
		this.undo.add(new Undo(collection, id, null));
	}

	void recordReplace(MongoCollection<Document> collection, Document before) {
		this.undo.add(new Undo(collection, before.get("_id"), before));
	}

	private void rollbackTo(int mark) {
		try {
			for (int i = this.undo.size() - 1; i >= mark; i--) {
				Undo entry = this.undo.remove(i);
				Document byId = new Document("_id", entry.id());
				if (entry.before() == null) {
					entry.collection().deleteOne(this.session, byId);
				}
				else {
					entry.collection().replaceOne(this.session, byId, entry.before(), new ReplaceOptions().upsert(true));
				}
			}
		}
		catch (RuntimeException ex) {
			throw this.errors.translate(ex, null);
		}
	}

	private void commit() {
		for (int attempt = 1;; attempt++) {
			try {
				this.session.commitTransaction();
				return;
			}
			catch (MongoException ex) {
				if (attempt < COMMIT_ATTEMPTS
						&& ex.hasErrorLabel(MongoException.UNKNOWN_TRANSACTION_COMMIT_RESULT_LABEL)) {
					continue;
				}
				throw this.errors.translate(ex, null);
			}
		}
	}

	private void abortQuietly() {
		try {
			if (this.session.hasActiveTransaction()) {
				this.session.abortTransaction();
			}
		}
		catch (RuntimeException ex) {
			// The work's own exception is what the caller needs; the server aborts the transaction on its own.
		}
	}

	private record Undo(MongoCollection<Document> collection, @Nullable Object id, @Nullable Document before) {
	}

}
