package dev.farminglabs.orm.memory;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.farminglabs.orm.spi.ValueOrder;
import org.jspecify.annotations.Nullable;

/** One table: rows by id in id order, the id sequence, and the names of the indexes created. Guarded by the database. */
final class MemoryTable {

	private final TreeMap<Object, Map<String, @Nullable Object>> rows;

	private final Set<String> indexes;

	private long sequence;

	MemoryTable() {
		this(new TreeMap<>(ValueOrder::compare), new HashSet<>(), 0);
	}

	private MemoryTable(TreeMap<Object, Map<String, @Nullable Object>> rows, Set<String> indexes, long sequence) {
		this.rows = rows;
		this.indexes = indexes;
		this.sequence = sequence;
	}

	MemoryTable copy() {
		return new MemoryTable(new TreeMap<>(this.rows), new HashSet<>(this.indexes), this.sequence);
	}

	Collection<Map<String, @Nullable Object>> rows() {
		return this.rows.values();
	}

	@Nullable Map<String, @Nullable Object> get(Object id) {
		return this.rows.get(id);
	}

	void put(Object id, Map<String, @Nullable Object> row) {
		this.rows.put(id, row);
		if (id instanceof Long number && number > this.sequence) {
			this.sequence = number;
		}
	}

	void remove(Object id) {
		this.rows.remove(id);
	}

	long nextId() {
		return ++this.sequence;
	}

	int size() {
		return this.rows.size();
	}

	boolean hasIndex(String name) {
		return this.indexes.contains(name);
	}

	void addIndex(String name) {
		this.indexes.add(name);
	}

}
