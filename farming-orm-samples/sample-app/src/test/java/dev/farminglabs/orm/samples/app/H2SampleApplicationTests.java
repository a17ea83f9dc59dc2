package dev.farminglabs.orm.samples.app;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On the embedded default, H2, in an in-memory database of its own. */
class H2SampleApplicationTests extends AbstractSampleApplicationTests {

	static final String URL = "jdbc:h2:mem:" + uniqueName() + ";DB_CLOSE_DELAY=-1";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> URL);
	}

	@Override
	String dialect() {
		return "h2";
	}

	@Override
	JdbcTemplate database() {
		return new JdbcTemplate(new DriverManagerDataSource(URL, "sa", ""));
	}

	@Override
	String quote(String identifier) {
		return '"' + identifier + '"';
	}

}
