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
	 * Maximum time one statement may take before the operation fails with TIMEOUT; also bounds how long a call
	 * waits on a server that stopped answering. Applied to every statement as its query timeout (rounded up to whole
	 * seconds). Not set by default: the database's and the pool's own timeouts apply.
	 */
	private @Nullable Duration operationTimeout;

	/**
	 * Per-schema settings, keyed by the name of the FrameworkSchema bean.
	 */
	private Map<String, Schema> schemas = new LinkedHashMap<>();

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

	public Map<String, Schema> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(Map<String, Schema> schemas) {
		this.schemas = schemas;
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

}
