package dev.farminglabs.orm.autoconfigure;

import org.junit.jupiter.api.AfterAll;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On the local PostgreSQL server (trust authentication), in a schema of its own, credentials in the URL. */
class PostgresqlEndToEndTests extends AbstractEndToEndTests {

	static final String URL = System.getProperty("farming.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

	static final String USER = System.getProperty("farming.test.postgres.user", "postgres");

	static final String SCHEMA = uniqueName();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		admin().execute("CREATE SCHEMA " + SCHEMA);
		registry.add("spring.datasource.url",
				() -> URL + "?currentSchema=" + SCHEMA + "&user=" + USER + "&password=" + SECRET);
	}

	@AfterAll
	static void dropSchema() {
		admin().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
	}

	private static JdbcTemplate admin() {
		return new JdbcTemplate(new DriverManagerDataSource(URL, USER, ""));
	}

	@Override
	String expectedDialect() {
		return "postgresql";
	}

}
