package dev.farminglabs.orm.mongodb.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.farminglabs.orm.client.DriverHandle;
import dev.farminglabs.orm.schema.ModelDefinition;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * What a driver works on: the database of the models without a namespace, how to reach the database of a namespace
 * (another database of the same client) and to start a client session, when the raw client allows it, the driver
 * handle, and the collections known to exist.
 */
public final class MongoConnection {

	private final MongoDatabase database;

	private final @Nullable Function<String, MongoDatabase> namespaces;

	private final @Nullable Supplier<ClientSession> sessions;

	private final Set<String> existingCollections = ConcurrentHashMap.newKeySet();

	private @Nullable DriverHandle handle;

	private @Nullable MongoErrors errors;

	/**
	 * @param database the database of models without a namespace
	 * @param namespaces the database of a namespace, or {@code null} when the client reaches only one database
	 * @param sessions starts a client session, or {@code null} when the client cannot start one
	 */
	public MongoConnection(MongoDatabase database, @Nullable Function<String, MongoDatabase> namespaces,
			@Nullable Supplier<ClientSession> sessions) {
		this.database = Objects.requireNonNull(database, "database");
		this.namespaces = namespaces;
		this.sessions = sessions;
	}

	/** The handle of the server, once probed. */
	public @Nullable DriverHandle probed() {
		return this.handle;
	}

	/** Remembers what the server is, so that a driver created on this connection does not ask again. */
	public void init(DriverHandle handle) {
		this.handle = handle;
		this.errors = new MongoErrors(handle.dialect());
	}

	/** The database of models without a namespace. */
	public MongoDatabase database() {
		return this.database;
	}

	/** Whether other databases of the client can be reached. */
	public boolean reachesNamespaces() {
		return this.namespaces != null;
	}

	/** Whether client sessions can be started. */
	public boolean startsSessions() {
		return this.sessions != null;
	}

	DriverHandle handle() {
		return Objects.requireNonNull(this.handle, "handle");
	}

	MongoErrors errors() {
		return Objects.requireNonNull(this.errors, "errors");
	}

	ClientSession startSession() {
		return Objects.requireNonNull(this.sessions, "sessions").get();
	}

	MongoDatabase databaseOf(ModelDefinition model) {
		String namespace = model.namespace();
		if (namespace == null) {
			return this.database;
		}
		return Objects.requireNonNull(this.namespaces, "namespaces").apply(namespace);
	}

	MongoCollection<Document> collection(ModelDefinition model) {
		return databaseOf(model).getCollection(model.table());
	}

	MongoCollection<Document> sequences(ModelDefinition model) {
		return databaseOf(model).getCollection(MongoNames.SEQUENCES);
	}

	/** Whether the collection is known to exist; only positive answers are remembered. */
	boolean knownToExist(ModelDefinition model) {
		return this.existingCollections.contains(model.qualifiedTable());
	}

	void rememberExists(ModelDefinition model) {
		this.existingCollections.add(model.qualifiedTable());
	}

}
