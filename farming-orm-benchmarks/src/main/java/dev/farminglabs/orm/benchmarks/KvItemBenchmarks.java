package dev.farminglabs.orm.benchmarks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.FrameworkModels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed's {@code kvItem} model (from the TCK's {@link FrameworkModels}), four everyday operations, each as {@code orm*} (farming-orm) and {@code raw*}
 * (hand-written SQL through {@code JdbcTemplate} reading the same columns) on the same pool. Average time per call:
 * {@link BenchmarkRatios} divides each {@code orm*} score by its {@code raw*} twin.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KvItemBenchmarks {

	private static final int SEEDED = 1_000;

	/** Which database; see {@link BenchmarkDatabase}. */
	@Param({ "H2" })
	public String database;

	private final AtomicLong sequence = new AtomicLong();

	private BenchmarkDatabase backend;

	private String storage;

	private HikariDataSource dataSource;

	private ModelClient<Row> items;

	private JdbcTemplate jdbc;

	private String selectByKey;

	private String selectPage;

	private String insert;

	private String updateByKey;

	@Setup(Level.Trial)
	public void open() {
		this.backend = BenchmarkDatabase.valueOf(this.database);
		this.storage = BenchmarkDatabase.uniqueName();
		this.dataSource = this.backend.open(this.storage);
		this.items = SchemaSetup.bootstrapDatabase(FrameworkModels.FRAMEWORK, this.dataSource).model("kvItem");
		this.jdbc = new JdbcTemplate(this.dataSource);
		String table = this.backend.quote("kv_items");
		String columns = String.join(", ", List.of("id", "namespace", "key", "value", "version", "updatedAt")
			.stream()
			.map(this.backend::quote)
			.toList());
		String byKey = " WHERE " + this.backend.quote("namespace") + " = ? AND " + this.backend.quote("key") + " = ?";
		this.selectByKey = "SELECT " + columns + " FROM " + table + byKey;
		this.selectPage = "SELECT " + columns + " FROM " + table + " WHERE " + this.backend.quote("namespace")
				+ " = ? ORDER BY " + this.backend.quote("key") + ", " + this.backend.quote("id") + " LIMIT 20";
		this.insert = "INSERT INTO " + table + " (" + columns + ") VALUES (?, ?, ?, " + this.backend.jsonPlaceholder()
				+ ", ?, ?)";
		this.updateByKey = "UPDATE " + table + " SET " + this.backend.quote("value") + " = "
				+ this.backend.jsonPlaceholder() + ", " + this.backend.quote("updatedAt") + " = ?" + byKey;
		List<Map<String, Object>> seed = new ArrayList<>();
		for (int i = 0; i < SEEDED; i++) {
			seed.add(Data.of("namespace", "seeded", "key", key(i), "value", Map.of("n", i)));
		}
		this.items.createMany(seed);
	}

	@TearDown(Level.Trial)
	public void close() {
		this.dataSource.close();
		this.backend.drop(this.storage);
	}

	@Benchmark
	public Optional<Row> ormFindUnique() {
		String key = nextSeededKey();
		return this.items.findUnique((q) -> q.where("namespace_key", Map.of("namespace", "seeded", "key", key)));
	}

	@Benchmark
	public List<Map<String, Object>> rawFindUnique() {
		return this.jdbc.queryForList(this.selectByKey, "seeded", nextSeededKey());
	}

	@Benchmark
	public List<Row> ormFindPage() {
		return this.items.findMany((q) -> q.where("namespace", "seeded").orderBy("key").take(20));
	}

	@Benchmark
	public List<Map<String, Object>> rawFindPage() {
		return this.jdbc.queryForList(this.selectPage, "seeded");
	}

	@Benchmark
	public Row ormCreate() {
		return this.items.create(Data.of("namespace", "created", "key", "k" + this.sequence.incrementAndGet(), "value",
				Map.of("n", 1)));
	}

	@Benchmark
	public int rawCreate() {
		return this.jdbc.update(this.insert, UUID.randomUUID().toString(), "created",
				"r" + this.sequence.incrementAndGet(), "{\"n\":1}", 1, Timestamp.from(Instant.now()));
	}

	@Benchmark
	public Optional<Row> ormUpdate() {
		String key = nextSeededKey();
		return this.items.update((u) -> u.where("namespace_key", Map.of("namespace", "seeded", "key", key))
			.data(Data.of("value", Map.of("n", 2), "updatedAt", Instant.now())));
	}

	@Benchmark
	public int rawUpdate() {
		return this.jdbc.update(this.updateByKey, "{\"n\":2}", Timestamp.from(Instant.now()), "seeded",
				nextSeededKey());
	}

	private String nextSeededKey() {
		return key((int) (this.sequence.incrementAndGet() % SEEDED));
	}

	private static String key(int i) {
		return "key-" + i;
	}

}
