package dev.farminglabs.orm.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.jdbc.JdbcDriverProvider;
import dev.farminglabs.orm.memory.MemoryDatabase;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.tck.FrameworkModels;
import dev.farminglabs.orm.tck.FrameworkStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FarmingOrmAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FarmingOrmAutoConfiguration.class));

	@Test
	void withoutASchemaBeanNoClientIsCreated() {
		this.contextRunner.withUserConfiguration(TestConfigurations.H2Configuration.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(OrmClient.class));
	}

	@Test
	void oneSchemaOnOneDataSourceGetsAClientNamedAfterTheSchemaBeanInjectableByType() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(OrmClient.class).hasBean("frameworkSchemaOrmClient");
				OrmClient client = context.getBean(OrmClient.class);
				assertThat(client).isSameAs(context.getBean("frameworkSchemaOrmClient"));
				assertThat(client.driver().kind()).isEqualTo("jdbc");
				assertThat(client.driver().dialect()).isEqualTo("h2");
				FrameworkStore store = new FrameworkStore(client);
				store.saveFrameworkState("tenant-1", Map.of("step", 2));
				assertThat(store.getFrameworkState("tenant-1")).hasValueSatisfying(
						(row) -> assertThat(row.get("scope")).isEqualTo("tenant-1"));
			});
	}

	@Test
	void theDataSourceOfBootsOwnAutoConfigurationIsUsed() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class)
			.withPropertyValues("spring.datasource.generate-unique-name=true", "farming.orm.push-schema=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(OrmClient.class);
				FrameworkStore store = new FrameworkStore(context.getBean(OrmClient.class));
				store.putKvItem("ns", "k", Map.of("v", 1));
				assertThat(context.getBean(FarmingOrmClients.class).client("frameworkSchema"))
					.hasValueSatisfying((entry) -> assertThat(entry.runtimeBeanName()).isEqualTo("dataSource"));
			});
	}

	@Test
	void twoSchemasGetTwoClients() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.TwoSchemasConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				assertThat(context).getBeans(OrmClient.class)
					.containsOnlyKeys("frameworkSchemaOrmClient", "notesSchemaOrmClient");
				OrmClient notes = context.getBean("notesSchemaOrmClient", OrmClient.class);
				assertThat(notes.schema().name()).isEqualTo("notes");
				notes.model("note").create(Map.of("text", "hello"));
				assertThat(notes.model("note").count()).isEqualTo(1);
				assertThat(context.getBean("frameworkSchemaOrmClient", OrmClient.class).schema())
					.isSameAs(FrameworkModels.FRAMEWORK);
			});
	}

	@Test
	void twoDataSourcesWithoutThePropertyFailWithAnAnalysisThatNamesThePropertyToSet() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.TwoDataSourcesConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("frameworkSchema")
					.contains("several supported clients")
					.contains("'mainDataSource' (jdbc: DataSource")
					.contains("'reportingDataSource' (jdbc: DataSource");
				assertThat(analysis.getAction()).contains("farming.orm.runtime")
					.contains("farming.orm.schemas.frameworkSchema.runtime")
					.contains("'mainDataSource'")
					.contains("'reportingDataSource'");
			});
	}

	@Test
	void theRuntimePropertyPicksOneOfSeveralDataSources() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.TwoDataSourcesConfiguration.class)
			.withPropertyValues("farming.orm.runtime=reportingDataSource")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(OrmClient.class);
				assertThat(context.getBean(FarmingOrmClients.class).client("frameworkSchema").orElseThrow().runtime())
					.isSameAs(context.getBean("reportingDataSource"));
			});
	}

	@Test
	void theSchemaPropertyPicksTheRuntimeOfOneSchemaAndOverridesTheGlobalOne() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.TwoSchemasConfiguration.class,
					TestConfigurations.TwoDataSourcesConfiguration.class)
			.withPropertyValues("farming.orm.runtime=mainDataSource",
					"farming.orm.schemas.notesSchema.runtime=reportingDataSource", "farming.orm.push-schema=true")
			.run((context) -> {
				FarmingOrmClients clients = context.getBean(FarmingOrmClients.class);
				assertThat(clients.client("frameworkSchema").orElseThrow().runtimeBeanName())
					.isEqualTo("mainDataSource");
				assertThat(clients.client("notesSchema").orElseThrow().runtimeBeanName())
					.isEqualTo("reportingDataSource");
			});
	}

	@Test
	void aPropertyThatNamesNoSupportedClientFailsWithTheCandidates() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.TwoDataSourcesConfiguration.class)
			.withPropertyValues("farming.orm.runtime=archiveDataSource")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("'archiveDataSource'").contains("'mainDataSource'");
				assertThat(analysis.getAction()).contains("farming.orm.runtime");
			});
	}

	@Test
	void aPrimaryDataSourceIsChosenAmongSeveral() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					PrimaryDataSourceConfiguration.class)
			.run((context) -> assertThat(context.getBean(FarmingOrmClients.class)
				.client("frameworkSchema")
				.orElseThrow()
				.runtimeBeanName()).isEqualTo("primaryDataSource"));
	}

	@Test
	void aUserDefinedOrmClientBacksTheAutoConfigurationOff() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class, UserClientConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(OrmClient.class);
				assertThat(context.getBean(OrmClient.class)).isSameAs(context.getBean("myClient"));
			});
	}

	@Test
	void aUserDefinedOrmClientWithTheSameNameReplacesOnlyThatSchemasClient() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.TwoSchemasConfiguration.class,
					TestConfigurations.H2Configuration.class, UserNotesClientConfiguration.class)
			.run((context) -> {
				assertThat(context).getBeans(OrmClient.class)
					.containsOnlyKeys("frameworkSchemaOrmClient", "notesSchemaOrmClient");
				assertThat(context.getBean(FarmingOrmClients.class).client("notesSchema")).hasValueSatisfying(
						(entry) -> {
							assertThat(entry.userDefined()).isTrue();
							assertThat(entry.client()).isSameAs(context.getBean("notesSchemaOrmClient"));
						});
			});
	}

	@Test
	void withPushSchemaOnTheTablesExistBeforeTheClientIsUsed() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				FarmingOrmClients.SchemaClient entry = context.getBean(FarmingOrmClients.class)
					.client("frameworkSchema")
					.orElseThrow();
				assertThat(entry.lastPush()).isNotNull();
				assertThat(entry.lastPush().describe()).startsWith("created 7 tables");
				assertThat(context.getBean(OrmClient.class).model("auditLog").count()).isZero();
			});
	}

	@Test
	void aClockBeanGivesTheTimeOfDefaultNowFields() {
		Instant fixed = Instant.parse("2024-03-31T02:30:00Z");
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withBean(Clock.class, () -> Clock.fixed(fixed, ZoneOffset.UTC))
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				Row state = context.getBean(OrmClient.class)
					.model("frameworkState")
					.create(Map.of("scope", "clock", "state", Map.of("pinned", true)));
				assertThat(state.getInstant("updatedAt")).isEqualTo(fixed);
			});
	}

	@Test
	void withPushSchemaOffNoTableIsCreated() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.run((context) -> {
				assertThat(context.getBean(FarmingOrmClients.class).client("frameworkSchema").orElseThrow().lastPush())
					.isNull();
				assertThatThrownBy(() -> context.getBean(OrmClient.class).model("auditLog").count())
					.isInstanceOfSatisfying(OrmException.class,
							(ex) -> assertThat(ex.code()).isEqualTo(OrmErrorCode.MISSING_TABLE));
			});
	}

	@Test
	void aFailedPushStopsStartupAndNamesTheStatement() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					ReadOnlyDataSourceConfiguration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isNotNull();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Statement: CREATE");
				assertThat(analysis.getAction()).contains("farming.orm.push-schema=false");
			});
	}

	@Test
	void aDataSourceWithoutTheJdbcDriverModuleFailsNamingTheModuleToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JdbcDriverProvider.class))
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("no supported client")
					.contains("'dataSource' (DataSource")
					.contains("dev.farminglabs:farming-orm-jdbc");
				assertThat(analysis.getAction()).isEqualTo("Add dev.farminglabs:farming-orm-jdbc to the application's dependencies.");
			});
	}

	@Test
	void noClientAtAllFailsSayingWhichBeansWouldWork() {
		this.contextRunner.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("no supported client was found");
				assertThat(analysis.getAction()).contains("a DataSource (spring-boot-starter-jdbc")
					.contains("dev.farminglabs:farming-orm-jdbc (present)")
					.contains("a MongoTemplate")
					.contains("a RedisConnectionFactory")
					.contains("a DynamoDbClient");
			});
	}

	@Test
	void pushingClientsAreDeclaredAsDatabaseInitializers() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> assertThat(
					new FarmingOrmDatabaseInitializerDetector().detect(context.getBeanFactory()))
				.containsExactly("frameworkSchemaOrmClient"));
	}

	@Test
	void aThirdPartyDriverOnTheClassPathIsPickedUpLikeTheProjectsOwn() {
		this.contextRunner.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class)
			.withBean("store", ThirdPartyDriverProvider.Store.class,
					() -> new ThirdPartyDriverProvider.Store(new MemoryDatabase()))
			.withPropertyValues("farming.orm.push-schema=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(OrmClient.class);
				FrameworkStore store = new FrameworkStore(context.getBean(OrmClient.class));
				store.saveFrameworkState("tenant-1", Map.of("step", 1));
				assertThat(store.getFrameworkState("tenant-1")).isPresent();
				assertThat(context.getBean(ThirdPartyDriverProvider.Store.class).database().tableNames())
					.contains("framework_state");
			});
	}

	@Test
	void aThirdPartyClientIsACandidateBesideADataSource() {
		this.contextRunner
			.withUserConfiguration(TestConfigurations.FrameworkSchemaConfiguration.class,
					TestConfigurations.H2Configuration.class)
			.withBean("store", ThirdPartyDriverProvider.Store.class,
					() -> new ThirdPartyDriverProvider.Store(new MemoryDatabase()))
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("several supported clients")
					.contains("'store' (thirdparty: Store")
					.contains("(jdbc: DataSource");
			});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new OrmRuntimeSelectionFailureAnalyzer().analyze(failure);
		if (analysis == null) {
			analysis = new SchemaPushFailureAnalyzer().analyze(failure);
		}
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryDataSourceConfiguration {

		@Bean
		@Primary
		DataSource primaryDataSource() {
			return TestConfigurations.h2();
		}

		@Bean
		DataSource secondaryDataSource() {
			return TestConfigurations.h2();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReadOnlyDataSourceConfiguration {

		/** A database whose user may read but not create tables. */
		@Bean
		DataSource dataSource() {
			DriverManagerDataSource admin = (DriverManagerDataSource) TestConfigurations.h2();
			new JdbcTemplate(admin).execute("CREATE USER reader PASSWORD 'reader'");
			// Settings in the URL need admin rights: the database is already open and kept.
			return new DriverManagerDataSource(admin.getUrl().replace(";DB_CLOSE_DELAY=-1", ""), "reader", "reader");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		@Bean
		OrmClient myClient(FrameworkSchema schema, DataSource dataSource) {
			return FarmingOrm.createOrmFromRuntime(schema, dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserNotesClientConfiguration {

		@Bean
		OrmClient notesSchemaOrmClient(DataSource dataSource) {
			return FarmingOrm.createOrmFromRuntime(TestConfigurations.notesSchema(), dataSource);
		}

	}

}
