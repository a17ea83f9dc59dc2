package dev.farminglabs.orm.memory;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.farminglabs.orm.spi.ValueOrder;
import org.jspecify.annotations.Nullable;

/**
 * One table: rows by id in id order, the id sequence, the fields (columns) it has and the names of the indexes
 * created. Guarded by the database.
 */
final class MemoryTable {

	private final TreeMap<Object, Map<String, @Nullable Object>> rows;

	private final Set<String> fields;

	private final Set<String> indexes;

	private long sequence;

	MemoryTable(Collection<String> fields) {
		this(new TreeMap<>(ValueOrder::compare), new HashSet<>(fields), new HashSet<>(), 0);
	}

	private MemoryTable(TreeMap<Object, Map<String, @Nullable Object>> rows, Set<String> fields, Set<String> indexes,
			long sequence) {
		this.rows = rows;
		this.fields = fields;
		this.indexes = indexes;
		this.sequence = sequence;
	}

	MemoryTable copy() {
		return new MemoryTable(new TreeMap<>(this.rows), new HashSet<>(this.fields), new HashSet<>(this.indexes),
				this.sequence);
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

	boolean hasField(String name) {
		return this.fields.contains(name);
	}

	/** Adds a field, giving every existing row the value, as {@code ALTER TABLE ... ADD COLUMN ... DEFAULT} does. */
	void addField(String name, @Nullable Object value) {
		if (!this.fields.add(name)) {
			return;
		}
		this.rows.replaceAll((id, row) -> {
			Map<String, @Nullable Object> filled = new LinkedHashMap<>(row);
			filled.putIfAbsent(name, value);
			return Collections.unmodifiableMap(filled);
		});
	}

	boolean hasIndex(String name) {
		return this.indexes.contains(name);
	}

	void addIndex(String name) {
		this.indexes.add(name);
	}

}
