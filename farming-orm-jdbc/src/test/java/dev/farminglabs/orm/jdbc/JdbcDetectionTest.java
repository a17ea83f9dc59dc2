package dev.farminglabs.orm.jdbc;

import static dev.farminglabs.orm.schema.SchemaDsl.id;
import static dev.farminglabs.orm.schema.SchemaDsl.model;
import static dev.farminglabs.orm.schema.SchemaDsl.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.farminglabs.orm.FarmingOrm;
import dev.farminglabs.orm.client.OrmClient;
import dev.farminglabs.orm.client.Row;
import dev.farminglabs.orm.error.RuntimeSetupException;
import dev.farminglabs.orm.query.Data;
import dev.farminglabs.orm.runtime.DetectedRuntime;
import dev.farminglabs.orm.runtime.RuntimeCandidate;
import dev.farminglabs.orm.runtime.RuntimeInspection;
import dev.farminglabs.orm.schema.FrameworkSchema;
import dev.farminglabs.orm.setup.SchemaSetup;
import dev.farminglabs.orm.tck.TckBackend;
import jakarta.persistence.EntityManagerFactory;
import org.aopalliance.intercept.MethodInterceptor;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Runtime detection on every JDBC client an application may have, each built with the real library: the inspection
 * names the runtime, dialect and server version, and a client created from the same object creates and finds a row
 * in the database behind it. Unusable clients give an inspection with a hint, never an exception.
 */
class JdbcDetectionTest {

	static final FrameworkSchema SCHEMA = FrameworkSchema.builder("detection")
		.model("note", model("detection_notes").field("id", id()).field("title", string().unique()))
		.build();

	/** Inspects a client and checks that it was detected as the dialect, reached as the source says. */
	static DetectedRuntime assertDetected(Object client, String dialect, String sourceMentions) {
		RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(client);
		assertThat(inspection.runtime()).as(inspection.summary()).isPresent();
		DetectedRuntime runtime = inspection.runtime().get();
		assertThat(runtime.kind()).isEqualTo(JdbcDriverProvider.KIND);
		assertThat(runtime.dialect()).isEqualTo(dialect);
		assertThat(runtime.serverVersion()).isNotBlank();
		assertThat(runtime.source()).contains(sourceMentions);
		assertThat(runtime.client()).isInstanceOf(DataSource.class);
		assertThat(inspection.clientClass()).isEqualTo(client.getClass().getName());
		assertThat(inspection.summary()).contains("jdbc/" + dialect, runtime.serverVersion());
		assertThat(inspection.hint()).isEmpty();
		return runtime;
	}

	/**
	 * Pushes the schema and creates a client through the given one, creates and finds a row with it, and finds the
	 * same row through the database's own pool.
	 */
	static void assertRoundTrip(Object client, DataSource database, String dialect) {
		SchemaSetup.pushSchema(SCHEMA, client);
		OrmClient orm = FarmingOrm.createOrmFromRuntime(SCHEMA, client);
		assertThat(orm.driver().kind()).isEqualTo(JdbcDriverProvider.KIND);
		assertThat(orm.driver().dialect()).isEqualTo(dialect);
		Row note = orm.model("note").create(Data.of("title", "hello"));
		assertThat(orm.model("note").findUnique((q) -> q.where("title", "hello"))).contains(note);
		assertThat(FarmingOrm.createOrmFromRuntime(SCHEMA, database).model("note").findMany()).containsExactly(note);
	}

	@Nested
	class OnH2 {

		private String url;

		private HikariDataSource pool;

		@BeforeEach
		void openDatabase() {
			this.url = "jdbc:h2:mem:" + TestDatabases.uniqueName() + ";DB_CLOSE_DELAY=-1";
			this.pool = TestDatabases.pool(this.url, "sa", "");
		}

		@AfterEach
		void closeDatabase() {
			new JdbcTemplate(this.pool).execute("SHUTDOWN");
			this.pool.close();
		}

		private void assertDetectedAndUsable(Object client, String sourceMentions) {
			assertDetected(client, "h2", sourceMentions);
			assertRoundTrip(client, this.pool, "h2");
		}

