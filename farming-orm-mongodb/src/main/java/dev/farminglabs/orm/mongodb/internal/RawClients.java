package dev.farminglabs.orm.mongodb.internal;

import com.mongodb.ClientSessionOptions;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.farminglabs.orm.mongodb.MongoRuntime;
import org.jspecify.annotations.Nullable;

/**
 * The raw clients the MongoDB runtime takes, recognised by class name first, so that neither the synchronous driver
 * nor Spring Data MongoDB has to be on the class path for the others to be inspected.
 */
public final class RawClients {

	/** The system property (or, upper-cased with underscores, environment variable) naming a client's database. */
	public static final String DATABASE_PROPERTY = "farming.orm.mongodb.database";

	static final String MONGO_TEMPLATE = "org.springframework.data.mongodb.core.MongoTemplate";

	static final String MONGO_CLIENT = "com.mongodb.client.MongoClient";

	static final String MONGO_DATABASE = "com.mongodb.client.MongoDatabase";

	static final String MONGO_RUNTIME = "dev.farminglabs.orm.mongodb.MongoRuntime";

	private static final String[] REACTIVE = { "org.springframework.data.mongodb.core.ReactiveMongoTemplate",
			"org.springframework.data.mongodb.core.ReactiveMongoOperations",
			"com.mongodb.reactivestreams.client.MongoClient", "com.mongodb.reactivestreams.client.MongoDatabase" };

	private RawClients() {
	}

	/** A client that can be used, how it was reached, or a reason it cannot. */
	public record Found(@Nullable MongoConnection connection, String source, @Nullable String problem,
			@Nullable String hint) {
	}

	/** The reactive type the client is, or null. */
	public static @Nullable String reactiveType(Object client) {
		for (String name : REACTIVE) {
			if (isA(client.getClass(), name)) {
				return name;
			}
		}
		return null;
	}

	/** What the client gives the MongoDB runtime, or null when it is no MongoDB client at all. */
	public static @Nullable Found find(Object client) {
		Class<?> type = client.getClass();
		if (isA(type, MONGO_RUNTIME)) {
			MongoRuntime runtime = (MongoRuntime) client;
			return new Found(ofClient(runtime.client(), runtime.database()),
					"MongoClient with database '" + runtime.database() + "'", null, null);
		}
		if (isA(type, MONGO_TEMPLATE) || isA(type, "org.springframework.data.mongodb.core.MongoOperations")) {
			return SpringData.find(client);
		}
		if (isA(type, MONGO_DATABASE)) {
			MongoDatabase database = (MongoDatabase) client;
			return new Found(new MongoConnection(database, null, null),
					"MongoDatabase '" + database.getName() + "' (one database, no client sessions)", null, null);
		}
		if (isA(type, MONGO_CLIENT)) {
			String database = configuredDatabase();
			if (database == null) {
				return new Found(null, "MongoClient", "is a MongoClient, which names no database",
						"Pass MongoRuntime.of(client, \"<database>\") or client.getDatabase(\"<database>\"), or set "
								+ "the system property " + DATABASE_PROPERTY + " (farming.orm.mongodb.database with "
								+ "the Spring Boot starter).");
			}
			return new Found(ofClient((MongoClient) client, database),
					"MongoClient with database '" + database + "' from " + DATABASE_PROPERTY, null, null);
		}
		return null;
	}

	/** A connection on a client and one of its databases, with sessions and other databases. */
	public static MongoConnection ofClient(MongoClient client, String database) {
		return new MongoConnection(client.getDatabase(database), client::getDatabase,
				() -> client.startSession(ClientSessionOptions.builder().causallyConsistent(true).build()));
	}

	private static @Nullable String configuredDatabase() {
		String value = System.getProperty(DATABASE_PROPERTY);
		if (value == null || value.isBlank()) {
			value = System.getenv("FARMING_ORM_MONGODB_DATABASE");
		}
		return (value == null || value.isBlank()) ? null : value;
	}

	/** Whether the type is or extends / implements the named type. */
	static boolean isA(@Nullable Class<?> type, String name) {
		if (type == null) {
			return false;
		}
		if (type.getName().equals(name)) {
			return true;
		}
		for (Class<?> implemented : type.getInterfaces()) {
			if (isA(implemented, name)) {
				return true;
			}
		}
		return isA(type.getSuperclass(), name);
	}

	/** Spring Data MongoDB, touched only when the client is one of its types. */
	private static final class SpringData {

		static Found find(Object client) {
			if (!(client instanceof org.springframework.data.mongodb.core.MongoTemplate template)) {
				return new Found(null, "MongoOperations", "is a MongoOperations that is not a MongoTemplate",
						"Pass the MongoTemplate, or its MongoDatabase (template.getDb()).");
			}
			var factory = template.getMongoDatabaseFactory();
			MongoDatabase database = template.getDb();
			return new Found(new MongoConnection(database, factory::getMongoDatabase,
					() -> factory.getSession(ClientSessionOptions.builder().causallyConsistent(true).build())),
					"MongoTemplate on database '" + database.getName() + "'", null, null);
		}

	}

}
