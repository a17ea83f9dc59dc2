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

	private Map<String, MemoryTable> tables = new HashMap<>();

	private Set<String> namespaces = new HashSet<>();

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

	/** Runs work exclusively; if it throws, every change it made is undone. */
	<R> R write(Supplier<R> work) {
		this.lock.writeLock().lock();
		try {
			Map<String, MemoryTable> tablesBefore = snapshot();
			Set<String> namespacesBefore = new HashSet<>(this.namespaces);
			try {
				return work.get();
			}
			catch (RuntimeException | Error ex) {
				this.tables = tablesBefore;
				this.namespaces = namespacesBefore;
				throw ex;
			}
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private Map<String, MemoryTable> snapshot() {
		Map<String, MemoryTable> copy = new HashMap<>();
		this.tables.forEach((name, table) -> copy.put(name, table.copy()));
		return copy;
	}

	@Nullable MemoryTable table(String qualifiedName) {
		return this.tables.get(qualifiedName);
	}

	void createTable(String qualifiedName, Collection<String> fields) {
		this.tables.putIfAbsent(qualifiedName, new MemoryTable(fields));
	}

	boolean hasNamespace(String namespace) {
		return this.namespaces.contains(namespace);
	}

	void createNamespace(String namespace) {
		this.namespaces.add(namespace);
	}

	@Override
	public String toString() {
		return "MemoryDatabase" + tableNames();
	}

}
