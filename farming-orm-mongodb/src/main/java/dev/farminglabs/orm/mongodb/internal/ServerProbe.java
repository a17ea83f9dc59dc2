package dev.farminglabs.orm.mongodb.internal;

import java.time.temporal.ChronoUnit;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import dev.farminglabs.orm.capability.Capabilities;
import dev.farminglabs.orm.capability.NativeRelations;
import dev.farminglabs.orm.capability.Returning;
import dev.farminglabs.orm.capability.ReturningMode;
import dev.farminglabs.orm.capability.UpsertSupport;
import dev.farminglabs.orm.client.DriverHandle;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * What the server is, asked once when a driver is created: {@code hello} (or {@code isMaster} on servers that do not
 * know {@code hello}, such as older ones and mongo-java-server), and {@code buildInfo} for the version. Transactions
 * need a replica set or a sharded cluster that has logical sessions, and a raw client that can start a session.
 */
public final class ServerProbe {

	/** The dialect name of every MongoDB server. */
	public static final String DIALECT = "mongodb";

	private ServerProbe() {
	}

	/** The driver handle for the connection's server. */
	public static DriverHandle probe(MongoConnection connection) {
		MongoDatabase admin = connection.database();
		Document hello = hello(admin);
		boolean replicaSet = hello.get("setName") != null;
		boolean sharded = "isdbgrid".equals(hello.get("msg"));
		boolean sessions = hello.get("logicalSessionTimeoutMinutes") != null;
		boolean transactions = (replicaSet || sharded) && sessions && connection.startsSessions();
		String version = version(admin);
		Capabilities capabilities = capabilities(transactions, connection.reachesNamespaces());
		return new DriverHandle(MongoNames.KIND, DIALECT, version, capabilities);
	}

	/** The capabilities of a MongoDB server with or without transactions. */
	public static Capabilities capabilities(boolean transactions, boolean namespaces) {
		return Capabilities.builder()
			.supportsTransactions(transactions)
			.supportsSchemaNamespaces(namespaces)
			.supportsTransactionalDdl(false)
			.supportsJoin(false)
			.nativeRelationLoading(false)
			.nativeRelations(NativeRelations.none())
			.upsert(UpsertSupport.NATIVE)
			.returning(Returning.all())
			.returningMode(ReturningMode.NATIVE)
			.datetimePrecision(ChronoUnit.MILLIS)
			.maxBatchSize(1000)
			.supportsForeignKeys(false)
			.build();
	}

	private static Document hello(MongoDatabase database) {
		try {
			return database.runCommand(new Document("hello", 1));
		}
		catch (MongoCommandException ex) {
			// "no such command": servers before 4.4.2 (and mongo-java-server) answer isMaster only.
			return database.runCommand(new Document("isMaster", 1));
		}
	}

	private static @Nullable String version(MongoDatabase database) {
		try {
			Object version = database.runCommand(new Document("buildInfo", 1)).get("version");
			return (version != null) ? "MongoDB " + version : null;
		}
		catch (MongoCommandException ex) {
			return null;
		}
	}

}
