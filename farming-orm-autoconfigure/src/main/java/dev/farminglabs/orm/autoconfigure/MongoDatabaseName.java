package dev.farminglabs.orm.autoconfigure;

import com.mongodb.ConnectionString;

import org.springframework.core.env.Environment;

/**
 * The database farming-orm uses on a {@code MongoClient} bean: {@code farming.orm.mongodb.database}, else the one
 * Spring Boot's MongoDB auto-configuration would use ({@code spring.mongodb.database}, the database of
 * {@code spring.mongodb.uri}, {@code test}).
 */
final class MongoDatabaseName {

	private MongoDatabaseName() {
	}

	static String resolve(FarmingOrmProperties properties, Environment environment) {
		String database = properties.getMongodb().getDatabase();
		if (hasText(database)) {
			return database;
		}
		database = environment.getProperty("spring.mongodb.database");
		if (hasText(database)) {
			return database;
		}
		String uri = environment.getProperty("spring.mongodb.uri");
		if (hasText(uri)) {
			String fromUri = new ConnectionString(uri).getDatabase();
			if (hasText(fromUri)) {
				return fromUri;
			}
		}
		return "test";
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
