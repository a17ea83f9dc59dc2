package dev.farminglabs.orm.capability;

import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a backend can do, declared by its driver for the server it is connected to. Framework code reads these
 * instead of guessing from the backend's name; the client refuses what a backend cannot do with
 * {@code UNSUPPORTED_OPERATION} before touching it.
 *
 * @param supportsNumericIds whether integer ids can be stored at all
 * @param numericIds whether integer ids are manual only or can be generated
 * @param supportsJson whether JSON is stored as a native JSON/document type (otherwise as text)
 * @param supportsDates whether datetimes are stored as a native date type
 * @param supportsBooleans whether booleans are stored as a native boolean type
 * @param supportsTransactions whether {@code transaction(...)} gives atomicity and rollback
 * @param supportsSchemaNamespaces whether tables can live in a schema namespace
 * @param supportsTransactionalDdl whether DDL can be rolled back inside a transaction
 * @param supportsJoin whether the backend can join models in one query
 * @param nativeRelationLoading whether relation selects are loaded by the backend rather than follow-up queries
 * @param textComparison how string equality and ordering compare case
 * @param textMatching whether {@code contains/startsWith/endsWith} are available and how they compare case
 * @param upsert how {@code upsert} is performed
 * @param returning which writes return rows in the same round trip
 * @param returningMode how rows written are given back
 * @param nativeRelations which relation kinds are loaded natively
 * @param datetimePrecision the finest unit of time the backend keeps; values are truncated to it on write
 * @param maxBatchSize the most rows the driver writes in one round trip for {@code createMany}
 * @param supportsForeignKeys whether {@code .references(...)} is enforced, failing writes with
 * {@code FOREIGN_KEY_VIOLATION}; where {@code false} such writes succeed unchecked
 * @param supportsLockingReads whether a read with {@code forUpdate()} locks the rows it returns until the enclosing
 * transaction ends, so a read-modify-write in a transaction cannot lose a concurrent write
 * @param supportsAtomicUpdates whether {@code Update.increment/decrement/multiply} in update data are applied by the
 * backend to the stored value, atomically
 * @param supportsIsolationLevels whether a transaction can ask for an isolation level
 * ({@code TransactionOptions.isolation}), honoured at that level or a stronger one
 * @param maxAtomicWrites the most rows one write call ({@code createMany}, a transaction) can change all or nothing:
 * {@link #UNBOUNDED} on SQL, 100 in one DynamoDB transaction, 1 on a backend without multi-row atomicity;
 * {@code createMany} beyond it fails with {@code UNSUPPORTED_OPERATION} unless the caller asks for chunks
 * @param readBatchSize the most keys the driver reads in one round trip (an {@code IN} list, {@code MGET},
 * {@code BatchGetItem}), for relation loading; separate from {@code maxBatchSize}, which is about writes
 * @param nativeExpiry whether the backend removes rows past their expiry field by itself (Redis {@code PEXPIREAT},
 * DynamoDB TTL, a MongoDB TTL index); where {@code false} they stay until {@code SchemaSetup.purgeExpired}. Either
 * way no read returns them
 */
public record Capabilities(boolean supportsNumericIds, NumericIds numericIds, boolean supportsJson,
		boolean supportsDates, boolean supportsBooleans, boolean supportsTransactions,
		boolean supportsSchemaNamespaces, boolean supportsTransactionalDdl, boolean supportsJoin,
		boolean nativeRelationLoading, TextComparison textComparison, TextMatching textMatching,
		UpsertSupport upsert, Returning returning, ReturningMode returningMode, NativeRelations nativeRelations,
		ChronoUnit datetimePrecision, int maxBatchSize, boolean supportsForeignKeys, boolean supportsLockingReads,
		boolean supportsAtomicUpdates, boolean supportsIsolationLevels, int maxAtomicWrites, int readBatchSize,
		boolean nativeExpiry) {

	/** The {@code maxAtomicWrites} of a backend whose transactions hold any number of rows. */
	public static final int UNBOUNDED = Integer.MAX_VALUE;

	public Capabilities {
		Objects.requireNonNull(numericIds, "numericIds");
		Objects.requireNonNull(textComparison, "textComparison");
		Objects.requireNonNull(textMatching, "textMatching");
		Objects.requireNonNull(upsert, "upsert");
		Objects.requireNonNull(returning, "returning");
		Objects.requireNonNull(returningMode, "returningMode");
		Objects.requireNonNull(nativeRelations, "nativeRelations");
		Objects.requireNonNull(datetimePrecision, "datetimePrecision");
		if (supportsNumericIds != (numericIds != NumericIds.NONE)) {
			throw new IllegalArgumentException("supportsNumericIds must agree with numericIds=" + numericIds);
		}
		if (maxBatchSize < 1) {
			throw new IllegalArgumentException("maxBatchSize must be at least 1");
		}
		if (maxAtomicWrites < 1) {
			throw new IllegalArgumentException("maxAtomicWrites must be at least 1");
		}
		if (readBatchSize < 1) {
			throw new IllegalArgumentException("readBatchSize must be at least 1");
		}
	}

	/**
	 * Starts from everything supported, except the features added after the first drivers (locking reads, atomic
	 * updates, isolation levels), which a driver turns on when it implements them; drivers switch off what their
	 * backend lacks.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder preset with these values, for deriving a variant. */
	public Builder toBuilder() {
		return new Builder().numericIds(this.numericIds)
			.supportsJson(this.supportsJson)
			.supportsDates(this.supportsDates)
			.supportsBooleans(this.supportsBooleans)
			.supportsTransactions(this.supportsTransactions)
			.supportsSchemaNamespaces(this.supportsSchemaNamespaces)
			.supportsTransactionalDdl(this.supportsTransactionalDdl)
			.supportsJoin(this.supportsJoin)
			.nativeRelationLoading(this.nativeRelationLoading)
			.textComparison(this.textComparison)
			.textMatching(this.textMatching)
			.upsert(this.upsert)
			.returning(this.returning)
			.returningMode(this.returningMode)
			.nativeRelations(this.nativeRelations)
			.datetimePrecision(this.datetimePrecision)
			.maxBatchSize(this.maxBatchSize)
			.supportsForeignKeys(this.supportsForeignKeys)
			.supportsLockingReads(this.supportsLockingReads)
			.supportsAtomicUpdates(this.supportsAtomicUpdates)
			.supportsIsolationLevels(this.supportsIsolationLevels)
			.maxAtomicWrites(this.maxAtomicWrites)
			.readBatchSize(this.readBatchSize)
			.nativeExpiry(this.nativeExpiry);
	}

	/**
	 * Builds {@link Capabilities}; starts with every feature on but locking reads, atomic updates and isolation
	 * levels, so a driver written before them does not claim what it does not implement.
	 */
	public static final class Builder {

		private NumericIds numericIds = NumericIds.GENERATED;

		private boolean supportsJson = true;

		private boolean supportsDates = true;

		private boolean supportsBooleans = true;

		private boolean supportsTransactions = true;

		private boolean supportsSchemaNamespaces = true;

		private boolean supportsTransactionalDdl = true;

		private boolean supportsJoin = true;

		private boolean nativeRelationLoading = true;

		private TextComparison textComparison = TextComparison.CASE_SENSITIVE;

		private TextMatching textMatching = TextMatching.CASE_SENSITIVE;

		private UpsertSupport upsert = UpsertSupport.NATIVE;

		private Returning returning = Returning.all();

		private ReturningMode returningMode = ReturningMode.NATIVE;

		private NativeRelations nativeRelations = NativeRelations.all();

		private ChronoUnit datetimePrecision = ChronoUnit.MICROS;

		private int maxBatchSize = 1000;

		private boolean supportsForeignKeys = true;

		private boolean supportsLockingReads;

		private boolean supportsAtomicUpdates;

		private boolean supportsIsolationLevels;

		private int maxAtomicWrites = UNBOUNDED;

		private int readBatchSize = 500;

		private boolean nativeExpiry;

		private Builder() {
		}

		public Builder numericIds(NumericIds numericIds) {
			this.numericIds = numericIds;
			return this;
		}

		public Builder supportsJson(boolean value) {
			this.supportsJson = value;
			return this;
		}

		public Builder supportsDates(boolean value) {
			this.supportsDates = value;
			return this;
		}

		public Builder supportsBooleans(boolean value) {
			this.supportsBooleans = value;
			return this;
		}

		public Builder supportsTransactions(boolean value) {
			this.supportsTransactions = value;
			return this;
		}

		public Builder supportsSchemaNamespaces(boolean value) {
			this.supportsSchemaNamespaces = value;
			return this;
		}

		public Builder supportsTransactionalDdl(boolean value) {
			this.supportsTransactionalDdl = value;
			return this;
		}

		public Builder supportsJoin(boolean value) {
			this.supportsJoin = value;
			return this;
		}

		public Builder nativeRelationLoading(boolean value) {
			this.nativeRelationLoading = value;
			return this;
		}

		public Builder textComparison(TextComparison value) {
			this.textComparison = value;
			return this;
		}

		public Builder textMatching(TextMatching value) {
			this.textMatching = value;
			return this;
		}

		public Builder upsert(UpsertSupport value) {
			this.upsert = value;
			return this;
		}

		public Builder returning(Returning value) {
			this.returning = value;
			return this;
		}

		public Builder returningMode(ReturningMode value) {
			this.returningMode = value;
			return this;
		}

		public Builder nativeRelations(NativeRelations value) {
			this.nativeRelations = value;
			return this;
		}

		public Builder datetimePrecision(ChronoUnit value) {
			this.datetimePrecision = value;
			return this;
		}

		public Builder maxBatchSize(int value) {
			this.maxBatchSize = value;
			return this;
		}

		public Builder supportsForeignKeys(boolean value) {
			this.supportsForeignKeys = value;
			return this;
		}

		public Builder supportsLockingReads(boolean value) {
			this.supportsLockingReads = value;
			return this;
		}

		public Builder supportsAtomicUpdates(boolean value) {
			this.supportsAtomicUpdates = value;
			return this;
		}

		public Builder supportsIsolationLevels(boolean value) {
			this.supportsIsolationLevels = value;
			return this;
		}

		public Builder maxAtomicWrites(int value) {
			this.maxAtomicWrites = value;
			return this;
		}

		public Builder readBatchSize(int value) {
			this.readBatchSize = value;
			return this;
		}

		public Builder nativeExpiry(boolean value) {
			this.nativeExpiry = value;
			return this;
		}

		public Capabilities build() {
			return new Capabilities(this.numericIds != NumericIds.NONE, this.numericIds, this.supportsJson,
					this.supportsDates, this.supportsBooleans, this.supportsTransactions,
					this.supportsSchemaNamespaces, this.supportsTransactionalDdl, this.supportsJoin,
					this.nativeRelationLoading, this.textComparison, this.textMatching, this.upsert, this.returning,
					this.returningMode, this.nativeRelations, this.datetimePrecision, this.maxBatchSize,
					this.supportsForeignKeys, this.supportsLockingReads, this.supportsAtomicUpdates,
					this.supportsIsolationLevels, this.maxAtomicWrites, this.readBatchSize, this.nativeExpiry);
		}

	}

}