		@Test
		void hikariDataSourceIsUsedAsGiven() {
			DetectedRuntime runtime = assertDetected(this.pool, "h2", "DataSource (HikariDataSource)");
			assertThat(runtime.client()).isSameAs(this.pool);
			assertThat(runtime.serverVersion()).startsWith("H2 2.");
			assertRoundTrip(this.pool, this.pool, "h2");
		}

		@Test
		void plainH2DataSourceWithoutAPoolIsDetectedAndUsable() {
			JdbcDataSource plain = new JdbcDataSource();
			plain.setURL(this.url);
			plain.setUser("sa");
			assertDetectedAndUsable(plain, "DataSource (JdbcDataSource)");
		}

		@Test
		void jdbcTemplateIsDetectedThroughItsDataSource() {
			JdbcTemplate template = new JdbcTemplate(this.pool);
			assertThat(assertDetected(template, "h2", "DataSource of JdbcTemplate").client()).isSameAs(this.pool);
			assertRoundTrip(template, this.pool, "h2");
		}

		@Test
		void namedParameterJdbcTemplateIsDetectedThroughItsDataSource() {
			NamedParameterJdbcTemplate template = new NamedParameterJdbcTemplate(this.pool);
			assertThat(assertDetected(template, "h2", "DataSource of NamedParameterJdbcTemplate").client())
				.isSameAs(this.pool);
			assertRoundTrip(template, this.pool, "h2");
		}

		@Test
		void jdbcClientIsDetectedThroughItsDataSource() {
			JdbcClient client = JdbcClient.create(this.pool);
			assertThat(assertDetected(client, "h2", "DataSource of JdbcClient").client()).isSameAs(this.pool);
			assertRoundTrip(client, this.pool, "h2");
		}

		@Test
		void jdbcClientBuiltOnAJdbcTemplateIsDetectedThroughItsDataSource() {
			JdbcClient client = JdbcClient.create(new JdbcTemplate(this.pool));
			assertThat(assertDetected(client, "h2", "DataSource of JdbcClient").client()).isSameAs(this.pool);
			assertRoundTrip(client, this.pool, "h2");
		}

		@Test
		void connectionIsDetectedAndUsedWithoutBeingClosed() throws SQLException {
			try (Connection connection = this.pool.getConnection()) {
				assertDetectedAndUsable(connection, "java.sql.Connection");
				assertThat(connection.isClosed()).isFalse();
			}
		}

		@Test
		void jooqDslContextIsDetectedThroughItsDataSource() {
			Object jooq = DSL.using(this.pool, SQLDialect.H2);
			assertThat(assertDetected(jooq, "h2", "DataSource of jOOQ DSLContext").client()).isSameAs(this.pool);
			assertRoundTrip(jooq, this.pool, "h2");
		}

		@Test
		void jooqDslContextOnAConnectionIsRecognisedWithAHint() throws SQLException {
			try (Connection connection = this.pool.getConnection()) {
				RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(DSL.using(connection, SQLDialect.H2));
				assertThat(inspection.runtime()).isEmpty();
				assertThat(inspection.hint()).hasValueSatisfying((hint) -> assertThat(hint).contains("DataSource"));
			}
		}

		@Test
		void springEntityManagerFactoryIsDetectedThroughItsDataSource() {
			LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
			factory.setDataSource(this.pool);
			factory.setPersistenceProvider(new HibernatePersistenceProvider());
			factory.setPackagesToScan(JdbcDetectionTest.class.getPackageName() + ".noentities");
			factory.afterPropertiesSet();
			try {
				EntityManagerFactory jpa = factory.getObject();
				assertThat(assertDetected(jpa, "h2", "DataSource of JPA EntityManagerFactory").client())
					.isSameAs(this.pool);
				assertRoundTrip(jpa, this.pool, "h2");
			}
			finally {
				factory.destroy();
			}
		}

		@Test
		void hibernateEntityManagerFactoryBehindSpringsIsDetectedThroughItsProperties() {
			LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
			factory.setDataSource(this.pool);
			factory.setPersistenceProvider(new HibernatePersistenceProvider());
			factory.setPackagesToScan(JdbcDetectionTest.class.getPackageName() + ".noentities");
			factory.afterPropertiesSet();
			try {
				EntityManagerFactory hibernate = factory.getNativeEntityManagerFactory();
				assertThat(assertDetected(hibernate, "h2", "DataSource of JPA EntityManagerFactory").client())
					.isSameAs(this.pool);
				assertRoundTrip(hibernate, this.pool, "h2");
			}
			finally {
				factory.destroy();
			}
		}

