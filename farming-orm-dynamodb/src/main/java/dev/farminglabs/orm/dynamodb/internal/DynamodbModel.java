package dev.farminglabs.orm.dynamodb.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.KeyNames;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One model's table, key and item encoding. The table is <code>&lt;prefix&gt;&lt;table&gt;</code> with the id's
 * column as the partition key; an item holds the row's columns (null fields absent), {@link #VERSION} and
 * {@link #TOKEN}, and {@link #EXPIRES} (epoch seconds, the TTL attribute) when the model has an expiry field. Lock
 * items of the model live in the runtime's lock table, named <code>&lt;table&gt;:&lt;fields&gt;:&lt;values&gt;</code>
 * with {@link KeyNames#uniqueKey}.
 */
final class DynamodbModel {

	/** The row's version, raised by every write; every write is conditional on the version it read. */
	static final String VERSION = ":v";

	/** The row's token, set when the row is created; its lock items carry it, so only its own writes free them. */
	static final String TOKEN = ":t";

	/** The expiry as epoch seconds, the attribute native TTL deletes by. */
	static final String EXPIRES = ":ttl";

	final ModelDefinition model;

	final String tableName;

	final FieldDefinition id;

	final String idColumn;

	final List<UniqueConstraint> locks;

	final @Nullable FieldDefinition expiry;

	private final AttributeCodec codec;

	private final Map<String, FieldDefinition> byColumn = new HashMap<>();

	DynamodbModel(String prefix, ModelDefinition model, AttributeCodec codec) {
		this.model = model;
		this.codec = codec;
		this.tableName = prefix + model.qualifiedTable();
		this.id = model.idField();
		this.idColumn = this.id.column();
		this.locks = model.uniqueConstraints().stream().filter((key) -> !key.primaryKey()).toList();
		this.expiry = model.expiryField().orElse(null);
		for (FieldDefinition field : model.fields()) {
			this.byColumn.put(field.column(), field);
		}
	}

	/** The key of a row's item. */
	Map<String, AttributeValue> key(Object idValue) {
		return Map.of(this.idColumn, idAttribute(idValue));
	}

	AttributeValue idAttribute(Object idValue) {
		AttributeValue value = this.codec.encode(this.id, idValue);
		if (value == null) {
			throw new IllegalArgumentException("null id");
		}
		return value;
	}

	/** The text of an id as lock items hold it. */
	String idText(Object idValue) {
		return this.codec.text().keyText(this.id, idValue);
	}

	/** The name of a unique key's lock for a row's values; {@code null} when a value is null (nulls never collide). */
	@Nullable String lockName(UniqueConstraint key, Map<String, @Nullable Object> values) {
		for (String field : key.fields()) {
			if (values.get(field) == null) {
				return null;
			}
		}
		return this.model.qualifiedTable() + KeyNames.SEPARATOR
				+ KeyNames.uniqueKey(this.model, key, values, this.codec.text());
	}

	/** The lock names a row holds, by unique key. */
	Map<UniqueConstraint, String> lockNames(Map<String, @Nullable Object> row) {
		Map<UniqueConstraint, String> names = new LinkedHashMap<>();
		for (UniqueConstraint key : this.locks) {
			String name = lockName(key, row);
			if (name != null) {
				names.put(key, name);
			}
		}
		return names;
	}

	/** The item of a row at a version, with its token. */
	Map<String, AttributeValue> item(Map<String, @Nullable Object> row, long version, String token) {
		Map<String, AttributeValue> item = new HashMap<>();
		for (FieldDefinition field : this.model.fields()) {
			AttributeValue value = this.codec.encode(field, row.get(field.name()));
			if (value != null) {
				item.put(field.column(), value);
			}
		}
		item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
		item.put(TOKEN, AttributeValue.fromS(token));
		if (this.expiry != null && row.get(this.expiry.name()) instanceof Instant at) {
			item.put(EXPIRES, AttributeValue.fromN(Long.toString(at.getEpochSecond())));
		}
		return item;
	}

	/** A stored row from its item, or {@code null} for none. */
	@Nullable Stored decode(@Nullable Map<String, AttributeValue> item) {
		if (item == null || item.isEmpty()) {
			return null;
		}
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		for (FieldDefinition field : this.model.fields()) {
			row.put(field.name(), this.codec.decode(field, item.get(field.column())));
		}
		AttributeValue version = item.get(VERSION);
		AttributeValue token = item.get(TOKEN);
		return new Stored(row, (version != null) ? Long.parseLong(version.n()) : 0,
				(token != null) ? token.s() : "");
	}

	FieldDefinition fieldOfColumn(String column) {
		return this.byColumn.get(column);
	}

	/** A row as read, with the version its conditional writes expect and the token its locks carry. */
	record Stored(Map<String, @Nullable Object> row, long version, String token) {

		Object id(DynamodbModel layout) {
			return this.row.get(layout.id.name());
		}

	}

}
