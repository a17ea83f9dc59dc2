package dev.farminglabs.orm.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OperationObserver;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.OrmOptions;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.error.RuntimeSetupException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.tck.FrameworkStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Boot users expect of a starter: lazy initialisation does not skip push-schema, an application's own client
 * is covered, {@code farming.orm.enabled}, push-schema per schema, validate-schema with its failure analysis,
 * options customisers, resource descriptions, and failure analyses and health details that show the error code.
 */
class FarmingOrmStarterConventionsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FarmingOrmAutoConfiguration.class,
				FarmingOrmEndpointAutoConfiguration.class, FarmingOrmHealthContributorAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=farmingorm");

	@Test
	void lazyInitialisationStillPushesTheSchemaAtStartup() {
		this.contextRunner
			.withInitializer((context) -> context.addBeanFactoryPostProcessor(
					new LazyInitializationBeanFactoryPostProcessor()))
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().getBeanDefinition("dataSource").isLazyInit()).isTrue();
				// Nothing asked for the client: the tables exist because it was created eagerly all the same.
				assertThat(tableCount(context.getBean(DataSource.class), "AUDIT_LOGS")).isEqualTo(1);
				assertThat(context.getBean(FarmingOrmEndpoint.class).schemas().schemas())
					.containsOnlyKeys("frameworkSchema");
				assertThat(context.getBean(FarmingOrmHealthIndicator.class).health(true).getStatus())
					.isEqualTo(Status.UP);
			});
	}

	@Test
	void anApplicationsOwnClientIsPushedAndCoveredByTheEndpointAndHealth() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class, FarmingOrmAutoConfigurationTests.UserClientConfiguration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(OrmClient.class);
				FarmingOrmClients.SchemaClient entry = context.getBean(FarmingOrmClients.class)
					.client("frameworkSchema")
					.orElseThrow();
				assertThat(entry.userDefined()).isTrue();
				assertThat(entry.clientBeanName()).isEqualTo("myClient");
				assertThat(entry.client()).isSameAs(context.getBean("myClient"));
				assertThat(entry.lastPush()).isNotNull();
				new FrameworkStore(context.getBean(OrmClient.class)).putKvItem("ns", "k", Map.of("v", 1));
				FarmingOrmEndpoint.SchemaDescriptor described = context.getBean(FarmingOrmEndpoint.class)
					.schema("frameworkSchema");
				assertThat(described).isNotNull();
				assertThat(described.client()).isEqualTo("myClient");
				assertThat(described.applicationClient()).isTrue();
				assertThat(context.getBean(FarmingOrmHealthIndicator.class).health(true).getStatus())
					.isEqualTo(Status.UP);
				assertThat(new FarmingOrmDatabaseInitializerDetector().detect(context.getBeanFactory()))
					.containsExactly("myClient");
			});
	}

	@Test
	void anApplicationsOwnClientOfASchemaThatIsNoBeanIsReportedWithTheReason() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class, UserNotesClientConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(FarmingOrmClients.class).uncovered()).containsOnlyKeys("myNotesClient");
				assertThat(context.getBean(FarmingOrmClients.class).uncovered().get("myNotesClient"))
					.contains("'notes' is not a FrameworkSchema bean");
				assertThat(context.getBean(FarmingOrmEndpoint.class).schemas().uncovered())
					.containsKey("myNotesClient");
			});
	}

	@Test
	void farmingOrmEnabledFalseTurnsClientsEndpointAndHealthOff() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.enabled=false", "farming.orm.push-schema=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OrmClient.class)
				.doesNotHaveBean(FarmingOrmClients.class)
				.doesNotHaveBean(FarmingOrmEndpoint.class)
				.doesNotHaveBean(FarmingOrmHealthIndicator.class));
	}

	@Test
	void pushSchemaCanBeTurnedOnForOneSchemaOnly() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.TwoSchemasConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.schemas.notesSchema.push-schema=true")
			.run((context) -> {
				FarmingOrmClients clients = context.getBean(FarmingOrmClients.class);
				assertThat(clients.client("notesSchema").orElseThrow().lastPush()).isNotNull();
				assertThat(clients.client("frameworkSchema").orElseThrow().lastPush()).isNull();
				assertThat(new FarmingOrmDatabaseInitializerDetector().detect(context.getBeanFactory()))
					.containsExactly("notesSchemaOrmClient");
			});
	}

	@Test
	void pushSchemaCanBeTurnedOffForOneSchema() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.TwoSchemasConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.push-schema=true", "farming.orm.schemas.frameworkSchema.push-schema=false")
			.run((context) -> {
				FarmingOrmClients clients = context.getBean(FarmingOrmClients.class);
				assertThat(clients.client("notesSchema").orElseThrow().lastPush()).isNotNull();
				assertThat(clients.client("frameworkSchema").orElseThrow().lastPush()).isNull();
			});
	}

	@Test
	void validateSchemaFailsStartupWithAnAnalysisNamingWhatIsMissing() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.validate-schema=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new SchemaValidationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Schema 'framework' (bean 'frameworkSchema')")
					.contains("'dataSource' (jdbc/h2)")
					.contains("table audit_logs (model 'auditLog')")
					.contains("table kv_items (model 'kvItem')");
				assertThat(analysis.getAction()).contains("farming.orm.push-schema=true")
					.contains("farming.orm.schemas.frameworkSchema.push-schema=true")
					.contains("SqlRenderer");
			});
	}

	@Test
	void validateSchemaPassesOnAPushedSchema() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.push-schema=true", "farming.orm.validate-schema=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(OrmClient.class));
	}

	@Test
	void optionsCustomisersShapeTheOptionsOfEveryClient() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class, CountingCustomizerConfiguration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				OrmClient client = context.getBean(OrmClient.class);
				client.model("kvItem").create(Data.of("namespace", "n", "key", "k", "value", 1));
				client.model("kvItem").count();
				assertThat(context.getBean(CountingCustomizerConfiguration.class).operations).hasValue(2);
			});
	}

	@Test
	void registeredClientBeansCarryAResourceDescription() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.run((context) -> assertThat(
					context.getBeanFactory().getBeanDefinition("frameworkSchemaOrmClient").getResourceDescription())
				.isEqualTo("farming-orm client of FrameworkSchema bean 'frameworkSchema', registered by "
						+ FarmingOrmAutoConfiguration.class.getName()));
	}

	@Test
	void aFailedPushIsAnalysedWithTheErrorCodeItCarries() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					FarmingOrmAutoConfigurationTests.ReadOnlyDataSourceConfiguration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				RuntimeSetupException cause = (RuntimeSetupException) OrmErrors.find(context.getStartupFailure());
				assertThat(cause).isNotNull();
				FailureAnalysis analysis = new SchemaPushFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Error code: " + cause.code());
				assertThat(analysis.getAction()).contains("rights of the user").doesNotContainIgnoringCase("unsupported");
			});
	}

	@Test
	void aPushThatCouldNotConnectIsAnalysedAsAConnectionFailureNotAsUnsupported() {
		OrmException connection = OrmException.builder(OrmErrorCode.CONNECTION_FAILURE, "Connection refused").build();
		FailureAnalysis analysis = new SchemaPushFailureAnalyzer()
			.analyze(new IllegalStateException(new RuntimeSetupException(RuntimeSetupException.Stage.PUSH, "jdbc/h2",
					"CREATE TABLE t (id INT)", connection)));
		assertThat(analysis.getDescription()).contains("Error code: CONNECTION_FAILURE (retryable)")
			.doesNotContainIgnoringCase("unsupported");
		assertThat(analysis.getAction()).contains("reachable");
	}

	@Test
	void anOrmExceptionThatStopsStartupIsAnalysedWithItsCode() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class, WritesAtStartupConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new OrmExceptionFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("error code MISSING_TABLE").contains("Model: kvItem");
				assertThat(analysis.getAction()).contains("farming.orm.push-schema=true");
			});
	}

	@Test
	void healthShowsTheErrorCodeWhenTheRuntimeFails() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					FailingDataSourceConfiguration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				context.getBean(FailingDataSourceConfiguration.class).down.set(true);
				Health health = context.getBean(FarmingOrmHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				@SuppressWarnings("unchecked")
				Map<String, Object> details = (Map<String, Object>) health.getDetails().get("frameworkSchema");
				assertThat(details).containsEntry("code", "CONNECTION_FAILURE").containsEntry("retryable", true);
			});
	}

	private static int tableCount(DataSource dataSource, String table) {
		return new JdbcTemplate(dataSource).queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = ?", Integer.class, table);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserNotesClientConfiguration {

		@Bean
		OrmClient myNotesClient(DataSource dataSource) {
			return FarmingOrm.createOrmFromRuntime(TestConfigurations.notesSchema(), dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingCustomizerConfiguration {

		final AtomicInteger operations = new AtomicInteger();

		@Bean
		OrmOptionsCustomizer countingCustomizer() {
			return (options) -> new OrmOptions(new OperationObserver() {
				@Override
				public <R> R observe(OperationContext context, java.util.function.Supplier<R> operation) {
					CountingCustomizerConfiguration.this.operations.incrementAndGet();
					return options.observer().observe(context, operation);
				}
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WritesAtStartupConfiguration {

		@Bean
		InitializingBean writesAtStartup(OrmClient client) {
			return () -> client.model("kvItem").create(Data.of("namespace", "n", "key", "k", "value", 1));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingDataSourceConfiguration {

		final AtomicBoolean down = new AtomicBoolean();

		@Bean
		DataSource dataSource() {
			return new DelegatingDataSource(TestConfigurations.h2()) {
				@Override
				public Connection getConnection() throws SQLException {
					if (FailingDataSourceConfiguration.this.down.get()) {
						throw new SQLException("Connection refused", "08001");
					}
					return super.getConnection();
				}
			};
		}

	}


}
