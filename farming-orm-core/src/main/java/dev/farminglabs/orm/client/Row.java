package dev.farminglabs.orm.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.farminglabs.orm.codec.JsonValues;
import dev.farminglabs.orm.error.OrmException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One result row: the selected fields in their canonical Java types (see {@code FieldKind}) and selected relations
 * as {@code Row} or {@code List<Row>}. A field that was not selected is absent; a null field is present with null.
 * Immutable. Serialised by Jackson as its values ({@link #asMap()}), related rows nested.
 */
public final class Row {

	private final Map<String, @Nullable Object> values;

	private Row(Map<String, @Nullable Object> values) {
		this.values = values;
	}

	/** A row with these values, copied. */
	public static Row of(Map<String, ? extends @Nullable Object> values) {
		return new Row(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
	}

	/**
	 * A builder for a row of about this many values, for code that assembles rows value by value (drivers, the
	 * client): the row takes the builder's values over instead of copying them.
	 */
	public static Builder builder(int expectedSize) {
		return new Builder(expectedSize);
	}

	/** Whether the field or relation was selected. */
	public boolean has(String name) {
		return this.values.containsKey(name);
	}

	/** The value of a field or relation; throws when it was not selected. */
	public @Nullable Object get(String name) {
		if (!this.values.containsKey(name)) {
			throw new IllegalArgumentException("Row has no '" + name + "'; it has " + this.values.keySet());
		}
		return this.values.get(name);
	}

	/** The value cast to a type. */
	public <V> @Nullable V get(String name, Class<V> type) {
		return type.cast(get(name));
	}

	public @Nullable String getString(String name) {
		return get(name, String.class);
	}

	public @Nullable Boolean getBoolean(String name) {
		return get(name, Boolean.class);
	}

	public @Nullable Instant getInstant(String name) {
		return get(name, Instant.class);
	}

	public @Nullable BigDecimal getDecimal(String name) {
		return get(name, BigDecimal.class);
	}

	/** An integer, integer id or bigint field as a {@code Long}. */
	public @Nullable Long getLong(String name) {
		Object value = get(name);
		if (value instanceof BigInteger big) {
			return big.longValueExact();
		}
		return (Long) value;
	}

	/** A bigint, integer or integer id field as a {@code BigInteger}. */
	public @Nullable BigInteger getBigInteger(String name) {
		Object value = get(name);
		if (value instanceof Long number) {
			return BigInteger.valueOf(number);
		}
		return (BigInteger) value;
	}

	/** A JSON field as a tree. */
	public @Nullable JsonNode getJson(String name) {
		return get(name, JsonNode.class);
	}

	/** A JSON field mapped to a type with Jackson. */
	public <V> @Nullable V getJson(String name, Class<V> type) {
		JsonNode node = getJson(name);
		return (node != null) ? JsonValues.mapper().treeToValue(node, type) : null;
	}

	/** A to-one relation, or null when there is no related row. */
	public @Nullable Row getRow(String relation) {
		return get(relation, Row.class);
	}

	/** A to-many relation. */
	@SuppressWarnings("unchecked")
	public List<Row> getRows(String relation) {
		return (List<Row>) Objects.requireNonNull(get(relation), relation);
	}

	/** The names present, in order. */
	public Set<String> names() {
		return this.values.keySet();
	}

	/**
	 * The values as an unmodifiable map (null values kept). Jackson serialises a row as this map, so a controller
	 * returning a row (or a map or list holding rows, or a row holding related rows) answers with its values.
	 */
	@JsonValue
	public Map<String, @Nullable Object> asMap() {
		return this.values;
	}

	/**
	 * The row mapped to a record or POJO with Jackson.
	 * @throws OrmException with code {@code VALIDATION_ERROR} when Jackson cannot build the type from the row
	 */
	public <T> T as(Class<T> type) {
		return RowMapper.of(type).map(this);
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof Row row && this.values.equals(row.values));
	}

	@Override
	public int hashCode() {
		return this.values.hashCode();
	}

	@Override
	public String toString() {
		return "Row" + this.values;
	}

	/** Assembles one row; {@link #build()} hands the values over to the row, after which the builder is spent. */
	public static final class Builder {

		private @Nullable Map<String, @Nullable Object> values;

		private Builder(int expectedSize) {
			// Sized so that expectedSize values never rehash (load factor 0.75).
			this.values = new LinkedHashMap<>(Math.max(4, (int) (expectedSize / 0.75f) + 1));
		}

		/** Sets a value (null allowed); a name set twice keeps its first position and its last value. */
		public Builder put(String name, @Nullable Object value) {
			values().put(name, value);
			return this;
		}

		/** Sets every value of a map, in its order. */
		public Builder putAll(Map<String, ? extends @Nullable Object> more) {
			values().putAll(more);
			return this;
		}

		/** The row; the builder cannot be used afterwards. */
		public Row build() {
			Row row = new Row(Collections.unmodifiableMap(values()));
			this.values = null;
			return row;
		}

		private Map<String, @Nullable Object> values() {
			Map<String, @Nullable Object> current = this.values;
			if (current == null) {
				throw new IllegalStateException("This row builder has built its row already");
			}
			return current;
		}

	}

}
