package dev.farminglabs.orm.mongodb.internal;

import java.util.List;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Generated integer ids: one counter document per collection in {@code farming_orm_sequences}, advanced atomically
 * with {@code $inc} for generated ids and moved past explicit ids with {@code $max}, so a generated id never collides
 * with an explicit one written earlier.
 */
final class Sequences {

	private static final FindOneAndUpdateOptions NEXT = new FindOneAndUpdateOptions().upsert(true)
		.returnDocument(ReturnDocument.AFTER);

	private Sequences() {
	}

	/** Gives documents without an id the next ids, and moves the counter past explicit ids. */
	static void assignIds(MongoConnection connection, @Nullable ClientSession session, ModelDefinition model,
			List<Document> documents) {
		FieldDefinition id = model.idField();
		if (!id.isGeneratedByBackend()) {
			return;
		}
		MongoCollection<Document> sequences = connection.sequences(model);
		Document key = new Document("_id", model.table());
		int missing = 0;
		long highest = Long.MIN_VALUE;
		for (Document document : documents) {
			Object value = document.get("_id");
			if (value == null) {
				missing++;
			}
			else {
				highest = Math.max(highest, ((Number) value).longValue());
			}
		}
		if (highest != Long.MIN_VALUE) {
			Document update = new Document("$max", new Document("value", highest));
			UpdateOptions upsert = new UpdateOptions().upsert(true);
			if (session != null) {
				sequences.updateOne(session, key, update, upsert);
			}
			else {
				sequences.updateOne(key, update, upsert);
			}
		}
		if (missing == 0) {
			return;
		}
		Document increment = new Document("$inc", new Document("value", (long) missing));
		Document counter = (session != null) ? sequences.findOneAndUpdate(session, key, increment, NEXT)
				: sequences.findOneAndUpdate(key, increment, NEXT);
		long next = ((Number) counter.get("value")).longValue() - missing + 1;
		for (Document document : documents) {
			if (document.get("_id") == null) {
				// _id first, as MongoDB stores it.
				Document copy = new Document(document);
				document.clear();
				document.put("_id", next++);
				copy.forEach(document::putIfAbsent);
			}
		}
	}

}
