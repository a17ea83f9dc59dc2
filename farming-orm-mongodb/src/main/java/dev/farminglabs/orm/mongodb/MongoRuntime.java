package dev.farminglabs.orm.mongodb;

import java.util.Objects;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;

/**
 * A synchronous {@link MongoClient} with the database the models live in (models with a namespace live in the
 * database of that name on the same client). A {@code MongoClient} does not know a database of its own, so pass it
 * with one: {@code MongoRuntime.of(client, "app")}, or with the connection string it was created from
 * ({@code mongodb://host/app}).
 *
 * @param client the application's client
 * @param database the database of models without a namespace
 */
public record MongoRuntime(MongoClient client, String database) {

	public MongoRuntime {
		Objects.requireNonNull(client, "client");
		Objects.requireNonNull(database, "database");
		if (database.isBlank()) {
			throw new IllegalArgumentException("database must not be blank");
		}
	}

	/** The client with the named database. */
	public static MongoRuntime of(MongoClient client, String database) {
		return new MongoRuntime(client, database);
	}

	/**
	 * The client with the database its connection string names.
	 * @throws IllegalArgumentException when the connection string names no database
	 */
	public static MongoRuntime of(MongoClient client, ConnectionString connectionString) {
		String database = connectionString.getDatabase();
		if (database == null) {
			throw new IllegalArgumentException("The connection string names no database (mongodb://host/<database>); "
					+ "pass the database name: MongoRuntime.of(client, \"app\")");
		}
		return new MongoRuntime(client, database);
	}

	@Override
	public String toString() {
		return "MongoRuntime[database=" + this.database + "]";
	}

}
