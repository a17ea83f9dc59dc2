package dev.farminglabs.orm.samples.app;

import org.junit.jupiter.api.AfterAll;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the {@code postgresql} profile, on the local server, in a schema of its own. */
@ActiveProfiles("postgresql")
class PostgresqlSampleApplicationTests extends AbstractSampleApplicationTests {

	static final String URL = System.getProperty("farming.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

	static final String USER = System.getProperty("farming.test.postgres.user", "postgres");

	static final String PASSWORD = System.getProperty("farming.test.postgres.password", "");

	static final String SCHEMA = uniqueName();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		admin().execute("CREATE SCHEMA " + SCHEMA);
		registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
	}

	@AfterAll
	static void dropSchema() {
		admin().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
	}

	private static JdbcTemplate admin() {
		return new JdbcTemplate(new DriverManagerDataSource(URL, USER, PASSWORD));
	}

	@Override
	String dialect() {
		return "postgresql";
	}

	@Override
	JdbcTemplate database() {
		return new JdbcTemplate(new DriverManagerDataSource(URL + "?currentSchema=" + SCHEMA, USER, PASSWORD));
	}

	@Override
	String quote(String identifier) {
		return '"' + identifier + '"';
	}

}
