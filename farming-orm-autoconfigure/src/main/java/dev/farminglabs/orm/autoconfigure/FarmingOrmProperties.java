package dev.farminglabs.orm.autoconfigure;

import java.time.Duration;
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
	 * Whether to enable farming-orm's auto-configuration: clients, push-schema, endpoint and health indicator.
	 */
	private boolean enabled = true;

	/**
	 * Whether to create the missing tables, columns and indexes of every schema when its client is created at
	 * startup. Off by default: production databases are usually migrated by Flyway or Liquibase.
	 */
	private boolean pushSchema;

	/**
	 * Whether to check at startup that every table, column and index of every schema exists, and to fail startup
	 * naming what is missing otherwise (the counterpart of ddl-auto=validate). Runs after push-schema.
	 */
	private boolean validateSchema;

	/**
	 * Runtime every schema runs on when the context has several supported clients: a bean name (as 'dataSource')
	 * or a runtime kind (as 'jdbc'). Not needed when the context has exactly one supported client.
	 */
	private @Nullable String runtime;

	/**
	 * Maximum time one statement may take before the operation fails with TIMEOUT; also bounds how long a call
	 * waits on a server that stopped answering. Applied to every statement as its query timeout (rounded up to whole
	 * seconds). Not set by default: the database's and the pool's own timeouts apply.
	 */
	private @Nullable Duration operationTimeout;

	/**
	 * Per-schema settings, keyed by the name of the FrameworkSchema bean.
	 */
	private Map<String, Schema> schemas = new LinkedHashMap<>();

	private final ProblemDetails problemDetails = new ProblemDetails();

	private final Redis redis = new Redis();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isValidateSchema() {
		return this.validateSchema;
	}

	public void setValidateSchema(boolean validateSchema) {
		this.validateSchema = validateSchema;
	}

	public ProblemDetails getProblemDetails() {
		return this.problemDetails;
	}

	/** Whether push-schema is on for a schema bean: its own setting, else the global one. */
	public boolean pushSchema(String schemaBeanName) {
		Schema schema = this.schemas.get(schemaBeanName);
		return (schema != null && schema.getPushSchema() != null) ? schema.getPushSchema() : this.pushSchema;
	}

	/** Whether validate-schema is on for a schema bean: its own setting, else the global one. */
	public boolean validateSchema(String schemaBeanName) {
		Schema schema = this.schemas.get(schemaBeanName);
		return (schema != null && schema.getValidateSchema() != null) ? schema.getValidateSchema()
				: this.validateSchema;
	}
	/**
	 * MongoDB settings.
	 */
	private final Mongodb mongodb = new Mongodb();

	public @Nullable Duration getOperationTimeout() {
		return this.operationTimeout;
	}

	public void setOperationTimeout(@Nullable Duration operationTimeout) {
		this.operationTimeout = operationTimeout;
	}

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

	public Redis getRedis() {
		return this.redis;
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

		/**
		 * Whether to push this schema at startup. Overrides farming.orm.push-schema for this schema.
		 */
		private @Nullable Boolean pushSchema;

		/**
		 * Whether to validate this schema at startup. Overrides farming.orm.validate-schema for this schema.
		 */
		private @Nullable Boolean validateSchema;

		public @Nullable String getRuntime() {
			return this.runtime;
		}

		public void setRuntime(@Nullable String runtime) {
			this.runtime = runtime;
		}

		public @Nullable Boolean getPushSchema() {
			return this.pushSchema;
		}

		public void setPushSchema(@Nullable Boolean pushSchema) {
			this.pushSchema = pushSchema;
		}

		public @Nullable Boolean getValidateSchema() {
			return this.validateSchema;
		}

		public void setValidateSchema(@Nullable Boolean validateSchema) {
			this.validateSchema = validateSchema;
		}

	}

	/**
	 * Answers of a web application to an {@code OrmException} a controller lets through.
	 */
	public static class ProblemDetails {

		/**
		 * Whether to answer an OrmException that reaches Spring MVC with an RFC 9457 problem detail: 400 for
		 * VALIDATION_ERROR and NOT_NULL_VIOLATION, 409 for unique and foreign-key violations and transaction
		 * conflicts, 503 for connection failures and timeouts, 500 otherwise; the message is a fixed, client-safe
		 * text per code (no SQL, no values).
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The Redis runtime.
	 */
	public static class Redis {

		/**
		 * Prefix of every key farming-orm keeps in Redis (the first part of each model's hash tag), so several
		 * applications can share one server: letters, digits, '.', '_', '-' and ':'.
		 */
		private String keyPrefix = "farming";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
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

	/**
	 * DynamoDB settings.
	 */
	private final Dynamodb dynamodb = new Dynamodb();

	public Dynamodb getDynamodb() {
		return this.dynamodb;
	}

	/**
	 * DynamoDB settings, applied to the context's DynamoDbClient.
	 */
	public static class Dynamodb {

		/**
		 * Prefix of every table farming-orm creates and uses in DynamoDB (model tables and the lock table), so
		 * several applications can share one account and region: letters, digits, '_', '.' and '-'.
		 */
		private String tablePrefix = "";

		public String getTablePrefix() {
			return this.tablePrefix;
		}

		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

	}

}
