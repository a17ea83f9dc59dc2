package dev.farminglabs.orm.benchmarks;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.farminglabs.orm.client.ModelClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.FrameworkModels;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Four everyday operations on the seed's {@code kvItem} model on MongoDB: each as {@code orm*} (farming-orm on a
 * {@code MongoTemplate}) and {@code raw*} (the same query or write through that {@code MongoTemplate}, reading
 * documents). On the in-process mongo-java-server, or on the server of {@code -Dfarming.bench.mongodb.uri} (which
 * gets a database of its own, dropped afterwards).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MongoKvItemBenchmarks {

	private static final int SEEDED = 1_000;

	private static final String COLLECTION = "kv_items";

	private final AtomicLong sequence = new AtomicLong();

	private @Nullable MongoServer server;

	private MongoClient client;

	private MongoTemplate template;

	private ModelClient<Row> items;

	@Setup(Level.Trial)
	public void open() {
		String uri = System.getProperty("farming.bench.mongodb.uri");
		if (uri == null) {
			this.server = new MongoServer(new MemoryBackend());
			this.server.bind("127.0.0.1", 0);
			uri = "mongodb://127.0.0.1:" + this.server.getLocalAddress().getPort();
		}
		this.client = MongoClients.create(uri);
		this.template = new MongoTemplate(this.client, BenchmarkDatabase.uniqueName());
		this.items = SchemaSetup.bootstrapDatabase(FrameworkModels.FRAMEWORK, this.template).model("kvItem");
		List<Map<String, Object>> seed = new ArrayList<>();
		for (int i = 0; i < SEEDED; i++) {
			seed.add(Data.of("namespace", "seeded", "key", key(i), "value", Map.of("n", i)));
		}
		this.items.createMany(seed);
	}

	@TearDown(Level.Trial)
	public void close() {
		this.template.getDb().drop();
		this.client.close();
		if (this.server != null) {
			this.server.shutdownNow();
		}
	}

	@Benchmark
	public Optional<Row> ormFindUnique() {
		String key = nextSeededKey();
		return this.items.findUnique((q) -> q.where("namespace_key", Map.of("namespace", "seeded", "key", key)));
	}

	@Benchmark
	public @Nullable Document rawFindUnique() {
		return this.template.findOne(byKey(nextSeededKey()), Document.class, COLLECTION);
	}

	@Benchmark
	public List<Row> ormFindPage() {
		return this.items.findMany((q) -> q.where("namespace", "seeded").orderBy("key").take(20));
	}

	@Benchmark
	public List<Document> rawFindPage() {
		Query page = new Query(Criteria.where("namespace").is("seeded")).with(Sort.by("key", "_id")).limit(20);
		return this.template.find(page, Document.class, COLLECTION);
	}

	@Benchmark
	public Row ormCreate() {
		return this.items.create(Data.of("namespace", "created", "key", "k" + this.sequence.incrementAndGet(), "value",
				Map.of("n", 1)));
	}

	@Benchmark
	public Document rawCreate() {
		Document document = new Document("_id", UUID.randomUUID().toString()).append("namespace", "created")
			.append("key", "r" + this.sequence.incrementAndGet())
			.append("value", new Document("n", 1))
			.append("version", 1L)
			.append("updatedAt", new Date());
		return this.template.insert(document, COLLECTION);
	}

	@Benchmark
	public Optional<Row> ormUpdate() {
		String key = nextSeededKey();
		return this.items.update((u) -> u.where("namespace_key", Map.of("namespace", "seeded", "key", key))
			.data(Data.of("value", Map.of("n", 2), "updatedAt", java.time.Instant.now())));
	}

	@Benchmark
	public @Nullable Document rawUpdate() {
		Update update = new Update().set("value", new Document("n", 2)).set("updatedAt", new Date());
		return this.template.findAndModify(byKey(nextSeededKey()), update,
				org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), Document.class,
				COLLECTION);
	}

	private static Query byKey(String key) {
		return new Query(Criteria.where("namespace").is("seeded").and("key").is(key));
	}

	private String nextSeededKey() {
		return key((int) (this.sequence.incrementAndGet() % SEEDED));
	}

	private static String key(int i) {
		return "key-" + i;
	}

}
