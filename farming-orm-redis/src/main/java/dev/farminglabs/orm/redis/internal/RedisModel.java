package dev.farminglabs.orm.redis.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.farminglabs.orm.schema.FieldDefinition;
import dev.farminglabs.orm.schema.ModelDefinition;
import dev.farminglabs.orm.schema.UniqueConstraint;
import dev.farminglabs.orm.spi.KeyNames;
import dev.farminglabs.orm.spi.ValueText;
import org.jspecify.annotations.Nullable;

/**
 * One model's keys and row encoding. Every key starts with the model's hash tag <code>{prefix:table}</code>, so a
 * script touching a row, its locks and the index runs on one Redis Cluster slot:
 * <ul>
 * <li><code>{prefix:table}:schema</code> — a hash of what push created (table, fields, keys, indexes);</li>
 * <li><code>{prefix:table}:ids</code> — the id index, a sorted set (score = the id for integer ids, else 0 and
 * ordered by member), so reads page through it instead of {@code KEYS}/{@code SCAN};</li>
 * <li><code>{prefix:table}:seq</code> — the last generated integer id;</li>
 * <li><code>{prefix:table}:record:&lt;id&gt;</code> — a hash per row: field column → {@link ValueText} text (null
 * fields absent), plus {@code :v}, the row's version;</li>
 * <li><code>{prefix:table}:unique:&lt;fields&gt;:&lt;values&gt;</code> — a lock per unique key holding the id of the
 * row that owns it, named with {@link KeyNames#uniqueKey}, so two different tuples never share a lock.</li>
 * </ul>
 */
final class RedisModel {

	static final String VERSION = ":v";

	final ModelDefinition model;

	final String tag;

	final byte[] schemaKey;

	final byte[] idsKey;

	final byte[] seqKey;

	final String recordPrefix;

	final byte[] recordPrefixBytes;

	final boolean integerIds;

	final FieldDefinition id;

	final List<UniqueConstraint> locks;

	final @Nullable FieldDefinition expiry;

	private final ValueText codec;

	private final Map<String, FieldDefinition> byColumn = new HashMap<>();

	RedisModel(String prefix, ModelDefinition model, ValueText codec) {
		this.model = model;
		this.codec = codec;
		this.tag = "{" + prefix + ":" + model.qualifiedTable() + "}";
		this.schemaKey = bytes(this.tag + ":schema");
		this.idsKey = bytes(this.tag + ":ids");
		this.seqKey = bytes(this.tag + ":seq");
		this.recordPrefix = this.tag + ":record:";
		this.recordPrefixBytes = bytes(this.recordPrefix);
		this.id = model.idField();
		this.integerIds = this.id.isIntegral();
		this.locks = model.uniqueConstraints().stream().filter((key) -> !key.primaryKey()).toList();
		this.expiry = model.expiryField().orElse(null);
		for (FieldDefinition field : model.fields()) {
			this.byColumn.put(field.column(), field);
		}
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String text(Object reply) {
		return (reply instanceof byte[] b) ? new String(b, StandardCharsets.UTF_8) : String.valueOf(reply);
	}

	String idText(Object idValue) {
		return this.codec.encode(this.id, idValue);
	}

	byte[] recordKey(Object idValue) {
		return bytes(this.recordPrefix + idText(idValue));
	}

	String score(Object idValue) {
		return this.integerIds ? idText(idValue) : "0";
	}

	/** The lock key of a unique key for a row's values; {@code null} when a value is null (nulls never collide). */
	@Nullable byte[] lockKey(UniqueConstraint key, Map<String, @Nullable Object> values) {
		for (String field : key.fields()) {
			if (values.get(field) == null) {
				return null;
			}
		}
		return bytes(this.tag + ":unique:" + KeyNames.uniqueKey(this.model, key, values, this.codec));
	}

	/** The lock keys a row holds, by unique key name. */
	Map<String, byte[]> lockKeys(Map<String, @Nullable Object> row) {
		Map<String, byte[]> keys = new LinkedHashMap<>();
		for (UniqueConstraint key : this.locks) {
			byte[] lock = lockKey(key, row);
			if (lock != null) {
				keys.put(key.name(), lock);
			}
		}
		return keys;
	}

	/** The hash fields and values of a row, nulls left out. */
	List<byte[]> encode(Map<String, @Nullable Object> row, boolean withId) {
		List<byte[]> pairs = new ArrayList<>(row.size() * 2);
		for (FieldDefinition field : this.model.fields()) {
			if (!withId && field == this.id) {
				continue;
			}
			String text = this.codec.encode(field, row.get(field.name()));
			if (text != null) {
				pairs.add(bytes(field.column()));
				pairs.add(bytes(text));
			}
		}
		return pairs;
	}

	/**
	 * The epoch millisecond Redis expires a row at ({@code PEXPIREAT}), or {@code null}: none for a row without expiry,
	 * and none for a row written already expired, which stays (hidden from every read) until
	 * {@code SchemaSetup.purgeExpired} or a create of its unique values deletes it, as on a backend without native
	 * expiry, instead of vanishing before purge can count it.
	 */
	@Nullable Long expiresAt(Map<String, @Nullable Object> row) {
		if (this.expiry == null) {
			return null;
		}
		Object value = row.get(this.expiry.name());
		if (value instanceof Instant instant) {
			long at = instant.toEpochMilli();
			return (at > System.currentTimeMillis()) ? at : null;
		}
		return null;
	}

	/** A stored row from its hash reply (alternating fields and values), or {@code null} when empty. */
	@Nullable Stored decode(Object reply) {
		List<?> hash = (List<?>) reply;
		if (hash.isEmpty()) {
			return null;
		}
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		for (FieldDefinition field : this.model.fields()) {
			row.put(field.name(), null);
		}
		long version = 0;
		for (int i = 0; i + 1 < hash.size(); i += 2) {
			String name = text(hash.get(i));
			if (name.equals(VERSION)) {
				version = Long.parseLong(text(hash.get(i + 1)));
				continue;
			}
			FieldDefinition field = this.byColumn.get(name);
			if (field != null) {
				row.put(field.name(), this.codec.decode(field, text(hash.get(i + 1))));
			}
		}
		return new Stored(row, version);
	}

	/** A row as read, with the version its compare-and-set writes expect. */
	record Stored(Map<String, @Nullable Object> row, long version) {
	}

}
