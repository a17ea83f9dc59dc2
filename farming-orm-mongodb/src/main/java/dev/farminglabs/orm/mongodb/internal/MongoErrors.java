package dev.farminglabs.orm.mongodb.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * MongoDB's exceptions as {@link OrmException}s: duplicate keys (11000, 11001) name the unique key by its index,
 * write conflicts and transient transaction errors are retryable conflicts, timeouts and unreachable servers are
 * normalised. No driver exception leaves the driver unwrapped.
 */
public final class MongoErrors {

	/** The index named in a duplicate-key message: {@code ... index: tck_users_email_unique dup key: ...}. */
	private static final Pattern INDEX_NAME = Pattern.compile("index: ([^\\s]+)");

	private static final List<Integer> DUPLICATE_KEY = List.of(11000, 11001, 12582);

	private static final List<Integer> CONFLICT = List.of(112, 251, 244, 246);

	private static final List<Integer> TIMEOUT = List.of(50, 262, 202);

	private static final List<Integer> MISSING = List.of(26);

	private final String dialect;

	MongoErrors(String dialect) {
		this.dialect = dialect;
	}

	/** The normalised error for a failure of an operation on a model (or on no model). */
	OrmException translate(RuntimeException ex, @Nullable ModelDefinition model) {
		if (ex instanceof OrmException orm) {
			return orm;
		}
		String modelName = (model != null) ? model.name() : null;
		if (!(ex instanceof MongoException mongo)) {
			return build(OrmErrorCode.CONNECTION_FAILURE, "MongoDB call failed: " + ex.getMessage(), ex, modelName,
					null);
		}
		int code = errorCode(mongo);
		String original = (code != 0) ? Integer.toString(code) : null;
		if (DUPLICATE_KEY.contains(code)) {
			return duplicateKey(mongo, model, original);
		}
		if (CONFLICT.contains(code) || mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)) {
			return build(OrmErrorCode.TRANSACTION_CONFLICT,
					"A concurrent transaction conflicted with this one; retry the transaction: " + mongo.getMessage(),
					mongo, modelName, original);
		}
		if (mongo instanceof MongoExecutionTimeoutException || mongo instanceof MongoSocketReadTimeoutException
				|| mongo instanceof MongoOperationTimeoutException || TIMEOUT.contains(code)) {
			return build(OrmErrorCode.TIMEOUT, "MongoDB did not answer in time: " + mongo.getMessage(), mongo,
					modelName, original);
		}
		if (mongo instanceof MongoTimeoutException || mongo instanceof MongoSocketException
				|| mongo instanceof MongoInterruptedException || mongo instanceof MongoSecurityException) {
			return build(OrmErrorCode.CONNECTION_FAILURE, "MongoDB could not be reached: " + mongo.getMessage(), mongo,
					modelName, original);
		}
		if (MISSING.contains(code) && model != null) {
			return missingCollection(model);
		}
		if (mongo instanceof MongoServerException || mongo instanceof MongoCommandException) {
			return build(OrmErrorCode.UNSUPPORTED_OPERATION,
					"MongoDB refused the operation (code " + code + "): " + mongo.getMessage(), mongo, modelName,
					original);
		}
		return build(OrmErrorCode.CONNECTION_FAILURE, "MongoDB call failed: " + mongo.getMessage(), mongo, modelName,
				original);
	}

	/** The error for a model whose collection does not exist. */
	OrmException missingCollection(ModelDefinition model) {
		return OrmException
			.builder(OrmErrorCode.MISSING_TABLE,
					"Model '" + model.name() + "': collection '" + model.qualifiedTable()
							+ "' does not exist; push the schema first (SchemaSetup.pushSchema)")
			.backend(MongoNames.KIND, this.dialect)
			.model(model.name())
			.constraint(model.qualifiedTable())
			.build();
	}

	/** Whether the failure is a duplicate key on this index. */
	static boolean isDuplicateKeyOn(RuntimeException ex, String indexName) {
		if (!(ex instanceof MongoException mongo) || !DUPLICATE_KEY.contains(errorCode(mongo))) {
			return false;
		}
		String index = indexName(mongo);
		return indexName.equals(index);
	}

	/** Whether the failure is a duplicate key of any index. */
	static boolean isDuplicateKey(RuntimeException ex) {
		return ex instanceof MongoException mongo && DUPLICATE_KEY.contains(errorCode(mongo));
	}

	private OrmException duplicateKey(MongoException mongo, @Nullable ModelDefinition model,
			@Nullable String original) {
		String index = indexName(mongo);
		UniqueConstraint key = null;
		if (model != null) {
			for (UniqueConstraint candidate : model.uniqueConstraints()) {
				if (candidate.name().equals(index) || (candidate.primaryKey() && "_id_".equals(index))) {
					key = candidate;
				}
			}
		}
		String modelName = (model != null) ? model.name() : null;
		String message = (key != null)
				? "Model '" + modelName + "': a row with the same " + String.join(", ", key.fields())
						+ " already exists (unique key " + key.name() + ")"
				: "A row with the same unique key already exists: " + mongo.getMessage();
		return OrmException.builder(OrmErrorCode.UNIQUE_CONSTRAINT_VIOLATION, message)
			.cause(mongo)
			.backend(MongoNames.KIND, this.dialect)
			.model(modelName)
			.constraint((key != null) ? key.name() : index)
			.target((key != null) ? key.fields() : List.of())
			.originalCode(original)
			.build();
	}

	private OrmException build(OrmErrorCode code, String message, @Nullable Throwable cause,
			@Nullable String model, @Nullable String original) {
		return OrmException.builder(code, message)
			.cause(cause)
			.backend(MongoNames.KIND, this.dialect)
			.model(model)
			.originalCode(original)
			.build();
	}

	static int errorCode(MongoException mongo) {
		if (mongo instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
			return bulk.getWriteErrors().get(0).getCode();
		}
		if (mongo instanceof MongoWriteException write) {
			return write.getError().getCode();
		}
		return mongo.getCode();
	}

	private static @Nullable String indexName(MongoException mongo) {
		String message = mongo.getMessage();
		if (mongo instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
			BulkWriteError error = bulk.getWriteErrors().get(0);
			message = error.getMessage();
		}
		else if (mongo instanceof MongoWriteException write) {
			message = write.getError().getMessage();
		}
		if (message == null) {
			return null;
		}
		Matcher matcher = INDEX_NAME.matcher(message);
		return matcher.find() ? matcher.group(1) : null;
	}

}
