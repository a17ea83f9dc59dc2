package dev.farminglabs.orm.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of farming-orm in a Spring Boot application.
 */
@ConfigurationProperties("farming.orm")
public class FarmingOrmProperties {

	/**
	 * Whether to create the missing tables, columns and indexes of every schema when its client is created at
	 * startup. Off by default: production databases are usually migrated by Flyway or Liquibase.
	 */
	private boolean pushSchema;

	/**
	 * Runtime every schema runs on when the context has several supported clients: a bean name (as 'dataSource')
	 * or a runtime kind (as 'jdbc'). Not needed when the context has exactly one supported client.
	 */
	private @Nullable String runtime;

	/**
	 * Per-schema settings, keyed by the name of the FrameworkSchema bean.
	 */
	private Map<String, Schema> schemas = new LinkedHashMap<>();

	/**
	 * MongoDB settings.
	 */
	private final Mongodb mongodb = new Mongodb();

	public boolean isPushSchema() {
		return this.pushSchema;
	}

	public void setPushSchema(boolean pushSchema) {
		this.pushSchema = pushSchema;
	}

	public @Nullable String getRuntime() {
		return this.runtime;
	}

	public void setRuntime(@Nullable String runtime) {
		this.runtime = runtime;
	}

	public Map<String, Schema> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(Map<String, Schema> schemas) {
		this.schemas = schemas;
	}

	public Mongodb getMongodb() {
		return this.mongodb;
	}

	/**
	 * Settings of one schema.
	 */
	public static class Schema {

		/**
		 * Runtime this schema runs on: a bean name (as 'dataSource') or a runtime kind (as 'jdbc'). Overrides
		 * farming.orm.runtime for this schema.
		 */
		private @Nullable String runtime;

		public @Nullable String getRuntime() {
			return this.runtime;
		}

		public void setRuntime(@Nullable String runtime) {
			this.runtime = runtime;
		}

	}

	/**
	 * MongoDB settings, used when the context has a MongoClient but no MongoTemplate.
	 */
	public static class Mongodb {

		/**
		 * Database the models live in on the context's MongoClient. Defaults to spring.mongodb.database, then to the
		 * database of spring.mongodb.uri, then to 'test', as Spring Boot's own MongoDB auto-configuration does.
		 */
		private @Nullable String database;

		public @Nullable String getDatabase() {
			return this.database;
		}

		public void setDatabase(@Nullable String database) {
			this.database = database;
		}

	}

}