		@Test
		void hibernateBootstrappedWithoutSpringIsDetectedThroughItsDataSource() {
			EntityManagerFactory hibernate = new HibernatePersistenceConfiguration("detection")
				.property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, this.pool)
				.createEntityManagerFactory();
			try {
				assertThat(assertDetected(hibernate, "h2", "DataSource of JPA EntityManagerFactory").client())
					.isSameAs(this.pool);
				assertRoundTrip(hibernate, this.pool, "h2");
			}
			finally {
				hibernate.close();
			}
		}

		@Test
		void springAopProxyOfADataSourceIsUsedWithItsAdvice() {
			AtomicInteger connections = new AtomicInteger();
			ProxyFactory proxyFactory = new ProxyFactory(this.pool);
			proxyFactory.addAdvice((MethodInterceptor) (invocation) -> {
				if (invocation.getMethod().getName().equals("getConnection")) {
					connections.incrementAndGet();
				}
				return invocation.proceed();
			});
			DataSource proxy = (DataSource) proxyFactory.getProxy();
			DetectedRuntime runtime = assertDetected(proxy, "h2", "Spring AOP proxy of HikariDataSource");
			assertThat(runtime.client()).isSameAs(proxy);
			int beforeUse = connections.get();
			assertRoundTrip(proxy, this.pool, "h2");
			assertThat(connections.get()).isGreaterThan(beforeUse);
		}

		@Test
		void springAopProxyOfAJdbcTemplateIsDetectedThroughItsTarget() {
			ProxyFactory proxyFactory = new ProxyFactory(new JdbcTemplate(this.pool));
			proxyFactory.setInterfaces(JdbcOperations.class);
			Object proxy = proxyFactory.getProxy();
			assertThat(proxy).isNotInstanceOf(JdbcTemplate.class);
			assertThat(assertDetected(proxy, "h2", "DataSource of JdbcTemplate (Spring AOP proxy)").client())
				.isSameAs(this.pool);
			assertRoundTrip(proxy, this.pool, "h2");
		}

		@Test
		void transactionAwareDataSourceProxyIsUnwrappedToItsTarget() {
			TransactionAwareDataSourceProxy proxy = new TransactionAwareDataSourceProxy(this.pool);
			assertThat(assertDetected(proxy, "h2", "DataSource (HikariDataSource)").client()).isSameAs(this.pool);
			assertRoundTrip(proxy, this.pool, "h2");
		}

		@Test
		void jooqDslContextOnATransactionAwareProxyUsesTheDataSourceBehindIt() {
			Object jooq = DSL.using(new TransactionAwareDataSourceProxy(this.pool), SQLDialect.H2);
			assertThat(assertDetected(jooq, "h2", "DataSource of jOOQ DSLContext (HikariDataSource)").client())
				.isSameAs(this.pool);
			assertRoundTrip(jooq, this.pool, "h2");
		}

		@Test
		void lazyConnectionDataSourceProxyIsDescribedThroughAndUsedAsGiven() {
			LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(this.pool);
			DetectedRuntime runtime = assertDetected(proxy, "h2",
					"DataSource (LazyConnectionDataSourceProxy over HikariDataSource)");
			assertThat(runtime.client()).isSameAs(proxy);
			assertRoundTrip(proxy, this.pool, "h2");
		}

