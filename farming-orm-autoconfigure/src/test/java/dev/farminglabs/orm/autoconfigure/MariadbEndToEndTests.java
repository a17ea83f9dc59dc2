package dev.farminglabs.orm.autoconfigure;

import org.junit.jupiter.api.AfterAll;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On the local MariaDB server, in a database of its own, credentials in the URL. */
class MariadbEndToEndTests extends AbstractEndToEndTests {

	static final String URL = System.getProperty("farming.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");

	static final String USER = System.getProperty("farming.test.mariadb.user", "app");

	static final String PASSWORD = System.getProperty("farming.test.mariadb.password", "app");

	static final String DATABASE = uniqueName();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		admin().execute("CREATE DATABASE " + DATABASE);
		registry.add("spring.datasource.url",
				() -> URL + DATABASE + "?user=" + USER + "&password=" + PASSWORD);
	}

	@AfterAll
	static void dropDatabase() {
		admin().execute("DROP DATABASE IF EXISTS " + DATABASE);
	}

	private static JdbcTemplate admin() {
		return new JdbcTemplate(new DriverManagerDataSource(URL, USER, PASSWORD));
	}

	@Override
	String expectedDialect() {
		return "mariadb";
	}

}
