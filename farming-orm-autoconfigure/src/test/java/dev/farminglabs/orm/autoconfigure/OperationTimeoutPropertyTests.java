package dev.farminglabs.orm.autoconfigure;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.query.Data;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code farming.orm.operation-timeout} bounds every statement of the auto-configured clients. */
class OperationTimeoutPropertyTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FarmingOrmAutoConfiguration.class))
		.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class, PostgresqlConfiguration.class)
		.withPropertyValues("farming.orm.push-schema=true");

	@Test
	void aStatementWaitingLongerThanTheOperationTimeoutFailsWithTimeout() {
		this.contextRunner.withPropertyValues("farming.orm.operation-timeout=1s").run((context) -> {
			assertThat(context.getBean(FarmingOrmProperties.class).getOperationTimeout()).hasSeconds(1);
			OrmClient orm = context.getBean(OrmClient.class);
			orm.model("kvItem").create(Data.of("namespace", "n", "key", "k", "value", 1));
			try (Connection locker = context.getBean(DataSource.class).getConnection()) {
				locker.setAutoCommit(false);
				try (Statement statement = locker.createStatement()) {
					statement.executeUpdate("UPDATE kv_items SET version = 2");
				}
				OrmException error = catchThrowableOfType(OrmException.class,
						() -> orm.model("kvItem").updateMany((u) -> u.where("key", "k").set("version", 3)));
				assertThat(error.code()).as(error.getMessage()).isEqualTo(OrmErrorCode.TIMEOUT);
				assertThat(error.retryable()).isTrue();
				assertThat(error.inDoubt()).isFalse();
				// query_canceled: the configured timeout cancelled the statement, not a lock or socket timeout.
				assertThat(error.originalCode()).as(error.getMessage()).isEqualTo("57014");
				locker.rollback();
			}
			finally {
				new JdbcTemplate(context.getBean(DataSource.class)).execute("DROP SCHEMA " + SCHEMA + " CASCADE");
			}
		});
	}

	static final String SCHEMA = "timeout_" + UUID.randomUUID().toString().replace("-", "");

	/**
	 * PostgreSQL in a schema of its own; PostgreSQL waits for a lock until the statement is cancelled, so only the
	 * operation timeout can end the wait.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PostgresqlConfiguration {

		@Bean
		DataSource dataSource() {
			String url = PostgresqlEndToEndTests.URL;
			new JdbcTemplate(new DriverManagerDataSource(url, PostgresqlEndToEndTests.USER, ""))
				.execute("CREATE SCHEMA " + SCHEMA);
			return new DriverManagerDataSource(url + "?currentSchema=" + SCHEMA, PostgresqlEndToEndTests.USER, "");
		}

	}

}
