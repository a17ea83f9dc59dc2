package dev.farminglabs.orm.autoconfigure;

import java.util.List;

/**
 * A kind of raw client the auto-configuration builds {@code OrmClient}s on: the client type it looks for in the
 * context, the driver module that runs it, and the Spring Boot starter that usually provides such a bean. The active
 * types come from the {@code DriverProvider}s on the class path ({@code DriverProvider.beanTypes()}) and from
 * {@code OrmRuntimeType} beans; the project's own drivers are {@link #KNOWN} by name, not loaded, for the wording of
 * candidates and for hints when a driver module is missing.
 *
 * @param kind the runtime kind, as {@code jdbc}
 * @param clientClassName the bean type looked for, as {@code javax.sql.DataSource}
 * @param driverProviderClassName the driver module's {@code DriverProvider}
 * @param module the driver module's coordinates
 * @param starter what usually provides such a bean
 */
public record OrmRuntimeType(String kind, String clientClassName, String driverProviderClassName, String module,
		String starter) {

	static final OrmRuntimeType JDBC = new OrmRuntimeType("jdbc", "javax.sql.DataSource",
			"dev.farminglabs.orm.jdbc.JdbcDriverProvider", "dev.farminglabs:farming-orm-jdbc",
			"a DataSource (spring-boot-starter-jdbc, spring-boot-starter-data-jpa or your own @Bean)");

	static final OrmRuntimeType MONGODB = new OrmRuntimeType("mongodb",
			"org.springframework.data.mongodb.core.MongoTemplate",
			"dev.farminglabs.orm.mongodb.MongoDriverProvider", "dev.farminglabs:farming-orm-mongodb",
			"a MongoTemplate (spring-boot-starter-data-mongodb)");

	/** A MongoClient without a MongoTemplate, as the {@code MongoRuntime} bean this auto-configuration makes of it. */
	static final OrmRuntimeType MONGODB_CLIENT = new OrmRuntimeType("mongodb", "dev.farminglabs.orm.mongodb.MongoRuntime",
			"dev.farminglabs.orm.mongodb.MongoDriverProvider", "dev.farminglabs:farming-orm-mongodb",
			"a MongoClient (spring-boot-starter-mongodb) with farming.orm.mongodb.database");

	static final OrmRuntimeType REDIS = new OrmRuntimeType("redis",
			"org.springframework.data.redis.connection.RedisConnectionFactory",
			"dev.farminglabs.orm.redis.RedisDriverProvider", "dev.farminglabs:farming-orm-redis",
			"a RedisConnectionFactory (spring-boot-starter-data-redis)");

	static final OrmRuntimeType DYNAMODB = new OrmRuntimeType("dynamodb",
			"software.amazon.awssdk.services.dynamodb.DynamoDbClient",
			"dev.farminglabs.orm.dynamodb.DynamoDbDriverProvider", "dev.farminglabs:farming-orm-dynamodb",
			"a DynamoDbClient (io.awspring.cloud:spring-cloud-aws-starter-dynamodb or your own @Bean)");

	/** The project's drivers, named for descriptions and for hints about missing driver modules. */
	static final List<OrmRuntimeType> KNOWN = List.of(JDBC, MONGODB, REDIS, DYNAMODB);

}
