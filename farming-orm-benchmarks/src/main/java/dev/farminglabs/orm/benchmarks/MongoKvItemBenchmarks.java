package dev.farminglabs.orm.benchmarks;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.FrameworkModels;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

/**
 * Four everyday operations on the seed's {@code kvItem} model on MongoDB, each three ways: {@code orm*}
 * (farming-orm on a {@code MongoTemplate}, rows mapped to {@link KvItem}), {@code raw*} ({@link MongoRawKvItems}: the
 * same query or write through that {@code MongoTemplate}, documents decoded to {@link KvItem}) and
 * {@code springData*} (a {@code MongoRepository} of {@link SpringDataKvItem}; an update is find, change and save, as
 * a service using a repository does it). On the in-process mongo-java-server, or on the server of
 * {@code -Dfarming.bench.mongodb.uri} (which gets a database of its own, dropped afterwards).
 */
public class MongoKvItemBenchmarks extends SpringDataKvItemWorkload {

	private @Nullable MongoServer server;

	private MongoClient client;

	private MongoTemplate template;

	// Package-private for the test that checks the sides read and write the same documents.
	SpringDataKvItemRepository repository;

	@Override
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
		OrmClient orm = SchemaSetup.bootstrapDatabase(FrameworkModels.FRAMEWORK, this.template);
		this.items = orm.model("kvItem", KvItem.class);
		this.raw = new MongoRawKvItems(this.template, "kv_items");
		this.repository = new MongoRepositoryFactory(this.template).getRepository(SpringDataKvItemRepository.class);
		this.springData = this.repository;
		seed(orm.driver().capabilities().maxBatchSize()).forEach(this.items::createMany);
	}

	@Override
	@TearDown(Level.Trial)
	public void close() {
		this.template.getDb().drop();
		this.client.close();
		if (this.server != null) {
			this.server.shutdownNow();
		}
	}

	@Benchmark
	public List<SpringDataKvItem> springDataFindPage() {
		return this.repository.findFirst20ByNamespaceOrderByKeyAsc(SEEDED_NAMESPACE);
	}

}
