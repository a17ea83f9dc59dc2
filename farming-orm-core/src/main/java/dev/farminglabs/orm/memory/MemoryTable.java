package dev.farminglabs.orm.memory;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.KeyNames;
import dev.farminglabs.orm.spi.ValueOrder;
import dev.farminglabs.orm.spi.ValueText;
import org.jspecify.annotations.Nullable;

/**
 * One table: rows by id in id order, an index per unique key (built on first use, kept up to date), the id sequence,
 * the fields (columns) it has and the names of the indexes created. Every change records its inverse in the
 * database's {@link MemoryJournal}, so a failed write undoes only what it touched. Guarded by the database.
 */
final class MemoryTable {

	private static final ValueText KEY_TEXT = ValueText.of(java.time.temporal.ChronoUnit.NANOS);

	private final MemoryJournal journal;

	private final TreeMap<Object, Map<String, @Nullable Object>> rows = new TreeMap<>(ValueOrder::compare);

	/** Per unique key (by constraint name): the key name of the row's values → the row's id. */
	private final Map<String, UniqueIndex> uniques = new HashMap<>();

	private final Set<String> fields;

	private final Set<String> indexes = new HashSet<>();

	private long sequence;

	/**
	 * Rows covered by whole-table work: each scan, index build and copy of every row adds the table's size. Work by a
	 * unique key adds nothing, so tests can check that a write or lookup costs what it touches by counting instead of
	 * timing. A LongAdder because scans run concurrently under the read lock.
	 */
	private final LongAdder rowsCovered = new LongAdder();

	MemoryTable(Collection<String> fields, MemoryJournal journal) {
		this.fields = new HashSet<>(fields);
		this.journal = journal;
	}

	/** Every row in id order, for a scan (counted in {@link #rowsCovered()}). */
	Collection<Map<String, @Nullable Object>> rows() {
		this.rowsCovered.add(this.rows.size());
		return this.rows.values();
	}

	/** How many rows scans, index builds and whole-table copies have covered since the table was created. */
	long rowsCovered() {
		return this.rowsCovered.sum();
	}

	@Nullable Map<String, @Nullable Object> get(Object id) {
		return this.rows.get(id);
	}

	/** The id of the row holding these values of a unique key, or null; null values never collide. */
	@Nullable Object idHolding(ModelDefinition model, UniqueConstraint key, Map<String, @Nullable Object> values) {
		for (String field : key.fields()) {
			if (values.get(field) == null) {
				return null;
			}
		}
		if (key.primaryKey()) {
			Object id = values.get(key.fields().get(0));
			return this.rows.containsKey(id) ? id : null;
		}
		return this.uniques.computeIfAbsent(key.name(), (name) -> new UniqueIndex(model, key)).ids
			.get(keyName(model, key, values));
	}

	void put(Object id, Map<String, @Nullable Object> row) {
		Map<String, @Nullable Object> previous = store(id, row);
		long sequenceBefore = this.sequence;
		if (id instanceof Long number && number > this.sequence) {
			this.sequence = number;
		}
		this.journal.record(() -> {
			if (previous != null) {
				store(id, previous);
			}
			else {
				unstore(id);
			}
			this.sequence = sequenceBefore;
		});
	}

	void remove(Object id) {
		Map<String, @Nullable Object> previous = unstore(id);
		if (previous != null) {
			this.journal.record(() -> store(id, previous));
		}
	}

	long nextId() {
		long before = this.sequence;
		this.journal.record(() -> this.sequence = before);
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
		this.rowsCovered.add(this.rows.size());
		Map<Object, Map<String, @Nullable Object>> before = new HashMap<>(this.rows);
		this.rows.replaceAll((id, row) -> {
			Map<String, @Nullable Object> filled = new LinkedHashMap<>(row);
			filled.putIfAbsent(name, value);
			return Collections.unmodifiableMap(filled);
		});
		this.uniques.clear();
		this.journal.record(() -> {
			this.fields.remove(name);
			this.rows.putAll(before);
			this.uniques.clear();
		});
	}

	boolean hasIndex(String name) {
		return this.indexes.contains(name);
	}

	void addIndex(String name) {
		if (this.indexes.add(name)) {
			this.journal.record(() -> this.indexes.remove(name));
		}
	}

	private @Nullable Map<String, @Nullable Object> store(Object id, Map<String, @Nullable Object> row) {
		Map<String, @Nullable Object> previous = this.rows.put(id, row);
		for (UniqueIndex index : this.uniques.values()) {
			if (previous != null) {
				index.remove(previous, id);
			}
			index.add(row, id);
		}
		return previous;
	}

	private @Nullable Map<String, @Nullable Object> unstore(Object id) {
		Map<String, @Nullable Object> previous = this.rows.remove(id);
		if (previous != null) {
			for (UniqueIndex index : this.uniques.values()) {
				index.remove(previous, id);
			}
		}
		return previous;
	}

	private static @Nullable String keyName(ModelDefinition model, UniqueConstraint key,
			Map<String, @Nullable Object> values) {
		for (String field : key.fields()) {
			if (values.get(field) == null) {
				return null;
			}
		}
		return KeyNames.uniqueKey(model, key, values, KEY_TEXT);
	}

	/** Key names of one unique key → ids, for rows with no null in the key. */
	private final class UniqueIndex {

		private final ModelDefinition model;

		private final UniqueConstraint key;

		private final Map<String, Object> ids = new HashMap<>();

		UniqueIndex(ModelDefinition model, UniqueConstraint key) {
			this.model = model;
			this.key = key;
			MemoryTable.this.rowsCovered.add(MemoryTable.this.rows.size());
			MemoryTable.this.rows.forEach((id, row) -> add(row, id));
		}

		void add(Map<String, @Nullable Object> row, Object id) {
			String name = keyName(this.model, this.key, row);
			if (name != null) {
				this.ids.put(name, id);
			}
		}

		void remove(Map<String, @Nullable Object> row, Object id) {
			String name = keyName(this.model, this.key, row);
			if (name != null && id.equals(this.ids.get(name))) {
				this.ids.remove(name);
			}
		}

	}

}
