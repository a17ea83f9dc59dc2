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
 * know {@code hello}, such as older ones and mongo-java-server), and {@code buildInfo} for the version and for
 * whether the server is mongo-java-server ({@link InProcess}). Transactions
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
		Document buildInfo = buildInfo(admin);
		Object versionNumber = buildInfo.get("version");
		@Nullable String version = (versionNumber != null) ? "MongoDB " + versionNumber : null;
		// MongoDB's buildInfo names the commit it was built from; mongo-java-server's does not.
		connection.mongoJavaServer(!buildInfo.containsKey("gitVersion"));
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

	private static Document buildInfo(MongoDatabase database) {
		try {
			return database.runCommand(new Document("buildInfo", 1));
		}
		catch (MongoCommandException ex) {
			return new Document();
		}
	}

}
