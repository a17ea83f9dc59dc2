package dev.farminglabs.orm.mongodb;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.farminglabs.orm.tck.TckBackend;

/**
 * The in-process MongoDB of the tests: one mongo-java-server on a random loopback port for the whole test run, a real
 * {@link MongoClient} on it, and a database of its own per test.
 */
final class TestMongo {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static MongoServer server;

	private static MongoClient client;

	private TestMongo() {
	}

	/** The shared client, connected to the shared server. */
	static synchronized MongoClient client() {
		if (client == null) {
			server = new MongoServer(new MemoryBackend());
			server.bind("127.0.0.1", 0);
			client = MongoClients.create(MongoClientSettings.builder()
				.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
				.build());
		}
		return client;
	}

	/** A fresh database name, unique in this JVM. */
	static String freshDatabase() {
		return "tck_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
	}

	/** The TCK's backend on mongo-java-server. */
	static TckBackend backend() {
		return backend(TestMongo::client);
	}

	/** The TCK's backend on a client: a {@link MongoRuntime} on a fresh database, dropped after the test. */
	static TckBackend backend(Supplier<MongoClient> clients) {
		return new TckBackend() {

			@Override
			public Object newRuntime() {
				return MongoRuntime.of(clients.get(), freshDatabase());
			}

			@Override
			public void release(Object runtime) {
				MongoRuntime mongo = (MongoRuntime) runtime;
				mongo.client().getDatabase(mongo.database()).drop();
			}

		};
	}

}
