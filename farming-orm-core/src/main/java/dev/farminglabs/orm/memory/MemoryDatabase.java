package dev.farminglabs.orm.memory;

import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.capability.ReturningMode;
import org.jspecify.annotations.Nullable;

/**
 * An in-process database: the raw client of the memory runtime, for framework authors' unit tests and as the
 * reference every backend is measured against. It enforces unique keys and references, rolls transactions back for
 * real, and is thread-safe (writes and transactions are serialised). Tables exist only once the schema is pushed,
 * as on a real database: {@code SchemaSetup.bootstrapDatabase(schema, new MemoryDatabase())}.
 */
public final class MemoryDatabase {

	/**
	 * What the memory runtime can do: everything, with nanosecond datetimes, relations loaded by the client.
	 * Transactions are serialised (each holds the database's write lock), so they run at {@code SERIALIZABLE} whatever
	 * level is asked for, and a locking read in one holds its rows to the end.
	 */
	public static final Capabilities CAPABILITIES = Capabilities.builder()
		.supportsJoin(false)
		.nativeRelationLoading(false)
		.nativeRelations(NativeRelations.none())
		.returning(Returning.all())
		.returningMode(ReturningMode.NATIVE)
		.datetimePrecision(ChronoUnit.NANOS)
		.maxBatchSize(10_000)
		.supportsLockingReads(true)
		.supportsAtomicUpdates(true)
		.supportsIsolationLevels(true)
		.build();

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final Capabilities capabilities;

	private final MemoryJournal journal = new MemoryJournal();

	private final Map<String, MemoryTable> tables = new HashMap<>();

	private final Set<String> namespaces = new HashSet<>();

	/** An empty database with the full {@link #CAPABILITIES}. */
	public MemoryDatabase() {
		this(CAPABILITIES);
	}

	/**
	 * An empty database that declares other capabilities, for testing how framework code behaves on a backend that
	 * lacks a feature (the client then refuses that feature with {@code UNSUPPORTED_OPERATION}).
	 */
	public MemoryDatabase(Capabilities capabilities) {
		this.capabilities = capabilities;
	}

	/** The capabilities this database declares. */
	public Capabilities capabilities() {
		return this.capabilities;
	}

	/** The tables created so far, qualified by namespace, sorted. */
	public Set<String> tableNames() {
		return read(() -> new TreeSet<>(this.tables.keySet()));
	}

	<R> R read(Supplier<R> work) {
		this.lock.readLock().lock();
		try {
			return work.get();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** Runs work exclusively; if it throws, every change it made is undone (and only that: nothing is copied). */
	<R> R write(Supplier<R> work) {
		this.lock.writeLock().lock();
		try {
			int mark = this.journal.begin();
			R result;
			try {
				result = work.get();
			}
			catch (RuntimeException | Error ex) {
				this.journal.rollback(mark);
				throw ex;
			}
			this.journal.commit();
			return result;
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	@Nullable MemoryTable table(String qualifiedName) {
		return this.tables.get(qualifiedName);
	}

	void createTable(String qualifiedName, Collection<String> fields) {
		if (!this.tables.containsKey(qualifiedName)) {
			this.tables.put(qualifiedName, new MemoryTable(fields, this.journal));
			this.journal.record(() -> this.tables.remove(qualifiedName));
		}
	}

	boolean hasNamespace(String namespace) {
		return this.namespaces.contains(namespace);
	}

	void createNamespace(String namespace) {
		if (this.namespaces.add(namespace)) {
			this.journal.record(() -> this.namespaces.remove(namespace));
		}
	}

	@Override
	public String toString() {
		return "MemoryDatabase" + tableNames();
	}

}
