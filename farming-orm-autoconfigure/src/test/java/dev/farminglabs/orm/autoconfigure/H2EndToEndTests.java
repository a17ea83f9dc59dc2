package dev.farminglabs.orm.autoconfigure;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2EndToEndTests extends AbstractEndToEndTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + uniqueName() + ";DB_CLOSE_DELAY=-1");
	}

	@Override
	String expectedDialect() {
		return "h2";
	}

}
