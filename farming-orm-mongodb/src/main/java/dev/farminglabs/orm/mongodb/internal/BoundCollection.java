package dev.farminglabs.orm.mongodb.internal;

import java.util.List;

import com.mongodb.client.ClientSession;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/** A model's collection with the client session of the transaction, if any, passed to every call. */
record BoundCollection(MongoCollection<Document> collection, @Nullable ClientSession session) {

	FindIterable<Document> find(Bson filter) {
		return (this.session != null) ? this.collection.find(this.session, filter) : this.collection.find(filter);
	}

	long count(Bson filter) {
		return (this.session != null) ? this.collection.countDocuments(this.session, filter)
				: this.collection.countDocuments(filter);
	}

	void insertOne(Document document) {
		if (this.session != null) {
			this.collection.insertOne(this.session, document);
		}
		else {
			this.collection.insertOne(document);
		}
	}

	void insertMany(List<Document> documents, InsertManyOptions options) {
		if (this.session != null) {
			this.collection.insertMany(this.session, documents, options);
		}
		else {
			this.collection.insertMany(documents, options);
		}
	}

	@Nullable Document findOneAndUpdate(Bson filter, Bson update, FindOneAndUpdateOptions options) {
		return (this.session != null) ? this.collection.findOneAndUpdate(this.session, filter, update, options)
				: this.collection.findOneAndUpdate(filter, update, options);
	}

	@Nullable Document findOneAndDelete(Bson filter, FindOneAndDeleteOptions options) {
		return (this.session != null) ? this.collection.findOneAndDelete(this.session, filter, options)
				: this.collection.findOneAndDelete(filter, options);
	}

	long updateMany(Bson filter, Bson update) {
		return ((this.session != null) ? this.collection.updateMany(this.session, filter, update)
				: this.collection.updateMany(filter, update)).getMatchedCount();
	}

	long deleteMany(Bson filter) {
		return ((this.session != null) ? this.collection.deleteMany(this.session, filter)
				: this.collection.deleteMany(filter)).getDeletedCount();
	}

}
