package dev.farminglabs.orm.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The arguments of one call of {@link RedisScript#WRITE}: creates, compare-and-set updates and deletes of rows of
 * one model, each with the unique locks it takes and gives up. The script checks every version and lock before it
 * changes anything, so the call is all or nothing.
 */
final class RedisWrite {

	private static final byte[] ONE = bytes("1");

	private static final byte[] ZERO = bytes("0");

	private static final byte[] EMPTY = new byte[0];

	private final RedisModel model;

	private final List<byte[]> keys = new ArrayList<>();

	private final Map<String, Integer> keyIndex = new HashMap<>();

	private final List<byte[]> args = new ArrayList<>();

	private int ops;

	RedisWrite(RedisModel model) {
		this.model = model;
		this.keys.add(model.schemaKey);
		this.keys.add(model.idsKey);
		this.keys.add(model.seqKey);
		this.args.add(model.recordPrefixBytes);
		this.args.add(bytes(model.id.column()));
		this.args.add(ZERO);
	}

	/** Creates a row; its id may be null when the backend generates it. */
	void create(Map<String, @Nullable Object> row) {
		Object id = row.get(this.model.id.name());
		op(id, -1, row, Map.of());
	}

	/** Replaces a stored row by its new values, if its version is still the one read. */
	void update(RedisModel.Stored current, Map<String, @Nullable Object> row) {
		op(current.row().get(this.model.id.name()), current.version(), row, this.model.lockKeys(current.row()));
	}

	/** Deletes a stored row, if its version is still the one read. */
	void delete(RedisModel.Stored current) {
		op(current.row().get(this.model.id.name()), current.version(), null, this.model.lockKeys(current.row()));
	}

	int size() {
		return this.ops;
	}

	private void op(@Nullable Object id, long expected, @Nullable Map<String, @Nullable Object> row,
			Map<String, byte[]> held) {
		boolean generated = id == null;
		this.args.add(generated ? EMPTY : bytes(this.model.idText(id)));
		this.args.add(generated ? ONE : ZERO);
		this.args.add(this.model.integerIds ? ONE : ZERO);
		this.args.add(generated ? ZERO : bytes(this.model.score(id)));
		this.args.add(generated ? ZERO : bytes(Integer.toString(key(this.model.recordKey(id)))));
		this.args.add(bytes(Long.toString(expected)));
		Long expiresAt = (row != null) ? this.model.expiresAt(row) : null;
		this.args.add((expiresAt != null) ? bytes(expiresAt.toString()) : EMPTY);
		this.args.add((row == null) ? ONE : ZERO);
		if (row == null) {
			this.args.add(ZERO);
			this.args.add(ZERO);
		}
		else {
			List<byte[]> pairs = this.model.encode(row, !generated);
			this.args.add(bytes(Integer.toString(pairs.size() / 2)));
			this.args.addAll(pairs);
			Map<String, byte[]> locks = this.model.lockKeys(row);
			this.args.add(bytes(Integer.toString(locks.size())));
			for (Map.Entry<String, byte[]> lock : locks.entrySet()) {
				this.args.add(bytes(Integer.toString(key(lock.getValue()))));
				this.args.add(bytes(lock.getKey()));
			}
			held = released(held, locks);
		}
		this.args.add(bytes(Integer.toString(held.size())));
		for (byte[] lock : held.values()) {
			this.args.add(bytes(Integer.toString(key(lock))));
		}
		this.ops++;
	}

	/** The locks held before that the new row does not take again. */
	private static Map<String, byte[]> released(Map<String, byte[]> held, Map<String, byte[]> taken) {
		Map<String, byte[]> released = new HashMap<>();
		for (Map.Entry<String, byte[]> lock : held.entrySet()) {
			byte[] now = taken.get(lock.getKey());
			if (now == null || !Arrays.equals(now, lock.getValue())) {
				released.put(lock.getKey(), lock.getValue());
			}
		}
		return released;
	}

	private int key(byte[] key) {
		String name = new String(key, StandardCharsets.ISO_8859_1);
		Integer index = this.keyIndex.get(name);
		if (index == null) {
			this.keys.add(key);
			index = this.keys.size();
			this.keyIndex.put(name, index);
		}
		return index;
	}

	int keyCount() {
		return this.keys.size();
	}

	byte[][] keysAndArgs() {
		this.args.set(2, bytes(Integer.toString(this.ops)));
		List<byte[]> all = new ArrayList<>(this.keys.size() + this.args.size());
		all.addAll(this.keys);
		all.addAll(this.args);
		return all.toArray(new byte[0][]);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
