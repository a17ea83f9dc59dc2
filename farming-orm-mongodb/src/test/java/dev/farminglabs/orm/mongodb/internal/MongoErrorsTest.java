package dev.farminglabs.orm.mongodb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.tck.TckSchema;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/** How the driver's exceptions that a single server cannot provoke on demand are normalised. */
class MongoErrorsTest {

	private final MongoErrors errors = new MongoErrors("mongodb");

	private static MongoCommandException command(int code, String... labels) {
		BsonDocument response = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
			.append("errmsg", new BsonString("error " + code));
		if (labels.length > 0) {
			BsonArray array = new BsonArray();
			for (String label : labels) {
				array.add(new BsonString(label));
			}
			response.append("errorLabels", array);
		}
		return new MongoCommandException(response, new ServerAddress());
	}

	@Test
	void aWriteConflictIsARetryableTransactionConflict() {
		OrmException error = this.errors.translate(command(112), TckSchema.SCHEMA.model("user"));
		assertThat(error.code()).isEqualTo(OrmErrorCode.TRANSACTION_CONFLICT);
		assertThat(error.retryable()).isTrue();
		assertThat(error.originalCode()).isEqualTo("112");
		assertThat(error.model()).isEqualTo("user");
		assertThat(error.backendKind()).isEqualTo("mongodb");
		assertThat(error.getCause()).isInstanceOf(MongoCommandException.class);
	}

	@Test
	void aTransientTransactionErrorIsARetryableTransactionConflict() {
		OrmException error = this.errors.translate(command(9999, MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL),
				null);
		assertThat(error.code()).isEqualTo(OrmErrorCode.TRANSACTION_CONFLICT);
		assertThat(error.retryable()).isTrue();
	}

	@Test
	void aDuplicateKeyNamesTheUniqueKeyByItsIndex() {
		BsonDocument response = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(11000))
			.append("errmsg", new BsonString(
					"E11000 duplicate key error collection: app.cache_entries index: cache_entries_namespace_key_unique"
							+ " dup key: { namespace: \"n\", key: \"k\" }"));
		OrmException error = this.errors.translate(new MongoCommandException(response, new ServerAddress()),
				TckSchema.SCHEMA.model("cacheEntry"));
		assertThat(error.code()).isEqualTo(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION);
		assertThat(error.constraint()).isEqualTo("cache_entries_namespace_key_unique");
		assertThat(error.target()).containsExactly("namespace", "key");
		assertThat(error.originalCode()).isEqualTo("11000");
		assertThat(error.retryable()).isFalse();
	}

	@Test
	void timeoutsAndUnreachableServersAreNormalised() {
		assertThat(this.errors.translate(new MongoExecutionTimeoutException(50, "operation exceeded time limit"), null)
			.code()).isEqualTo(OrmErrorCode.TIMEOUT);
		assertThat(this.errors.translate(command(50), null).code()).isEqualTo(OrmErrorCode.TIMEOUT);
		OrmException unreachable = this.errors.translate(new MongoTimeoutException("no server"), null);
		assertThat(unreachable.code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
		assertThat(unreachable.retryable()).isTrue();
		assertThat(this.errors
			.translate(new MongoSocketOpenException("refused", new ServerAddress()), null)
			.code()).isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
	}

	@Test
	void anythingElseIsStillAnOrmException() {
		OrmException error = this.errors.translate(command(2), null);
		assertThat(error).isInstanceOf(OrmException.class);
		assertThat(error.originalCode()).isEqualTo("2");
		assertThat(this.errors.translate(new IllegalStateException("state should be: open"), null).code())
			.isEqualTo(OrmErrorCode.CONNECTION_FAILURE);
	}

}
