package dev.farminglabs.orm.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.query.Data;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What the key-value benchmarks ({@link MongoKvItemBenchmarks}, {@link RedisKvItemBenchmarks},
 * {@link DynamoKvItemBenchmarks}) share: the seeded rows ({@value #SEEDED} {@code kvItem}s in namespace
 * {@code seeded}), the keys each call uses, and each operation as {@code orm*} (farming-orm, rows mapped to
 * {@link KvItem}) and {@code raw*} (the backend's {@link KvItemStore} on its raw client), so every backend measures the
 * same calls. A subclass opens the backend, sets {@link #items} and {@link #raw}, and may add peers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class KvItemWorkload {

	static final int SEEDED = 1_000;

	static final int PAGE = 20;

	static final String SEEDED_NAMESPACE = "seeded";

	static final String CREATED_NAMESPACE = "created";

	private final AtomicLong sequence = new AtomicLong();

	// Package-private for the tests that check the sides read and write the same items.
	ModelClient<KvItem> items;

	KvItemStore raw;

	/** Opens the backend (a fresh database, prefix or table prefix), sets {@link #items} and {@link #raw}, seeds. */
	public abstract void open();

	/** Deletes what {@link #open} created and closes the clients. */
	public abstract void close();

	@Benchmark
	public Optional<KvItem> ormFindUnique() {
		return findUnique(this.items, SEEDED_NAMESPACE, nextSeededKey());
	}

	@Benchmark
	public Optional<KvItem> rawFindUnique() {
		return this.raw.findUnique(SEEDED_NAMESPACE, nextSeededKey());
	}

	@Benchmark
	public List<KvItem> ormFindPage() {
		return findPage(this.items);
	}

	@Benchmark
	public List<KvItem> rawFindPage() {
		return this.raw.findPage(SEEDED_NAMESPACE, PAGE);
	}

	@Benchmark
	public KvItem ormCreate() {
		return create(this.items, nextNewKey());
	}

	@Benchmark
	public KvItem rawCreate() {
		return this.raw.create(CREATED_NAMESPACE, nextNewKey(), value(1));
	}

	@Benchmark
	public Optional<KvItem> ormUpdate() {
		return update(this.items, nextSeededKey());
	}

	@Benchmark
	public Optional<KvItem> rawUpdate() {
		return this.raw.update(SEEDED_NAMESPACE, nextSeededKey(), value(2), Instant.now());
	}

	/** The seeded rows, in batches of at most {@code batch} (what one {@code createMany} may write). */
	static List<List<Map<String, Object>>> seed(int batch) {
		List<List<Map<String, Object>>> batches = new ArrayList<>();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < SEEDED; i++) {
			rows.add(Data.of("namespace", SEEDED_NAMESPACE, "key", key(i), "value", Map.of("n", i)));
			if (rows.size() == batch || i == SEEDED - 1) {
				batches.add(rows);
				rows = new ArrayList<>();
			}
		}
		return batches;
	}

	/** The JSON value {@code {"n": n}}, built per call as the ORM side builds it from its map. */
	static JsonNode value(int n) {
		return JsonNodeFactory.instance.objectNode().put("n", n);
	}

	static <T> Optional<T> findUnique(ModelClient<T> items, String namespace, String key) {
		return items.findUnique((q) -> q.where("namespace_key", Map.of("namespace", namespace, "key", key)));
	}

	static <T> List<T> findPage(ModelClient<T> items) {
		return items.findMany((q) -> q.where("namespace", SEEDED_NAMESPACE).orderBy("key").take(PAGE));
	}

	static <T> T create(ModelClient<T> items, String key) {
		return items.create(Data.of("namespace", CREATED_NAMESPACE, "key", key, "value", Map.of("n", 1)));
	}

	static <T> Optional<T> update(ModelClient<T> items, String key) {
		return items.update((u) -> u.where("namespace_key", Map.of("namespace", SEEDED_NAMESPACE, "key", key))
			.data(Data.of("value", Map.of("n", 2), "updatedAt", Instant.now())));
	}

	/** A Spring Data repository's create: a new item, saved (an insert, since the item says it is new). */
	static SpringDataKvItem create(SpringDataKvItemLookup repository, String key) {
		return repository.save(SpringDataKvItem.newItem(UUID.randomUUID().toString(), CREATED_NAMESPACE, key,
				Map.of("n", 1), Instant.now()));
	}

	/** A Spring Data repository's update, as a service does it: find by key, change, save. */
	static Optional<SpringDataKvItem> update(SpringDataKvItemLookup repository, String key) {
		return repository.findByNamespaceAndKey(SEEDED_NAMESPACE, key).map((item) -> {
			item.write(Map.of("n", 2), Instant.now());
			return repository.save(item);
		});
	}

	/** A seeded key, a different one each call. */
	String nextSeededKey() {
		return key((int) (this.sequence.incrementAndGet() % SEEDED));
	}

	/** A key no row has yet, for a create. */
	String nextNewKey() {
		return "k" + this.sequence.incrementAndGet();
	}

	static String key(int i) {
		return "key-" + i;
	}

}
