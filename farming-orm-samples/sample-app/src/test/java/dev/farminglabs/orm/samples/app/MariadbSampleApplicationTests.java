package dev.farminglabs.orm.samples.app;

import org.junit.jupiter.api.AfterAll;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the {@code mariadb} profile, on the local server, in a database of its own that the driver creates on first
 * connection, as the profile's does.
 */
@ActiveProfiles("mariadb")
class MariadbSampleApplicationTests extends AbstractSampleApplicationTests {

	static final String URL = System.getProperty("farming.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");

	static final String USER = System.getProperty("farming.test.mariadb.user", "app");

	static final String PASSWORD = System.getProperty("farming.test.mariadb.password", "app");

	static final String DATABASE = uniqueName();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> URL + DATABASE + "?createDatabaseIfNotExist=true");
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
	}

	@AfterAll
	static void dropDatabase() {
		new JdbcTemplate(new DriverManagerDataSource(URL, USER, PASSWORD)).execute("DROP DATABASE IF EXISTS " + DATABASE);
	}

	@Override
	String dialect() {
		return "mariadb";
	}

	@Override
	JdbcTemplate database() {
		return new JdbcTemplate(new DriverManagerDataSource(URL + DATABASE, USER, PASSWORD));
	}

	@Override
	String quote(String identifier) {
		return '`' + identifier + '`';
	}

}