		@Test
		void objectThatIsNoDatabaseClientGivesAHintAndNoRuntime() {
			RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(new StringBuilder("not a client"));
			assertThat(inspection.runtime()).isEmpty();
			assertThat(inspection.hint()).hasValueSatisfying((hint) -> assertThat(hint).contains("DataSource"));
			assertThat(inspection.candidates()).filteredOn((candidate) -> candidate.kind().equals("jdbc"))
				.singleElement()
				.satisfies((candidate) -> assertThat(candidate.matched()).isFalse());
		}

	}

	@Nested
	class WhenTheServerIsUnreachable {

		private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/x";

		private static RuntimeCandidate jdbcCandidate(RuntimeInspection inspection) {
			return inspection.candidates()
				.stream()
				.filter((candidate) -> candidate.kind().equals(JdbcDriverProvider.KIND))
				.findFirst()
				.orElseThrow();
		}

		@Test
		void dataSourceGivesAnInspectionWithASummaryAndAHintInsteadOfThrowing() {
			DataSource unreachable = new DriverManagerDataSource(UNREACHABLE, "postgres", "");
			RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(unreachable);
			assertThat(inspection.runtime()).isEmpty();
			assertThat(inspection.clientClass()).isEqualTo(DriverManagerDataSource.class.getName());
			assertThat(inspection.summary()).contains(DriverManagerDataSource.class.getName());
			assertThat(inspection.hint()).hasValueSatisfying((hint) -> assertThat(hint).contains("reachable"));
			assertThat(jdbcCandidate(inspection).reasons()).anySatisfy(
					(reason) -> assertThat(reason).contains("connecting failed"));
		}

		@Test
		void hikariPoolGivesAnInspectionWithAHintInsteadOfThrowing() {
			try (HikariDataSource pool = new HikariDataSource()) {
				pool.setJdbcUrl(UNREACHABLE);
				pool.setUsername("postgres");
				pool.setConnectionTimeout(250);
				RuntimeInspection inspection = FarmingOrm.inspectDatabaseRuntime(pool);
				assertThat(inspection.runtime()).isEmpty();
				assertThat(inspection.summary()).contains(HikariDataSource.class.getName());
				assertThat(inspection.hint()).hasValueSatisfying((hint) -> assertThat(hint).contains("reachable"));
			}
		}

		@Test
		void creatingAClientFailsAtDetectionAsAConnectionFailureWithTheHint() {
			DataSource unreachable = new DriverManagerDataSource(UNREACHABLE, "postgres", "");
			Throwable failure = catchThrowable(() -> FarmingOrm.createOrmFromRuntime(SCHEMA, unreachable));
			assertThat(failure).isInstanceOfSatisfying(RuntimeSetupException.class, (ex) -> {
				assertThat(ex.stage()).isEqualTo(RuntimeSetupException.Stage.DETECT);
				assertThat(ex.code()).isEqualTo(dev.farminglabs.orm.error.OrmErrorCode.CONNECTION_FAILURE);
				assertThat(ex.retryable()).isTrue();
			});
			assertThat(failure).hasMessageContaining("reachable");
		}

	}

	/** A fresh database on a real server, detected from a pooled DataSource. */
	abstract static class OnServer {

		private final TckBackend backend;

		private final String dialect;

		private DataSource dataSource;

		OnServer(TckBackend backend, String dialect) {
			this.backend = backend;
			this.dialect = dialect;
		}

		/** The server's version as it reports it in SQL, as {@code 15.20}. */
		abstract String versionFromSql(JdbcTemplate jdbc);

		@BeforeEach
		void openDatabase() {
			this.dataSource = (DataSource) this.backend.newRuntime();
		}

		@AfterEach
		void dropDatabase() {
			this.backend.release(this.dataSource);
		}

		@Test
		void dataSourceIsDetectedWithTheDialectAndTheServersVersion() {
			DetectedRuntime runtime = assertDetected(this.dataSource, this.dialect, "DataSource (HikariDataSource)");
			assertThat(runtime.serverVersion()).contains(versionFromSql(new JdbcTemplate(this.dataSource)));
			assertRoundTrip(this.dataSource, this.dataSource, this.dialect);
		}

		@Test
		void clientReportsTheSameServerVersionAsTheInspection() {
			DetectedRuntime runtime = assertDetected(this.dataSource, this.dialect, "HikariDataSource");
			OrmClient orm = FarmingOrm.createOrmFromRuntime(SCHEMA, this.dataSource);
			assertThat(orm.driver().serverVersion()).isEqualTo(runtime.serverVersion());
		}

	}

	@Nested
	class OnPostgresql extends OnServer {

		OnPostgresql() {
			super(TestDatabases.postgresql(), "postgresql");
		}

		@Override
		String versionFromSql(JdbcTemplate jdbc) {
			return jdbc.queryForObject("SHOW server_version", String.class).split(" ")[0];
		}

	}

	@Nested
	class OnMariadb extends OnServer {

		OnMariadb() {
			super(TestDatabases.mariadb(), "mariadb");
		}

		@Override
		String versionFromSql(JdbcTemplate jdbc) {
			return jdbc.queryForObject("SELECT VERSION()", String.class).split("-")[0];
		}

	}

}
