package dev.farminglabs.orm.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.farminglabs.orm.redis.RedisRuntime;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The {@code kvItem} operations called by hand through a {@code RedisTemplate}: the farming-orm Redis driver's own
 * Lua scripts (the same text, loaded from its jar), with keys and arguments built by hand for the driver's key layout,
 * and every reply decoded to a {@link KvItem} (the JSON text parsed to a Jackson tree). A lookup is one
 * {@code lookup.lua} call through the lock key; a create one {@code write.lua} call; an update a lookup then a
 * {@code write.lua} call on condition of the version read (again when it moved); a page reads every row with
 * {@code page.lua}, {@value #PAGE_SIZE} per call, and sorts the namespace's rows by key, as the driver does for a
 * filter no key answers.
 */
final class RedisRawKvItems implements KvItemStore {

	private static final int PAGE_SIZE = 500;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String UNIQUE_KEY = "kv_items_namespace_key";

	private final RedisTemplate<byte[], byte[]> template;

	private final String tag;

	private final DefaultRedisScript<List> lookup = script("lookup.lua");

	private final DefaultRedisScript<List> write = script("write.lua");

	private final DefaultRedisScript<List> page = script("page.lua");

	RedisRawKvItems(RedisConnectionFactory factory, String prefix, String table) {
		this.template = new RedisTemplate<>();
		this.template.setConnectionFactory(factory);
		this.template.setKeySerializer(RedisSerializer.byteArray());
		this.template.setValueSerializer(RedisSerializer.byteArray());
		this.template.afterPropertiesSet();
		this.tag = "{" + prefix + ":" + table + "}";
	}

	@SuppressWarnings("rawtypes")
	private static DefaultRedisScript<List> script(String name) {
		try (InputStream in = RedisRuntime.class.getResourceAsStream("/dev/farminglabs/orm/redis/internal/" + name)) {
			return new DefaultRedisScript<>(new String(in.readAllBytes(), StandardCharsets.UTF_8), List.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public Optional<KvItem> findUnique(String namespace, String key) {
		Stored stored = lookup(namespace, key);
		return (stored != null) ? Optional.of(stored.item()) : Optional.empty();
	}

	@Override
	public List<KvItem> findPage(String namespace, int take) {
		List<KvItem> matched = new ArrayList<>();
		String after = "";
		do {
			List<?> reply = this.template.execute(this.page, List.of(bytes(this.tag + ":schema"), bytes(this.tag + ":ids")),
					bytes(this.tag + ":record:"), bytes("s"), bytes(after), bytes(Integer.toString(PAGE_SIZE)));
			after = text(reply.get(1));
			for (int i = 2; i < reply.size(); i++) {
				Stored stored = decode((List<?>) reply.get(i));
				if (stored != null && stored.item().namespace().equals(namespace)) {
					matched.add(stored.item());
				}
			}
		}
		while (!after.isEmpty());
		matched.sort(Comparator.comparing(KvItem::key).thenComparing(KvItem::id));
		return List.copyOf(matched.subList(0, Math.min(take, matched.size())));
	}

	@Override
	public KvItem create(String namespace, String key, JsonNode value) {
		KvItem item = new KvItem(UUID.randomUUID().toString(), namespace, key, value, 1,
				Instant.now().truncatedTo(ChronoUnit.MICROS));
		List<?> reply = write(item, -1);
		if (!"ok".equals(text(reply.get(0)))) {
			throw new IllegalStateException("Create of " + key + " refused: " + text(reply.get(0)));
		}
		return item;
	}

	@Override
	public Optional<KvItem> update(String namespace, String key, JsonNode value, Instant updatedAt) {
		while (true) {
			Stored current = lookup(namespace, key);
			if (current == null) {
				return Optional.empty();
			}
			KvItem item = new KvItem(current.item().id(), namespace, key, value, current.item().version(),
					updatedAt.truncatedTo(ChronoUnit.MICROS));
			List<?> reply = write(item, current.revision());
			String outcome = text(reply.get(0));
			if (outcome.equals("ok")) {
				return Optional.of(item);
			}
			if (!outcome.equals("conflict")) {
				throw new IllegalStateException("Update of " + key + " refused: " + outcome);
			}
			// Another writer moved the version in between: read it again.
		}
	}

	private @Nullable Stored lookup(String namespace, String key) {
		List<?> reply = this.template.execute(this.lookup, List.of(bytes(this.tag + ":schema"), lockKey(namespace, key)),
				bytes(this.tag + ":record:"), bytes("u"));
		return decode((List<?>) reply.get(1));
	}

	/** One {@code write.lua} call that creates ({@code expected} -1) or replaces the item, keeping its unique lock. */
	private List<?> write(KvItem item, long expected) {
		List<byte[]> keys = List.of(bytes(this.tag + ":schema"), bytes(this.tag + ":ids"), bytes(this.tag + ":seq"),
				bytes(this.tag + ":record:" + item.id()), lockKey(item.namespace(), item.key()));
		Object[] args = { bytes(this.tag + ":record:"), bytes("id"), bytes("1"), bytes(item.id()), bytes("0"),
				bytes("0"), bytes("0"), bytes("4"), bytes(Long.toString(expected)), bytes(""), bytes("0"), bytes("6"),
				bytes("id"), bytes(item.id()), bytes("namespace"), bytes(item.namespace()), bytes("key"),
				bytes(item.key()), bytes("value"), JSON.writeValueAsBytes(item.value()), bytes("version"),
				bytes(Long.toString(item.version())), bytes("updatedAt"), bytes(MICROS.format(item.updatedAt())),
				bytes("1"), bytes("5"), bytes(UNIQUE_KEY), bytes("0") };
		return this.template.execute(this.write, keys, args);
	}

	/** The lock key of a {@code (namespace, key)}; the benchmark's values need no escaping. */
	private byte[] lockKey(String namespace, String key) {
		return bytes(this.tag + ":unique:namespace,key:'" + namespace + ":'" + key);
	}

	/** A record's hash reply (field, value, ...) as an item with the revision its writes expect. */
	private static @Nullable Stored decode(List<?> hash) {
		if (hash.isEmpty()) {
			return null;
		}
		String id = null;
		String namespace = null;
		String key = null;
		JsonNode value = null;
		long version = 0;
		Instant updatedAt = null;
		long revision = 0;
		for (int i = 0; i + 1 < hash.size(); i += 2) {
			byte[] content = (byte[]) hash.get(i + 1);
			switch (text(hash.get(i))) {
				case "id" -> id = text(content);
				case "namespace" -> namespace = text(content);
				case "key" -> key = text(content);
				case "value" -> value = JSON.readTree(content);
				case "version" -> version = Long.parseLong(text(content));
				case "updatedAt" -> updatedAt = Instant.parse(text(content));
				case ":v" -> revision = Long.parseLong(text(content));
				default -> {
					// A field the benchmark does not read.
				}
			}
		}
		return new Stored(new KvItem(id, namespace, key, value, version, updatedAt), revision);
	}

	private static String text(Object reply) {
		return new String((byte[]) reply, StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** An item as read, with the revision ({@code :v}) a compare-and-set write expects. */
	private record Stored(KvItem item, long revision) {
	}

}
